"""A /wechat endpoint on a real aiohttp server with a migrated database (SQLite; PostgreSQL
too when JIFEN_TEST_POSTGRES_URL is set), talking to the fake WeChat API."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from pydantic import SecretStr

from bot.channels.wechat import WECHAT, Endpoint, setup
from bot.config import Settings
from bot.runtime import RUNTIME, Runtime, build_runtime

from .fake_wechat_api import FakeWeChatApi
from .wechat_push import AES_KEY, APPID, TOKEN, WeChatPush


@pytest.fixture
async def fake_api() -> AsyncIterator[FakeWeChatApi]:
    fake = FakeWeChatApi(appid=APPID)
    await fake.start()
    yield fake
    await fake.close()


def wechat_settings(
    database_url: str, fake: FakeWeChatApi, *, safe: bool = False, **options: Any
) -> Settings:
    return Settings(
        **options,
        database_url=database_url,
        wechat_token=SecretStr(TOKEN),
        wechat_appid=APPID,
        wechat_secret=SecretStr(fake.secret),
        wechat_aes_key=SecretStr(AES_KEY) if safe else None,
        wechat_api_base=fake.base_url,
    )


class Bot:
    """The running endpoint, its runtime, and a WeChat server posting to it."""

    def __init__(self, client: TestClient, push: WeChatPush) -> None:
        self.client = client
        self.push = push
        assert client.app is not None
        self.app: web.Application = client.app

    @property
    def runtime(self) -> Runtime:
        return self.app[RUNTIME]

    @property
    def endpoint(self) -> Endpoint:
        return self.app[WECHAT]


StartBot = Callable[..., Awaitable[Bot]]


@pytest.fixture
async def start_bot(database_url: str, fake_api: FakeWeChatApi) -> AsyncIterator[StartBot]:
    clients: list[TestClient] = []

    async def start(*, safe: bool = False, **options: Any) -> Bot:
        runtime = build_runtime(wechat_settings(database_url, fake_api, safe=safe, **options))
        app = web.Application()
        app[RUNTIME] = runtime
        setup(app, runtime)

        async def dispose(_app: web.Application) -> None:
            await runtime.db.dispose()

        app.on_cleanup.append(dispose)
        client = TestClient(TestServer(app, host="127.0.0.1", port=0))
        await client.start_server()
        clients.append(client)
        return Bot(client, WeChatPush(client, safe=safe))

    yield start
    for client in clients:
        await client.close()
