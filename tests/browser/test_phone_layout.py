"""On a 390x844 phone the console's header stays one line in both languages (the web chat's:
tests/browser/test_web_chat.py), and the canned-reply menu takes room from the conversation
instead of covering its newest lines (on a phone and on a desktop)."""

from __future__ import annotations

import aiohttp
import pytest
from playwright.async_api import Browser, Page, expect

from tests.browser.conftest import IN_SESSION_LOOP
from tests.browser.console_site import DESKTOP, PHONE, Site, agent_page, case_id, chat

pytestmark = IN_SESSION_LOOP

LINES = 12  # enough for the conversation to scroll


async def one_line(page: Page, selector: str) -> None:
    """`selector` is one line: its items side by side (their middles level), or its text one
    line high; nothing spills sideways."""
    middles = await page.eval_on_selector(
        selector,
        "e => [...e.children].filter(c => c.offsetParent !== null)"
        ".map(c => { const r = c.getBoundingClientRect(); return r.top + r.height / 2; })",
    )
    if middles:
        assert max(middles) - min(middles) < 8, f"{selector} wraps: {middles}"
    else:
        lines = await page.eval_on_selector(
            selector,
            "e => { const s = getComputedStyle(e); return (e.getBoundingClientRect().height"
            " - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom))"
            " / parseFloat(s.lineHeight); }",
        )
        assert lines < 1.5, f"{selector} is {lines} lines high"
    widths = await page.eval_on_selector(selector, "e => [e.scrollWidth, e.clientWidth]")
    assert widths[0] <= widths[1], f"{selector} spills: {widths}"


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
async def test_the_console_header_is_one_line_on_a_phone(
    browser: Browser, site: Site, locale: str
) -> None:
    alice = await agent_page(browser, site.base, "alice", viewport=PHONE, locale=locale)
    await one_line(alice, "nav")
    await expect(alice.locator("#logout")).to_be_visible()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
async def test_the_canned_menu_leaves_the_newest_lines_in_view(
    browser: Browser, site: Site, viewport: dict[str, int]
) -> None:
    alice = await agent_page(browser, site.base, "alice", viewport=viewport)
    async with aiohttp.ClientSession() as http:
        await chat(http, site.base, "转人工")
        for n in range(LINES):
            await chat(http, site.base, f"第 {n} 条")
    await expect(alice.locator("#queue li[data-id]").first).to_be_visible()
    handoff = await case_id(alice)
    await alice.click(f'#queue li[data-id="{handoff}"] .claim')
    await expect(alice.locator("#lines li.line").last).to_be_visible()
    await alice.press("#reply-text", "/")
    menu = alice.locator("#canned-menu")
    await expect(menu).to_be_visible()
    newest = await alice.locator("#lines li.line").last.bounding_box()
    box = await alice.locator("#lines").bounding_box()
    drawn = await menu.bounding_box()
    assert newest and box and drawn
    assert newest["y"] + newest["height"] <= drawn["y"] + 1, "the menu covers the newest line"
    assert newest["y"] + newest["height"] <= box["y"] + box["height"] + 1, "scrolled out of view"
    assert newest["y"] >= box["y"] - 1
