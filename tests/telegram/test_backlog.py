"""Telegram posting updates faster than their replies can be sent: past BACKLOG updates whose
replies wait to be sent, a webhook request is answered only once a send made room. Before,
every update was stepped and answered at once and its delivery queued, without bound: the
process's memory grew with every update while the sends lagged (bench/memory.py)."""

from __future__ import annotations

import asyncio

from bot.channels.telegram.channel import BACKLOG, SENDS_AT_ONCE
from tests.telegram.conftest import SECRET, App, message_update, text_message

FIRST_CHAT = 7_600_000
# Not a measure: time for a request to be answered on the code before, where nothing held it.
ANSWERED_AT_ONCE_WITHIN = 2.0


async def test_a_webhook_waits_for_room_while_replies_cannot_be_sent(app: App) -> None:
    app.fake.hold("sendMessage")  # no send returns until the held ones are dropped
    released = False

    async def start(chat_id: int) -> tuple[int, bool]:
        update = message_update(text_message(chat_id, "/start"))
        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        response = await app.client.post("/telegram/webhook", json=update, headers=headers)
        return response.status, released

    waiting = await asyncio.gather(*(start(FIRST_CHAT + n) for n in range(BACKLOG)))
    assert {status for status, _ in waiting} == {200}
    late = asyncio.ensure_future(start(FIRST_CHAT + BACKLOG))
    await app.fake.wait_for(lambda: len(app.fake.held) >= SENDS_AT_ONCE)
    await asyncio.wait({late}, timeout=ANSWERED_AT_ONCE_WITHIN)
    released = True
    app.fake.drop_held()  # the sends in flight fail (the sweep retries them): room again
    status, answered_after_release = await late
    assert status == 200
    assert answered_after_release, "answered while none of the replies before could be sent"
    await app.fake.wait_for(lambda: bool(app.fake.texts(FIRST_CHAT + BACKLOG)))
