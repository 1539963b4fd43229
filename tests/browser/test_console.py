"""Two agents in two real browsers (Debian's chromium) on a real server: a new waiting
conversation appears without a reload, both claim it, one wins, the winner answers the web chat
user with an edited canned reply, resolves, and the bot answers the user again; the transcript
stays at the bottom and long lines wrap."""

from __future__ import annotations

import asyncio
import re

import aiohttp
from playwright.async_api import Browser, Page, expect

from tests.browser.conftest import IN_SESSION_LOOP
from tests.browser.console_site import (
    Site,
    agent_page,
    chat,
    updates,
    waiting_user_says,
)

pytestmark = IN_SESSION_LOOP


async def test_two_agents_one_claim_a_reply_and_the_bot_back(browser: Browser, site: Site) -> None:
    server = site.base
    alice, bob = (
        await agent_page(browser, server, "alice"),
        await agent_page(browser, server, "bob"),
    )

    async with aiohttp.ClientSession() as http:
        assert any("第 1 位" in r["text"] for r in await chat(http, server, "转人工"))

        for page in (alice, bob):  # pushed over the WebSocket: nobody reloads
            await expect(page.locator("#queue li[data-id]")).to_have_count(1)
            await expect(page.locator("#queue li .reason")).to_have_text("用户要求人工")
            await expect(page.locator("#queue li .score")).to_have_text("还没算分")
            await expect(page.locator("#queue li .channel")).to_have_text("网页聊天")
        handoff_id = await alice.locator("#queue li[data-id]").get_attribute("data-id")

        await asyncio.gather(alice.click(".claim"), bob.click(".claim"))
        winner, loser = await _winner_and_loser(alice, bob, server, str(handoff_id))
        await expect(loser.locator(f'#queue li[data-id="{handoff_id}"]')).to_have_count(0)
        assert "/conversations/" not in loser.url

        await winner.press("#reply-text", "/")  # canned replies, filtered as one types
        await winner.keyboard.type("问候")
        await expect(winner.locator("#canned-menu li[role=option]")).to_have_count(1)
        await winner.press("#reply-text", "Enter")
        await expect(winner.locator("#reply-text")).to_have_value("您好，我是积分助手的客服。")
        await winner.fill("#reply-text", "您好，我是积分助手的客服。请问哪里不清楚？")
        await winner.press("#reply-text", "Control+Enter")  # sends, like the send button
        await expect(winner.locator("#lines li.agent")).to_contain_text("请问哪里不清楚？")
        await expect(winner.locator("#reply-text")).to_have_value("")

        winner_name = "alice" if winner is alice else "bob"
        received = await updates(http, server)
        assert received[-1]["text"] == "您好，我是积分助手的客服。请问哪里不清楚？"
        assert received[-1]["agent"] == winner_name, "the web chat marks it from this field"
        # everything in words: no "live", "handoff: user_request", "claimed by ...", "积分 0"
        await expect(winner.locator("#case-status")).to_have_text("客服处理中")
        system = winner.locator("#lines li.system p")
        await expect(system.first).to_have_text("转人工：用户要求人工")
        await expect(system.nth(1)).to_have_text(f"{winner_name} 接入了会话")
        page_text = await winner.locator("main").inner_text()
        for internal in ("live", "user_request", "claimed by", "0 分", "积分 0"):
            assert internal not in page_text
        assert any("已接入" in reply["text"] for reply in received)

        assert await chat(http, server, "居住证签注要带什么？") == [], "the bot is muted"
        await expect(winner.locator("#lines li.user p").last).to_have_text("居住证签注要带什么？")

        await winner.fill('input[name="note"]', "告知签注材料")
        await winner.click("#resolve")
        await expect(winner).to_have_url(f"{server}/console/")
        replies = await chat(http, server, "菜单")
        texts = [reply["text"] for reply in replies]
        assert any("机器人回来了" in text for text in texts)
        assert any(reply["choices"] for reply in replies), "the bot shows its menu again"


async def _winner_and_loser(a: Page, b: Page, base: str, handoff_id: str) -> tuple[Page, Page]:
    target = f"{base}/console/conversations/{handoff_id}"
    for _ in range(100):
        arrived = [page for page in (a, b) if page.url == target]
        if arrived:
            assert len(arrived) == 1, "exactly one agent gets the conversation"
            return (a, b) if arrived[0] is a else (b, a)
        await asyncio.sleep(0.1)
    raise AssertionError("nobody got the conversation")


async def test_a_line_of_4000_characters_without_a_space_wraps(
    browser: Browser, site: Site
) -> None:
    """It used to make the page 42,906 px wide."""
    server = site.base
    alice = await agent_page(browser, server, "alice")
    async with aiohttp.ClientSession() as http:
        await waiting_user_says(http, server, ["x" * 3990])
    await expect(alice.locator("#queue li .said")).to_contain_text("xxxxxx")
    page_width = await alice.evaluate("[document.documentElement.scrollWidth, innerWidth]")
    assert page_width[0] <= page_width[1], f"the queue page: {page_width}"
    await alice.click(".claim")
    await expect(alice.locator("#lines li.user").last).to_contain_text("xxxxxx")
    lines = "document.getElementById('lines')"
    lines_width = await alice.evaluate(f"[{lines}.scrollWidth, {lines}.clientWidth]")
    assert lines_width[0] <= lines_width[1], f"the transcript scrolls sideways: {lines_width}"


async def test_the_transcript_stays_at_the_bottom_and_flags_news_when_scrolled_up(
    browser: Browser, site: Site
) -> None:
    server = site.base
    alice = await agent_page(browser, server, "alice")
    async with aiohttp.ClientSession() as http:
        await waiting_user_says(http, server, [f"第 {n} 条消息" for n in range(30)])
        await alice.click(".claim")
        await expect(alice.locator("#lines li.user").last).to_have_text(re.compile("第 29 条"))
        assert await _at_bottom(alice), "opens on the newest lines"

        await chat(http, server, "新的一条")
        await expect(alice.locator("#lines li.user").last).to_contain_text("新的一条")
        await expect(alice.locator("#new-lines")).to_be_hidden()
        assert await _at_bottom(alice), "follows new lines while at the bottom"

        await alice.evaluate("document.getElementById('lines').scrollTop = 0")
        await chat(http, server, "又来一条")
        await expect(alice.locator("#new-lines")).to_be_visible()
        assert not await _at_bottom(alice), "an agent reading earlier lines is not pulled down"
        await alice.click("#new-lines")
        await expect(alice.locator("#new-lines")).to_be_hidden()
        assert await _at_bottom(alice)


async def _at_bottom(page: Page) -> bool:
    return bool(
        await page.evaluate(
            "(() => { const l = document.getElementById('lines');"
            " return l.scrollHeight - l.scrollTop - l.clientHeight < 40; })()"
        )
    )
