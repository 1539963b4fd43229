"""Redelivery proof: with 10 % of Telegram updates delivered twice (at the same moment, as a
slow webhook answer makes Telegram do), every distinct update gets its replies exactly once."""

from __future__ import annotations

import asyncio
import random

from tests.production.conftest import Service, running
from tests.telegram.conftest import message_update, text_message

SCRIPT = ("/start", "算积分", "35", "本科有学位", "没有", "54个月", "0", "无", "否")
CHATS = 20
REFERENCE = 990000  # a chat that gets every update once


async def talk(service: Service, chat_id: int, twice: set[int]) -> None:
    """One user's updates in order; the ones in `twice` are posted twice concurrently."""
    for step, text in enumerate(SCRIPT):
        update = message_update(text_message(chat_id, text))
        copies = 2 if (chat_id, step) in twice else 1
        statuses = await asyncio.gather(*(service.telegram(update) for _ in range(copies)))
        assert set(statuses) == {200}


async def test_ten_percent_redelivered_updates_get_exactly_one_reply_each(
    database_url: str,
) -> None:
    chats = [880100 + n for n in range(CHATS)]
    updates = [(chat, step) for chat in chats for step in range(len(SCRIPT))]
    twice = set(random.Random(7).sample(updates, k=len(updates) // 10))
    async with running(database_url) as service:
        await talk(service, REFERENCE, set())
        await asyncio.gather(*(talk(service, chat, twice) for chat in chats))
        expected = service.fake.texts(REFERENCE)
        assert any("合计" in text for text in expected), "the script ends in the score"
        for chat in chats:
            assert service.fake.texts(chat) == expected, f"chat {chat}"
