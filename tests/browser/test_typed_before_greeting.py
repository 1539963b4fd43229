"""A question typed while the greeting is still on its way (a slow network, a loaded server) is
sent after it: the greeting is shown first, then the question's answer, never the greeting
after the answer, where it would bury it."""

from __future__ import annotations

import asyncio
from typing import Any

from playwright.async_api import Route, expect

from tests.browser import test_web_chat
from tests.browser.conftest import IN_SESSION_LOOP

pytestmark = IN_SESSION_LOOP

site = test_web_chat.site  # the fixture: the chat served on SQLite


async def test_a_question_typed_before_the_greeting_is_answered_after_it(
    browser: Any, site: tuple[Any, str]
) -> None:
    _, base = site
    context = await browser.new_context(locale="zh-CN")
    page = await context.new_page()
    greeting_held = asyncio.Event()

    async def hold_the_greeting(route: Route) -> None:
        if '"/start"' in (route.request.post_data or ""):
            await greeting_held.wait()
        await route.continue_()

    await page.route("**/api/chat", hold_the_greeting)
    await page.goto(base + "/")
    await page.fill("#text", "积分有效期多久")
    await page.press("#text", "Enter")
    await asyncio.sleep(1.0)  # time for a page that does not wait to send and show the answer
    greeting_held.set()

    bot = page.locator(".msg.bot")
    await expect(bot).to_have_count(2)
    greeting, answer = await bot.all_inner_texts()
    assert "积分助手" in greeting and "来源" not in greeting, greeting
    assert "来源" in answer, answer
    assert await page.locator(".msg.me").all_inner_texts() == ["积分有效期多久"]
    await context.close()
