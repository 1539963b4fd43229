"""A `jifen serve` app with the support desk wired in, staff accounts and logged-in clients."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
from aiohttp.test_utils import TestClient, TestServer
from aiohttp.web import Application

from bot import app as app_module
from bot.config import Settings
from bot.runtime import Runtime, build_runtime
from bot.support.accounts import add_staff
from bot.support.desk import Desk
from bot.support.handoff import HandoffDesk
from bot.support.hours import StaffHours
from bot.support.models import Staff
from tests.bot.helpers import FakeClock

PASSWORD = "correct horse battery"
FORM_TOKEN = re.compile(r'name="csrf" value="([^"]+)"')
PAGE_TOKEN = re.compile(r'name="csrf-token" content="([^"]+)"')


@dataclass
class Stack:
    runtime: Runtime
    app: Application
    clock: FakeClock
    desk: Desk


def build_stack(database_url: str, clock: FakeClock, hours: StaffHours | None = None) -> Stack:
    handoff = HandoffDesk(hours or StaffHours())
    runtime = build_runtime(Settings(database_url=database_url), clock=clock, handoff=handoff)
    app = app_module.build_app(runtime)
    return Stack(runtime, app, clock, Desk(runtime.db, runtime.outbox, clock))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()  # Monday 2026-11-23 10:00 in Shanghai: staff are at work


@pytest.fixture
async def stack(sqlite_url: str, clock: FakeClock) -> Stack:
    return build_stack(sqlite_url, clock)


@pytest.fixture
async def client(stack: Stack) -> AsyncIterator[TestClient]:
    async with TestClient(TestServer(stack.app)) as client:
        yield client


async def make_staff(stack: Stack, name: str, role: str = "agent") -> Staff:
    async with stack.runtime.db.transaction() as session:
        return await add_staff(session, name, role, PASSWORD, stack.clock())


async def log_in(client: TestClient, name: str, password: str = PASSWORD) -> str:
    """Log `client` in through the login form; returns the session's CSRF token."""
    response = await client.post("/console/login", data=await login_form(client, name, password))
    assert response.status == 200, await response.text()  # redirected to the queue page
    match = PAGE_TOKEN.search(await response.text())
    assert match, "the queue page carries the CSRF token"
    return match.group(1)


async def login_form(client: TestClient, name: str, password: str) -> dict[str, str]:
    page = await client.get("/console/login")
    match = FORM_TOKEN.search(await page.text())
    assert match
    return {"name": name, "password": password, "csrf": match.group(1)}
