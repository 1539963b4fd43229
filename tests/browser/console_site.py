"""A `jifen serve` app on 127.0.0.1 with two agents (alice, bob) and a canned reply, agents
logged in in their own browser contexts, and web-chat users who talk to it over HTTP."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import time
from typing import Any

import aiohttp
import pytest_asyncio
from playwright.async_api import Browser, Page, expect
from sqlalchemy import select, update

from bot import app as app_module
from bot.config import Settings
from bot.runtime import Runtime, build_runtime
from bot.storage.models import Conversation, User
from bot.support.accounts import add_staff
from bot.support.admin import add_canned
from bot.support.handoff import HandoffDesk
from bot.support.hours import StaffHours
from tests.browser.conftest import serve

PASSWORD = "correct horse battery"
USER = "web-visitor-key-browser-0001"
ALWAYS_OPEN = StaffHours(time(0, 0), time(23, 59, 59), working_days_only=False)
TIMEOUT = 15_000  # ms, for Playwright's waits
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1440, "height": 900}
CANNED = {"问候": "您好，我是积分助手的客服。", "签注材料": "签注请带身份证和居住证。"}


@dataclass
class Site:
    base: str
    runtime: Runtime


@pytest_asyncio.fixture(loop_scope="session")
async def site(sqlite_url: str) -> AsyncIterator[Site]:
    handoff = HandoffDesk(ALWAYS_OPEN)
    runtime = build_runtime(Settings(database_url=sqlite_url), handoff=handoff)
    async with runtime.db.transaction() as session:
        for name in ("alice", "bob"):
            await add_staff(session, name, "agent", PASSWORD, runtime.clock())
        for title, text in CANNED.items():
            await add_canned(session, title, text, runtime.clock())
    runner, base = await serve(app_module.build_app(runtime))
    try:
        yield Site(base, runtime)
    finally:
        await runner.cleanup()


async def agent_page(
    browser: Browser,
    base: str,
    name: str,
    viewport: dict[str, int] | None = None,
    locale: str = "zh-CN",
) -> Page:
    context = await browser.new_context(viewport=viewport or DESKTOP, locale=locale)  # type: ignore[arg-type]
    page = await context.new_page()
    page.set_default_timeout(TIMEOUT)
    await page.goto(f"{base}/console/")
    await expect(page).to_have_url(f"{base}/console/login")
    await page.fill('input[name="name"]', name)
    await page.fill('input[name="password"]', PASSWORD)
    await page.click("#login")
    await expect(page).to_have_url(f"{base}/console/")
    await expect(page.locator("#status")).to_have_text(re.compile("已连接|Connected"))
    return page


async def chat(
    http: aiohttp.ClientSession, base: str, text: str, user: str = USER
) -> list[dict[str, Any]]:
    async with http.post(f"{base}/api/chat", json={"user": user, "text": text}) as response:
        assert response.status == 200
        replies: list[dict[str, Any]] = (await response.json())["replies"]
        return replies


async def waiting_user_says(
    http: aiohttp.ClientSession, base: str, texts: list[str], user: str = USER
) -> None:
    await chat(http, base, "转人工", user)
    for text in texts:
        await chat(http, base, text, user)


async def updates(http: aiohttp.ClientSession, base: str, user: str = USER) -> list[dict[str, Any]]:
    async with http.get(f"{base}/api/chat/updates", headers={"X-Jifen-User": user}) as response:
        replies: list[dict[str, Any]] = (await response.json())["replies"]
        return replies


async def set_answers(
    site: Site, user: str, answers: dict[str, Any], extra: dict[str, Any]
) -> None:
    """What the user told the points dialog, as it stores it (the walk through the questions
    is the dialog's tests'; here it is only what the console reads)."""
    async with site.runtime.db.transaction() as session:
        user_id = await session.scalar(select(User.id).where(User.external_id == user))
        conversation = await session.get(Conversation, user_id)
        assert conversation is not None
        context = {**(conversation.context or {}), "extra": extra}
        await session.execute(
            update(Conversation)
            .where(Conversation.user_id == user_id)
            .values(answers=answers, context=context)
        )


async def case_id(page: Page, section: str = "queue", index: int = 0) -> str:
    item = page.locator(f"#{section} li[data-id]").nth(index)
    return str(await item.get_attribute("data-id"))
