"""The real app with the Telegram channel, talking to a fake Bot API; a user who talks to it."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.app import build_app
from bot.channels.telegram import TELEGRAM, TelegramChannel
from bot.config import Settings
from bot.runtime import Runtime, build_runtime
from tests.telegram.fake_bot_api import FakeBotApi, Sent

TOKEN = "123456:TEST-token"
SECRET = "s3cret-Token_1"
PUBLIC_URL = "https://jifen.example"
_update_ids = itertools.count(1000)


def text_message(chat_id: int, text: str, language_code: str = "zh-hans") -> dict[str, Any]:
    message = _message(chat_id, language_code)
    message["text"] = text
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return message


def sticker_message(chat_id: int) -> dict[str, Any]:
    message = _message(chat_id, "zh-hans")
    message["sticker"] = {
        "file_id": "s1", "file_unique_id": "u1", "type": "regular",
        "width": 512, "height": 512, "is_animated": False, "is_video": False,
    }  # fmt: skip
    return message


def _message(chat_id: int, language_code: str) -> dict[str, Any]:
    return {
        "message_id": next(_update_ids),
        "date": int(datetime.now(UTC).timestamp()),
        "chat": {"id": chat_id, "type": "private", "first_name": "Li"},
        "from": {
            "id": chat_id,
            "is_bot": False,
            "first_name": "Li",
            "language_code": language_code,
        },
    }


def message_update(message: dict[str, Any], update_id: int | None = None) -> dict[str, Any]:
    return {"update_id": next(_update_ids) if update_id is None else update_id, "message": message}


def callback_update(chat_id: int, sent: Sent, label: str) -> dict[str, Any]:
    data = next(b["callback_data"] for row in sent.keyboard for b in row if b["text"] == label)
    return {
        "update_id": next(_update_ids),
        "callback_query": {
            "id": f"cq{next(_update_ids)}",
            "from": {
                "id": chat_id,
                "is_bot": False,
                "first_name": "Li",
                "language_code": "zh-hans",
            },
            "chat_instance": "ci",
            "message": sent.as_telegram(),
            "data": data,
        },
    }


class App:
    """The running app (webhook mode) and what tests reach through it."""

    def __init__(self, client: TestClient, runtime: Runtime, fake: FakeBotApi) -> None:
        self.client = client
        self.runtime = runtime
        self.fake = fake

    @property
    def telegram(self) -> TelegramChannel:
        return self.client.app[TELEGRAM]

    async def post(self, update: dict[str, Any], secret: str | None = SECRET) -> int:
        headers = {} if secret is None else {"X-Telegram-Bot-Api-Secret-Token": secret}
        response = await self.client.post("/telegram/webhook", json=update, headers=headers)
        await self.telegram.drain()
        return response.status


class User:
    """A Telegram user chatting with the bot through the webhook, reading what the fake got."""

    def __init__(self, app: App, chat_id: int) -> None:
        self.app = app
        self.chat_id = chat_id

    @property
    def seen(self) -> list[Sent]:
        return self.app.fake.chats[self.chat_id]

    @property
    def texts(self) -> list[str]:
        return self.app.fake.texts(self.chat_id)

    async def say(self, text: str) -> list[str]:
        return await self._send(message_update(text_message(self.chat_id, text)))

    async def press(self, label: str) -> list[str]:
        sent = next((m for m in reversed(self.seen) if label in m.labels), None)
        assert sent is not None, f"no button {label!r} in {[m.labels for m in self.seen[-2:]]}"
        return await self._send(callback_update(self.chat_id, sent, label))

    async def _send(self, update: dict[str, Any]) -> list[str]:
        before = len(self.seen)
        assert await self.app.post(update) == 200
        return [message.text for message in self.seen[before:]]


@pytest.fixture
async def fake_api() -> AsyncIterator[FakeBotApi]:
    fake = FakeBotApi(TOKEN)
    await fake.start()
    yield fake
    await fake.close()


def telegram_settings(database_url: str, api_base: str, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "database_url": database_url,
        "telegram_token": TOKEN,
        "telegram_mode": "webhook",
        "telegram_webhook_secret": SECRET,
        "telegram_api_base": api_base,
        "public_url": PUBLIC_URL,
        **overrides,
    }
    return Settings(**values)


@asynccontextmanager
async def running_app(settings: Settings) -> AsyncIterator[tuple[TestClient, Runtime]]:
    runtime = build_runtime(settings)
    app = build_app(runtime)
    client = TestClient(TestServer(app, host="127.0.0.1", port=0))
    await client.start_server()
    try:
        yield client, runtime
    finally:
        await client.close()


@pytest.fixture
async def app(database_url: str, fake_api: FakeBotApi) -> AsyncIterator[App]:
    """On SQLite, and on PostgreSQL too when JIFEN_TEST_POSTGRES_URL is set."""
    async with running_app(telegram_settings(database_url, fake_api.url)) as (client, runtime):
        yield App(client, runtime, fake_api)


@pytest.fixture
def user(app: App) -> User:
    return User(app, chat_id=555001)
