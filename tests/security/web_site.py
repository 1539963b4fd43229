"""The web chat as an attacker meets it: the whole app of `jifen serve` on a test server."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from aiohttp.test_utils import TestClient, TestServer

from bot.app import build_app
from bot.config import Settings
from bot.runtime import Runtime, build_runtime
from tests.bot.helpers import FakeClock

VISITOR = "a-visitor-key-of-22-chars-or-more"  # as long as the page's own keys


@asynccontextmanager
async def web_site(database_url: str, **settings: Any) -> AsyncIterator[tuple[TestClient, Runtime]]:
    runtime = build_runtime(Settings(database_url=database_url, **settings), clock=FakeClock())
    async with TestClient(TestServer(build_app(runtime))) as client:
        yield client, runtime
