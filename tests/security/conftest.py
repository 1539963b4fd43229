"""An app with the web chat and the console behind a trusted proxy at 127.0.0.1, so that a test
can speak from any address with `X-Forwarded-For`; and a login attempt as a browser makes it."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot import trusted_proxies
from bot.channels import web as web_channel
from bot.config import Settings
from bot.runtime import RUNTIME, Runtime, build_runtime
from bot.support import console
from bot.support.accounts import add_staff
from bot.support.handoff import HandoffDesk
from bot.support.hours import StaffHours
from bot.support.login import LoginLimits
from bot.support.options import SupportOptions
from tests.bot.helpers import FakeClock

PASSWORD = "correct horse battery"
FORM_TOKEN = re.compile(r'name="csrf" value="([^"]+)"')
# The rules of production with short delays, so that a test of the back-off takes a second.
LIMITS = LoginLimits(delay_base=0.02, delay_cap=0.1)


@dataclass
class Site:
    runtime: Runtime
    client: TestClient
    clock: FakeClock

    async def add_staff(self, *names: str, role: str = "agent") -> None:
        """Agents with the test password (hashed cheaply: tests/conftest.py)."""
        async with self.runtime.db.transaction() as session:
            for name in names:
                await add_staff(session, name, role, PASSWORD, self.clock())


def build_site_app(
    database_url: str, clock: FakeClock, proxies: str
) -> tuple[Runtime, web.Application]:
    settings = Settings(database_url=database_url, trusted_proxies=proxies)
    runtime = build_runtime(settings, clock=clock, handoff=HandoffDesk(StaffHours()))
    app = web.Application(middlewares=[trusted_proxies.middleware(trusted_proxies.parse(proxies))])
    app[RUNTIME] = runtime
    web_channel.setup(app, runtime)
    console.setup(app, runtime, SupportOptions(login_limits=LIMITS))
    return runtime, app


@pytest.fixture
async def site(database_url: str) -> AsyncIterator[Site]:
    """On SQLite and on PostgreSQL, behind a proxy at 127.0.0.1."""
    clock = FakeClock()
    runtime, app = build_site_app(database_url, clock, "127.0.0.1")
    async with TestClient(TestServer(app)) as client:
        yield Site(runtime, client, clock)
    await runtime.db.dispose()


async def form_token(client: TestClient) -> str:
    page = await client.get("/console/login")
    match = FORM_TOKEN.search(await page.text())
    assert match
    return match.group(1)


async def attempt_login(
    client: TestClient,
    name: str,
    password: str,
    address: str | None = None,
    token: str | None = None,
) -> int:
    """One login as a browser at `address` sends it (form token and its cookie); the status
    (303: logged in, 401: wrong, 429: refused). Sent without the client's cookie jar, so that
    parallel attempts can share one form token."""
    token = token or await form_token(client)
    headers = {"Cookie": f"{console.LOGIN_COOKIE}={token}"}
    if address:
        headers["X-Forwarded-For"] = address
    async with aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar()) as session:
        response = await session.post(
            client.make_url("/console/login"),
            data={"name": name, "password": password, "csrf": token},
            headers=headers,
            allow_redirects=False,
        )
        return response.status
