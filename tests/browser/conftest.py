"""A real browser (Debian's chromium driven by Playwright) against a real server on 127.0.0.1.

One chromium per test session: starting Playwright's driver and a browser took about 1.5 s per
test. Each test gets it through `browser`, which closes the contexts the test opened, so no
test sees another's pages, cookies or storage. Playwright's objects belong to the event loop
that made them, so the tests here and their async fixtures all run in the session's loop
(`pytestmark` in each module, `loop_scope="session"` on each fixture)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from aiohttp import web

from tests.conftest import fresh_postgres, fresh_sqlite

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed (.ci/run installs it)", allow_module_level=True)


IN_SESSION_LOOP = pytest.mark.asyncio(loop_scope="session")


class Chromium:
    """The session's browser, launched again if one crashed."""

    def __init__(self, playwright: Any) -> None:
        self.playwright = playwright
        self.launched: Any = None

    async def browser(self) -> Any:
        if self.launched is None or not self.launched.is_connected():
            self.launched = await self.playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, headless=True
            )
        return self.launched


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def chromium() -> AsyncIterator[Chromium]:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        session = Chromium(playwright)
        try:
            yield session
        finally:
            if session.launched is not None:
                await session.launched.close()


@pytest_asyncio.fixture(loop_scope="session")
async def browser(chromium: Chromium) -> AsyncIterator[Any]:
    """The session's chromium; the contexts this test opened are closed after it."""
    browser = await chromium.browser()
    before = set(browser.contexts)
    try:
        yield browser
    finally:
        for context in browser.contexts:
            if context not in before:
                await context.close()


# tests/conftest.py's databases, made in the session's loop like everything here.
@pytest_asyncio.fixture(loop_scope="session")
async def sqlite_url(tmp_path: Path) -> AsyncIterator[str]:
    async with fresh_sqlite(tmp_path) as url:
        yield url


@pytest_asyncio.fixture(loop_scope="session")
async def postgres_url() -> AsyncIterator[str]:
    async with fresh_postgres() as url:
        yield url


async def serve(app: web.Application) -> tuple[web.AppRunner, str]:
    """Start `app` on a free port of 127.0.0.1; returns the runner and the base URL."""
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    host, port = runner.addresses[0][:2]
    return runner, f"http://{host}:{port}"


# The console tests' server; below `serve`, which it uses.
from tests.browser.console_site import site  # noqa: E402, F401
