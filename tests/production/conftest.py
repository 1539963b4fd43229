"""One `jifen serve` app with every HTTP channel (web, Telegram webhook against the fake Bot API,
WeChat) on a migrated database, and its metrics listener; the channels not yet listed in
bot.app's CHANNELS are set up here the way build_app will."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from pydantic import SecretStr

import bot.channels.telegram
import bot.channels.wechat
from bot.app import build_app
from bot.channels.telegram import TELEGRAM
from bot.channels.wechat import WECHAT
from bot.config import Settings
from bot.observability import metrics_app
from bot.observability.logs import AccessLog
from bot.runtime import Runtime, build_runtime
from tests.bot.helpers import FakeClock
from tests.production.data import runtime_on
from tests.telegram.fake_bot_api import FakeBotApi
from tests.wechat.wechat_push import TOKEN as WECHAT_TOKEN
from tests.wechat.wechat_push import WeChatPush

TELEGRAM_TOKEN = "123456:TEST-token"
TELEGRAM_SECRET = "s3cret-Token_1"


def full_app(runtime: Runtime) -> web.Application:
    app = build_app(runtime)
    if TELEGRAM not in app:
        bot.channels.telegram.setup(app, runtime)
    if WECHAT not in app:
        bot.channels.wechat.setup(app, runtime)
    return app


def full_settings(database_url: str, telegram_api: str, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "database_url": database_url,
        "telegram_token": SecretStr(TELEGRAM_TOKEN),
        "telegram_mode": "webhook",
        "telegram_webhook_secret": SecretStr(TELEGRAM_SECRET),
        "telegram_api_base": telegram_api,
        "wechat_token": SecretStr(WECHAT_TOKEN),
        **overrides,
    }
    return Settings(**values)


class Service:
    """The running app, the clients of its three channels and of its metrics listener."""

    def __init__(
        self, client: TestClient, metrics: TestClient, runtime: Runtime, fake: FakeBotApi
    ) -> None:
        self.client = client
        self.metrics = metrics
        self.runtime = runtime
        self.fake = fake
        self.wechat = WeChatPush(client)

    async def telegram(self, update: object, secret: str = TELEGRAM_SECRET) -> int:
        body = update if isinstance(update, bytes) else json.dumps(update).encode()
        response = await self.client.post(
            "/telegram/webhook",
            data=body,
            headers={
                "X-Telegram-Bot-Api-Secret-Token": secret,
                "Content-Type": "application/json",
            },
        )
        await self.client.app[TELEGRAM].drain()
        return response.status


@asynccontextmanager
async def running(database_url: str, **overrides: Any) -> AsyncIterator[Service]:
    fake = FakeBotApi(TELEGRAM_TOKEN)
    await fake.start()
    runtime = build_runtime(full_settings(database_url, fake.url, **overrides))
    server = TestServer(full_app(runtime), host="127.0.0.1", port=0)
    await server.start_server(access_log_class=AccessLog)  # as `jifen serve` logs requests
    client = TestClient(server)
    await client.start_server()
    metrics = TestClient(TestServer(metrics_app(runtime), host="127.0.0.1", port=0))
    await metrics.start_server()
    try:
        yield Service(client, metrics, runtime, fake)
    finally:
        await metrics.close()
        await client.close()
        await fake.close()


@pytest.fixture
async def service(sqlite_url: str) -> AsyncIterator[Service]:
    async with running(sqlite_url) as running_service:
        yield running_service


@pytest.fixture
async def runtime(database_url: str, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Runtime]:
    """A runtime on the test's database, which the command line (`jifen user ...`) also uses."""
    monkeypatch.setenv("JIFEN_DATABASE_URL", database_url)
    running = runtime_on(database_url, FakeClock())
    yield running
    await running.db.dispose()
