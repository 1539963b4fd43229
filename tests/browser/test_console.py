"""Two agents in two real browsers (Debian's chromium) on a real server: a new waiting
conversation appears without a reload, both claim it, one wins, the winner answers the web chat
user with an edited canned reply, resolves, and the bot answers the user again."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from datetime import time
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from playwright.async_api import Browser, Page, async_playwright, expect

from bot import app as app_module
from bot.config import Settings
from bot.runtime import build_runtime
from bot.support.accounts import add_staff
from bot.support.admin import add_canned
from bot.support.handoff import HandoffDesk
from bot.support.hours import StaffHours

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")

PASSWORD = "correct horse battery"
USER = "web-visitor-key-browser-0001"
ALWAYS_OPEN = StaffHours(time(0, 0), time(23, 59, 59), working_days_only=False)
TIMEOUT = 15_000  # ms, for Playwright's waits


@pytest.fixture
async def server(sqlite_url: str) -> AsyncIterator[str]:
    """A `jifen serve` process's app, on 127.0.0.1 with a free port."""
    handoff = HandoffDesk(ALWAYS_OPEN)
    runtime = build_runtime(Settings(database_url=sqlite_url), handoff=handoff)
    async with runtime.db.transaction() as session:
        for name in ("alice", "bob"):
            await add_staff(session, name, "agent", PASSWORD, runtime.clock())
        await add_canned(session, "问候", "您好，我是积分助手的客服。", runtime.clock())
    app = app_module.build_app(runtime)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    try:
        yield f"http://{host}:{port}"
    finally:
        await runner.cleanup()


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            yield browser
        finally:
            await browser.close()


async def agent_page(browser: Browser, base: str, name: str) -> Page:
    context = await browser.new_context()
    page = await context.new_page()
    page.set_default_timeout(TIMEOUT)
    await page.goto(f"{base}/console/")
    await expect(page).to_have_url(f"{base}/console/login")
    await page.fill('input[name="name"]', name)
    await page.fill('input[name="password"]', PASSWORD)
    await page.click("#login")
    await expect(page).to_have_url(f"{base}/console/")
    await expect(page.locator("#status")).to_contain_text("已连接")
    return page


async def chat(http: aiohttp.ClientSession, base: str, text: str) -> list[dict[str, Any]]:
    async with http.post(f"{base}/api/chat", json={"user": USER, "text": text}) as response:
        assert response.status == 200
        replies: list[dict[str, Any]] = (await response.json())["replies"]
        return replies


async def waiting_user_says(http: aiohttp.ClientSession, base: str, texts: list[str]) -> None:
    await chat(http, base, "转人工")
    for text in texts:
        await chat(http, base, text)


async def updates(http: aiohttp.ClientSession, base: str) -> list[str]:
    async with http.get(f"{base}/api/chat/updates", headers={"X-Jifen-User": USER}) as response:
        return [reply["text"] for reply in (await response.json())["replies"]]


async def test_two_agents_one_claim_a_reply_and_the_bot_back(browser: Browser, server: str) -> None:
    alice, bob = (
        await agent_page(browser, server, "alice"),
        await agent_page(browser, server, "bob"),
    )

    async with aiohttp.ClientSession() as http:
        assert any("第 1 位" in r["text"] for r in await chat(http, server, "转人工"))

        for page in (alice, bob):  # pushed over the WebSocket: nobody reloads
            await expect(page.locator("#queue li[data-id]")).to_have_count(1)
            await expect(page.locator("#queue li .reason")).to_have_text("用户要求人工")
            await expect(page.locator("#queue li .score")).to_have_text("积分还没算出")
            await expect(page.locator("#queue li .channel")).to_have_text("网页聊天")
        handoff_id = await alice.locator("#queue li[data-id]").get_attribute("data-id")

        await asyncio.gather(alice.click(".claim"), bob.click(".claim"))
        winner, loser = await _winner_and_loser(alice, bob, server, str(handoff_id))
        await expect(loser.locator(f'#queue li[data-id="{handoff_id}"]')).to_have_count(0)
        assert "/conversations/" not in loser.url

        await winner.select_option("#canned", label="问候")
        await expect(winner.locator("#reply-text")).to_have_value("您好，我是积分助手的客服。")
        await winner.fill("#reply-text", "您好，我是积分助手的客服。请问哪里不清楚？")
        await winner.press("#reply-text", "Control+Enter")  # sends, like the send button
        await expect(winner.locator("#lines li.agent")).to_contain_text("请问哪里不清楚？")

        winner_name = "alice" if winner is alice else "bob"
        received = await updates(http, server)
        assert received[-1] == f"客服 {winner_name}：您好，我是积分助手的客服。请问哪里不清楚？"
        # everything in words: no "live", "handoff: user_request", "claimed by ...", "积分 0"
        await expect(winner.locator("#case-status")).to_have_text("客服处理中")
        system = winner.locator("#lines li.system p")
        await expect(system.first).to_have_text("用户转人工（用户要求人工）")
        await expect(system.nth(1)).to_have_text(f"{winner_name} 接入了会话")
        page_text = await winner.locator("main").inner_text()
        for internal in ("live", "user_request", "claimed by", "0 分"):
            assert internal not in page_text
        assert any("已接入" in text for text in received)

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
    browser: Browser, server: str
) -> None:
    """It used to make the page 42,906 px wide."""
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
    browser: Browser, server: str
) -> None:
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
