"""The web chat page in a real browser: type answers, click choices, see the score."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.app import build_app
from bot.config import Settings
from bot.runtime import build_runtime
from tests.bot.helpers import FakeClock
from tests.browser.conftest import serve


@pytest.fixture
async def page(browser: Any, sqlite_url: str) -> AsyncIterator[Any]:
    """A fresh visitor on the web chat page of a running server."""
    runner, base = await serve(
        build_app(build_runtime(Settings(database_url=sqlite_url), clock=FakeClock()))
    )
    context = await browser.new_context(locale="zh-CN")
    page = await context.new_page()
    await page.goto(base + "/")
    try:
        yield page
    finally:
        await context.close()
        await runner.cleanup()


async def test_a_visitor_gets_a_score_by_typing_and_clicking(page: Any) -> None:
    await page.get_by_role("button", name="算积分").click()
    await type_answer(page, "三十五岁")
    await page.get_by_role("button", name="本科+学士学位").click()
    await type_answer(page, "没有")
    await type_answer(page, "交了4年半")
    await page.locator("button[data-choice='tier:none']").last.click()
    await type_answer(page, "无")
    await page.locator("button[data-choice='no']").last.click()
    result = page.locator(".msg.bot", has_text="合计")
    await result.wait_for()
    assert "132 分" in await result.inner_text()

    await page.reload()  # a returning visitor sees the conversation again
    await page.locator(".msg.bot", has_text="合计").wait_for()


async def test_what_a_user_types_is_shown_as_text_not_markup(page: Any) -> None:
    await page.locator(".msg.bot").first.wait_for()
    await type_answer(page, "<img src=x onerror=alert(1)>")
    assert await page.locator(".msg.me").last.inner_text() == "<img src=x onerror=alert(1)>"
    assert await page.locator(".msg img").count() == 0


async def type_answer(page: Any, text: str) -> None:
    """Type into the box and wait for the bot's answer to arrive."""
    before = await page.locator(".msg.bot").count()
    await page.fill("#text", text)
    await page.press("#text", "Enter")
    await page.wait_for_function(
        "n => document.querySelectorAll('.msg.bot').length > n", arg=before
    )
