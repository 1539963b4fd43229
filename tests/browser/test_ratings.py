"""👍 under an FAQ answer in the web chat, in a real browser; the admin's figures page with its
chart, drawn by the browser (a screenshot kept when JIFEN_SCREENSHOT_DIR is set)."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest_asyncio
from playwright.async_api import Page, expect
from sqlalchemy import select

from bot.app import build_app
from bot.config import Settings
from bot.runtime import Runtime, build_runtime
from bot.support.accounts import add_staff
from bot.support.models import FaqRating
from tests.bot.helpers import FakeClock, pick, say
from tests.browser.conftest import IN_SESSION_LOOP, serve

pytestmark = IN_SESSION_LOOP

PASSWORD = "correct horse battery"
TIMEOUT = 60_000  # ms: a bound, not a wait (15 s ran out on a navigation at load average 10)
SCREENSHOTS = os.environ.get("JIFEN_SCREENSHOT_DIR")


@pytest_asyncio.fixture(loop_scope="session")
async def site(sqlite_url: str) -> AsyncIterator[tuple[Runtime, FakeClock, str]]:
    clock = FakeClock()
    runtime = build_runtime(Settings(database_url=sqlite_url), clock=clock)
    async with runtime.db.transaction() as session:
        await add_staff(session, "root", "admin", PASSWORD, clock())
    runner, base = await serve(build_app(runtime))
    try:
        yield runtime, clock, base
    finally:
        await runner.cleanup()


async def ratings(runtime: Runtime) -> list[tuple[str, bool, str | None, str]]:
    async with runtime.db.transaction() as session:
        rows = await session.scalars(select(FaqRating).order_by(FaqRating.id))
        return [(r.topic, r.helpful, r.question, r.channel) for r in rows]


async def test_a_visitor_rates_an_answer_up_and_sees_it_pressed_after_a_reload(
    browser: Any, site: tuple[Runtime, FakeClock, str]
) -> None:
    runtime, _, base = site
    context = await browser.new_context(locale="zh-CN")
    page = await context.new_page()
    page.set_default_timeout(TIMEOUT)
    await page.goto(base + "/")
    await page.locator(".msg.bot").first.wait_for()
    await page.fill("#text", "积分通知书丢了怎么办")
    await page.click("#send")
    answer = page.locator(".msg.bot", has_text="补打")
    thumb_up = answer.locator(".rating button", has_text="👍")
    await thumb_up.click()
    await expect(page.locator(".msg.bot", has_text="谢谢您的评价")).to_be_visible()
    await expect(thumb_up).to_have_attribute("aria-pressed", "true")
    await expect(answer.locator(".rating button", has_text="👎")).to_be_disabled()
    assert await ratings(runtime) == [("notice_reprint", True, "积分通知书丢了怎么办", "web")]

    await page.reload()
    again = page.locator(".msg.bot", has_text="补打").locator(".rating button", has_text="👍")
    await expect(again).to_have_attribute("aria-pressed", "true")
    await context.close()


async def test_the_figures_page_shows_the_weeks_as_a_chart(
    browser: Any, site: tuple[Runtime, FakeClock, str]
) -> None:
    runtime, clock, base = site
    await _a_few_weeks(runtime, clock)
    context = await browser.new_context(locale="zh-CN", viewport={"width": 1000, "height": 900})
    page: Page = await context.new_page()
    page.set_default_timeout(TIMEOUT)
    await page.goto(f"{base}/console/login")
    await page.fill('input[name="name"]', "root")
    await page.fill('input[name="password"]', PASSWORD)
    await page.click("#login")
    await page.goto(f"{base}/console/admin")
    await page.click("#figures-link")
    chart = page.locator("svg#weekly-chart")
    await expect(chart).to_be_visible()
    box = await chart.bounding_box()
    assert box is not None and box["width"] > 600 and box["height"] > 200
    assert await chart.locator("rect title").count() > 6
    assert await chart.locator("circle").count() == 3  # the weeks with ratings
    if SCREENSHOTS:
        await page.screenshot(path=str(Path(SCREENSHOTS) / "figures.png"), full_page=True)
        await page.goto(f"{base}/console/admin")
        await page.locator("#topics").screenshot(path=str(Path(SCREENSHOTS) / "topics.png"))
    await context.close()


async def _a_few_weeks(runtime: Runtime, clock: FakeClock) -> None:
    """Three weeks of web chat: questions answered, suggested, refused, rated, handed off."""
    from aiohttp.test_utils import TestClient, TestServer

    async with TestClient(TestServer(build_app(runtime))) as client:
        clock.advance(weeks=-2)
        for week, (up, down, unknown) in enumerate([(3, 1, 1), (2, 2, 2), (4, 0, 1)]):
            for n in range(up + down):
                user = f"web-visitor-key-figs-{week}-{n:05d}"
                replies = await say(client, user, "积分通知书丢了怎么办")
                thumb = replies[0]["rating"][0 if n < up else 1]["id"]
                await pick(client, user, thumb)
            for n in range(unknown):
                await say(client, f"web-visitor-key-figs-{week}-u{n:04d}", "信用卡积分怎么兑换")
            await say(client, f"web-visitor-key-figs-{week}-suggest", "积分")
            await say(client, f"web-visitor-key-figs-{week}-human", "转人工")
            clock.advance(weeks=1)
        clock.advance(weeks=-1)
