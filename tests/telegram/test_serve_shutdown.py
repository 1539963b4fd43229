"""Graceful shutdown of a real `jifen serve` process: on SIGTERM it stops accepting connections,
answers the webhook request in flight, sends the replies still on their way, closes the
database and exits 0.

The fake Bot API answers slowly (SLOW seconds a sendMessage and an answerCallbackQuery), so
when the signal comes a button press is still inside its webhook request (waiting for its
answerCallbackQuery) and no chat has its reply yet.
"""

from __future__ import annotations

import asyncio
import signal
import time
from collections import defaultdict
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from tests.serve_process import ServeProcess
from tests.telegram.conftest import (
    SECRET,
    TOKEN,
    callback_update,
    message_update,
    text_message,
)
from tests.telegram.fake_bot_api import FakeBotApi, Sent

SLOW = 1.5  # seconds the fake Bot API takes to answer sendMessage and answerCallbackQuery
EXIT_WITHIN = 15.0  # seconds from SIGTERM to exit
PRESSER = 7_300_000  # presses a button: the request in flight at the signal
CHATS = [7_300_001 + n for n in range(5)]  # say /start just before: their replies are on the way


@pytest.fixture
async def serve(
    database_url: str, fake_api: FakeBotApi, tmp_path: Path
) -> AsyncIterator[ServeProcess]:
    process = ServeProcess(database_url, fake_api.url, TOKEN, SECRET, tmp_path)
    process.start()
    try:
        yield process
    finally:
        process.kill()


async def refused(port: int, timeout: float = 2.0) -> bool:
    """Whether new connections to the port are refused within `timeout` seconds. A connection
    caught in the backlog of the listener as it closes is reset instead: refused too."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except (ConnectionRefusedError, ConnectionResetError):
            return True
        writer.close()
        await asyncio.sleep(0.02)
    return False


async def outbox_statuses(database_url: str) -> dict[int, list[str]]:
    """Each Telegram chat's replies in the outbox, by their status, read straight from the table."""
    engine = create_async_engine(database_url)
    try:
        async with engine.connect() as connection:
            rows = await connection.execute(
                text(
                    "SELECT users.external_id, outbox.status FROM outbox"
                    " JOIN users ON users.id = outbox.user_id"
                    " WHERE users.channel = 'telegram' ORDER BY outbox.id"
                )
            )
            statuses: dict[int, list[str]] = defaultdict(list)
            for chat, status in rows:
                statuses[int(chat)].append(status)
            return dict(statuses)
    finally:
        await engine.dispose()


def with_button(fake: FakeBotApi, chat: int, label: str) -> Sent | None:
    return next((sent for sent in fake.chats[chat] if label in sent.labels), None)


async def test_sigterm_finishes_the_request_and_replies_in_flight_closes_the_database_and_exits(
    serve: ServeProcess, fake_api: FakeBotApi, database_url: str
) -> None:
    async with aiohttp.ClientSession() as http:
        await serve.ready()
        assert await serve.post_update(http, message_update(text_message(PRESSER, "/start"))) == 200
        await fake_api.wait_for(lambda: with_button(fake_api, PRESSER, "算积分") is not None)
        menu = with_button(fake_api, PRESSER, "算积分")
        assert menu is not None
        before_press = len(fake_api.chats[PRESSER])

        fake_api.delay("sendMessage", SLOW)
        fake_api.delay("answerCallbackQuery", SLOW)
        starts = [
            serve.post_update(http, message_update(text_message(chat, "/start"))) for chat in CHATS
        ]
        assert await asyncio.gather(*starts) == [200] * len(CHATS)
        pressing = asyncio.create_task(
            serve.post_update(http, callback_update(PRESSER, menu, "算积分"))
        )
        # The press is committed and its request waits for answerCallbackQuery: in flight.
        await fake_api.wait_for(lambda: bool(fake_api.calls_to("answerCallbackQuery")))
        assert not any(fake_api.chats[chat] for chat in CHATS), "no reply left in flight"

        assert serve.process is not None
        serve.process.send_signal(signal.SIGTERM)
        assert await refused(serve.port), "a new connection was accepted after SIGTERM"
        assert not pressing.done(), "the request in flight ended before the listener closed"
        returncode = await asyncio.to_thread(serve.process.wait, EXIT_WITHIN)
        assert await pressing == 200, serve.output()

    assert returncode == 0, serve.output()
    assert len(fake_api.chats[PRESSER]) > before_press, "the press got no reply"
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":  # checked before this test opens the file again
        # SQLite removes the write-ahead log when the last connection closes cleanly.
        assert not Path(f"{url.database}-wal").exists(), "the database was not closed"
    statuses = await outbox_statuses(database_url)
    for chat in [PRESSER, *CHATS]:
        assert fake_api.chats[chat], f"chat {chat} got no reply"
        assert set(statuses[chat]) == {"sent"}, f"chat {chat}: {statuses[chat]}\n{serve.output()}"
        assert len(fake_api.chats[chat]) == len(statuses[chat]), f"chat {chat}: sent once each"
