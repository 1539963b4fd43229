"""kill -9 of a real `jifen serve` process with a reply on its way, then the same update again.

The step of an update is committed, and its reply is on its way to the Bot API when the process
is killed (the fake Bot API holds the request, which never arrives). Telegram did
not get the webhook's answer, so it posts the update again to the restarted process, and the
user then writes their next message. What the user must see: the reply to the first update
once, then the reply to the next, and nothing more once nothing is left to send. Before, the
redelivered update's reply waited out the killed process's lease and came a minute later,
after the next answer (the previous question again); a fix that sent it at once but left it
pending would send it twice, and one that dropped it would lose it.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import aiohttp

from tests.serve_process import ServeProcess, pending_replies
from tests.telegram.conftest import SECRET, TOKEN, message_update, text_message
from tests.telegram.fake_bot_api import FakeBotApi

CHAT = 7_400_001  # the user whose first update is caught by the kill
REFERENCE = 7_400_002  # says the same, with nothing happening to it
# Seconds to wait, at most, for the outbox to have nothing left to send: a guard for a hung
# run, past the killed process's 60-second lease, not a measure.
SETTLE_AT_MOST = 180.0


async def settled(database_url: str) -> None:
    deadline = time.monotonic() + SETTLE_AT_MOST
    while await pending_replies(database_url):
        assert time.monotonic() < deadline, "replies still pending"
        await asyncio.sleep(0.5)


async def test_an_update_posted_again_after_kill_9_gets_its_reply_once_before_the_next_answer(
    database_url: str, tmp_path: Path
) -> None:
    fake = FakeBotApi(TOKEN)
    await fake.start()
    serve = ServeProcess(database_url, fake.url, TOKEN, SECRET, tmp_path)
    start = message_update(text_message(CHAT, "/start"))
    try:
        serve.start()
        async with aiohttp.ClientSession() as http:
            await serve.ready()
            fake.hold("sendMessage")
            await serve.post_update(http, start)  # its answer is lost on the way to Telegram
            await fake.wait_for(lambda: any(c.params["chat_id"] == CHAT for c in fake.held))
            serve.kill()
            fake.drop_held()

            serve.start()
            await serve.ready()
            assert await serve.post_update(http, start) == 200, "the update posted again"
            assert (
                await serve.post_update(http, message_update(text_message(CHAT, "算积分"))) == 200
            )
            for text in ("/start", "算积分"):
                reference = message_update(text_message(REFERENCE, text))
                assert await serve.post_update(http, reference) == 200
            await settled(database_url)
    finally:
        serve.kill()
        await fake.close()
    assert fake.texts(REFERENCE), "the reference chat got its replies"
    assert fake.texts(CHAT) == fake.texts(REFERENCE), serve.output()
