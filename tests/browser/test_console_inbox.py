"""The console as an inbox agents know (Chatwoot, Zendesk), in a real browser: three panes on
a desktop and one at a time on a phone, the user's answers and score in words, the shortcuts
(Alt+Up/Down, "/", Ctrl+Enter), the alert for a conversation handed to the agent, and the
console in English."""

from __future__ import annotations

import os
import re
from datetime import timedelta
from pathlib import Path

import aiohttp
from playwright.async_api import Browser, Page, expect

from bot.reminders.models import Reminder
from bot.storage.conversations import find_user
from tests.browser.conftest import IN_SESSION_LOOP
from tests.browser.console_site import (
    CANNED,
    PHONE,
    USER,
    Site,
    agent_page,
    case_id,
    chat,
    set_answers,
)

pytestmark = IN_SESSION_LOOP

PROFILE = {
    "age": 35,
    "education": "bachelor",
    "title": "none",
    "social_insurance_months": 50,
    "insurance_base_tier": "1x",
}
NO_BONUS = {"bonus": [], "deductions": False}
# Set to a folder to keep screenshots of the console (queue, conversation and user; zh and en).
SCREENSHOTS = os.environ.get("JIFEN_SCREENSHOT_DIR")


async def _box(page: Page, selector: str) -> dict[str, float]:
    box = await page.locator(selector).bounding_box()
    assert box is not None, f"{selector} is not drawn"
    return box


async def _claim_first(page: Page, base: str) -> str:
    await expect(page.locator("#queue li[data-id]").first).to_be_visible()
    handoff = await case_id(page)
    await page.click(f'#queue li[data-id="{handoff}"] .claim')
    await expect(page).to_have_url(f"{base}/console/conversations/{handoff}")
    return handoff


async def _remind(site: Site, user: str) -> None:
    async with site.runtime.db.transaction() as session:
        found = await find_user(session, "web", user)
        assert found is not None
        now = site.runtime.clock()
        session.add(
            Reminder(
                user_id=found.id,
                kind="endorsement_7_days",
                due_at=now + timedelta(days=40),
                payload={"locale": "zh-CN", "key": "reminders.push.endorsement_7_days"},
                created_at=now,
            )
        )


async def test_three_panes_with_the_user_in_words_in_chinese_and_english(
    browser: Browser, site: Site
) -> None:
    alice = await agent_page(browser, site.base, "alice")
    async with aiohttp.ClientSession() as http:
        await chat(http, site.base, "转人工")
        await _claim_first(alice, site.base)  # an earlier handoff, closed with a note
        await alice.fill('input[name="note"]', "告知签注材料")
        await alice.click("#resolve")
        await expect(alice).to_have_url(f"{site.base}/console/")
        await set_answers(site, USER, PROFILE, NO_BONUS)
        await _remind(site, USER)
        await chat(http, site.base, "转人工")
    await expect(alice.locator("#queue li .score")).to_have_text(re.compile(r"^\d+ 分$"))
    await expect(alice.locator("#queue li .answers")).to_contain_text("年龄：35 岁")
    await _claim_first(alice, site.base)

    queue, middle, user = [
        await _box(alice, pane) for pane in ("#queue-pane", "#case-pane", "#user-pane")
    ]
    assert queue["x"] + queue["width"] <= middle["x"] < middle["x"] + middle["width"] <= user["x"]
    assert min(queue["width"], middle["width"], user["width"]) > 250
    reply = await _box(alice, "#reply-text")
    assert reply["y"] + reply["height"] <= 900, "the reply box is on screen, at the bottom"
    await expect(alice.locator("#tab-queue")).to_be_hidden()  # tabs are for phones

    pane = alice.locator("#user-pane")
    for words in ("网页聊天", "中文", "年龄", "35 岁", "本科", "社保年限", "4 年 2 个月"):
        await expect(pane).to_contain_text(words)
    await expect(pane.locator("#points")).to_contain_text(re.compile(r"合计 \d+ 分（标准 120 分）"))
    await expect(pane.locator("table.score tr")).to_have_count(4)
    await expect(pane.locator("#reminders")).to_contain_text("到期前 7 天签注提醒")
    await expect(pane.locator("#earlier")).to_contain_text("已结束 · 客服 alice")
    await expect(pane.locator("#earlier")).to_contain_text("备注：告知签注材料")
    text = await alice.locator("main").inner_text()
    for internal in ("age", "bachelor", "insurance", "resolved", "live", "user_request"):
        assert internal not in text, internal
    if SCREENSHOTS:
        await alice.screenshot(path=str(Path(SCREENSHOTS) / "console-desktop-zh.png"))

    await alice.click("nav a[lang=en]")
    await expect(alice.locator("#user-pane h2")).to_have_text("About the user")
    for words in ("web chat", "Chinese", "Age", "35 years old", "4 years 2 months"):
        await expect(pane).to_contain_text(words)
    await expect(pane.locator("#points")).to_contain_text(re.compile(r"Total \d+ points"))
    await expect(pane.locator("#earlier")).to_contain_text("closed · Agent alice")
    await expect(alice.locator("#case-status")).to_have_text("with an agent")
    await expect(alice.locator("#lines li.system p").last).to_have_text(
        "alice took the conversation"
    )
    await expect(alice.locator("#send")).to_have_text("Send")
    await expect(alice.locator("#queue-pane h2").nth(1)).to_have_text("Waiting")
    if SCREENSHOTS:
        await alice.screenshot(path=str(Path(SCREENSHOTS) / "console-desktop-en.png"))
    await alice.reload()  # the choice is kept
    await expect(alice.locator("#send")).to_have_text("Send")


async def test_alt_up_and_down_move_between_conversations(browser: Browser, site: Site) -> None:
    alice = await agent_page(browser, site.base, "alice")
    async with aiohttp.ClientSession() as http:
        for n in range(3):
            await chat(http, site.base, "转人工", f"web-visitor-key-browser-alt{n}")
    await expect(alice.locator("#queue li[data-id]")).to_have_count(3)
    ids = [await case_id(alice, "queue", n) for n in range(3)]
    conversation = f"{site.base}/console/conversations/"

    await alice.keyboard.press("Alt+ArrowDown")
    await expect(alice).to_have_url(conversation + ids[0])
    await expect(alice.locator("#queue li[data-id]")).to_have_count(3)
    await expect(alice.locator(f'#queue li[data-id="{ids[0]}"]')).to_have_attribute(
        "aria-current", "true"
    )
    await expect(alice.locator(".read-only")).to_contain_text("这个会话还在排队")
    await alice.keyboard.press("Alt+ArrowDown")
    await expect(alice).to_have_url(conversation + ids[1])
    await expect(alice.locator("#queue li[data-id]")).to_have_count(3)
    await alice.keyboard.press("Alt+ArrowUp")
    await expect(alice).to_have_url(conversation + ids[0])

    await alice.click("#claim-case")  # take it from the preview
    await expect(alice.locator("#reply-text")).to_be_visible()
    await expect(alice.locator("#mine li[data-id]")).to_have_count(1)
    await alice.focus("#reply-text")  # the shortcut works while typing too
    await alice.keyboard.press("Alt+ArrowDown")
    await expect(alice).to_have_url(conversation + ids[1])


async def test_canned_replies_open_with_a_slash_and_filter_as_one_types(
    browser: Browser, site: Site
) -> None:
    alice = await agent_page(browser, site.base, "alice")
    async with aiohttp.ClientSession() as http:
        await chat(http, site.base, "转人工")
    await _claim_first(alice, site.base)
    menu = alice.locator("#canned-menu li[role=option]")

    await alice.press("#reply-text", "/")
    await expect(menu).to_have_count(len(CANNED))
    await alice.keyboard.press("ArrowDown")
    await expect(menu.nth(1)).to_have_attribute("aria-selected", "true")
    second = await menu.nth(1).locator("strong").inner_text()
    await alice.keyboard.press("Enter")
    await expect(alice.locator("#reply-text")).to_have_value(CANNED[second])

    await alice.fill("#reply-text", "")
    await alice.press("#reply-text", "/")
    await alice.keyboard.type("身份证")  # matches the text, not only the title
    await expect(menu).to_have_count(1)
    await alice.keyboard.press("Escape")
    await expect(alice.locator("#canned-menu")).to_be_hidden()
    await expect(alice.locator("#reply-text")).to_have_value("/身份证")

    await alice.fill("#reply-text", "")
    await alice.click("#canned-open")  # the button does what "/" does
    await expect(menu).to_have_count(len(CANNED))
    first = await menu.first.locator("strong").inner_text()
    await menu.first.click()
    await expect(alice.locator("#reply-text")).to_have_value(CANNED[first])
    await alice.click("#send")
    await expect(alice.locator("#lines li.agent p")).to_have_text(CANNED[first])


async def test_a_transferred_conversation_raises_a_badge_a_title_and_an_optional_sound(
    browser: Browser, site: Site
) -> None:
    alice = await agent_page(browser, site.base, "alice")
    bob = await agent_page(browser, site.base, "bob")
    title = await bob.title()
    async with aiohttp.ClientSession() as http:
        await chat(http, site.base, "转人工", "web-visitor-key-browser-xfer1")
        await chat(http, site.base, "转人工", "web-visitor-key-browser-xfer2")
    await expect(bob.locator("#sound")).not_to_be_checked()  # off until the agent turns it on
    await expect(bob.locator("#mine-badge")).to_be_hidden()

    first = await _claim_first(alice, site.base)
    await alice.select_option('select[name="to"]', label="bob")
    await alice.click("#transfer")
    await expect(bob.locator("#mine-badge")).to_have_text("1")
    await expect(bob).to_have_title(f"(1) {title}")
    await expect(bob.locator(f'#mine li[data-id="{first}"]')).to_have_class(re.compile("fresh"))
    assert await bob.evaluate("document.body.dataset.rings") is None, "no sound by default"

    await bob.check("#sound")
    second = await _claim_first(alice, site.base)
    await alice.select_option('select[name="to"]', label="bob")
    await alice.click("#transfer")
    await expect(bob.locator("#mine-badge")).to_have_text("2")
    await expect(bob).to_have_title(f"(2) {title}")
    await expect(bob.locator("body")).to_have_attribute("data-rings", "1")

    await bob.click(f'#mine li[data-id="{first}"] a.open')  # opening it is seeing it
    await expect(bob).to_have_url(f"{site.base}/console/conversations/{first}")
    await expect(bob.locator("#mine-badge")).to_have_text("1")
    await expect(bob.locator(f'#mine li[data-id="{second}"]')).to_have_class(re.compile("fresh"))
    await expect(bob.locator("#sound")).to_be_checked()  # kept


async def test_a_phone_shows_one_pane_at_a_time_with_tabs_between_them(
    browser: Browser, site: Site
) -> None:
    alice = await agent_page(browser, site.base, "alice", viewport=PHONE)
    async with aiohttp.ClientSession() as http:
        await chat(http, site.base, "转人工")
    await expect(alice.locator("#queue-pane")).to_be_visible()
    await expect(alice.locator("#case-pane")).to_be_hidden()
    await expect(alice.locator("#user-pane")).to_be_hidden()
    await _claim_first(alice, site.base)

    await expect(alice.locator("#case-pane")).to_be_visible()
    await expect(alice.locator("#queue-pane")).to_be_hidden()
    reply = await _box(alice, "#send")
    assert reply["y"] + reply["height"] <= PHONE["height"], "send is on screen"
    await alice.click("#tab-user")
    await expect(alice.locator("#user-pane")).to_be_visible()
    await expect(alice.locator("#case-pane")).to_be_hidden()
    await expect(alice.locator("#user-pane")).to_contain_text("网页聊天")
    await alice.click("#tab-queue")
    await expect(alice.locator("#queue-pane")).to_be_visible()
    await expect(alice.locator("#mine li[data-id]")).to_have_count(1)
    await alice.click("#tab-case")
    await expect(alice.locator("#reply-text")).to_be_visible()
    width = await alice.evaluate("[document.documentElement.scrollWidth, innerWidth]")
    assert width[0] <= width[1], f"nothing scrolls sideways: {width}"


async def test_an_english_browser_gets_the_console_in_english(browser: Browser, site: Site) -> None:
    context = await browser.new_context(locale="en-US")
    page = await context.new_page()
    await page.goto(f"{site.base}/console/login")
    await expect(page.locator("h1")).to_have_text("Staff login")
    await expect(page.locator("#login")).to_have_text("Log in")
    await page.close()

    alice = await agent_page(browser, site.base, "alice", locale="en-US")
    async with aiohttp.ClientSession() as http:
        await chat(http, site.base, "转人工")
    item = alice.locator("#queue li").first
    await expect(item.locator(".channel")).to_have_text("web chat")
    await expect(item.locator(".reason")).to_have_text("the user asked for a person")
    await expect(item.locator(".score")).to_have_text("not scored yet")
    await expect(item.locator(".claim")).to_have_text("Take")
    await expect(alice.locator("#status")).to_have_text(re.compile("^Connected"))
    await _claim_first(alice, site.base)
    await expect(alice.locator("#points")).to_have_text(
        "Not scored: the user has not answered any points question."
    )
    await expect(alice.locator("#lines li.system p").first).to_have_text(
        "Handed to staff: the user asked for a person"
    )
    await alice.click("nav a[lang=zh-CN]")  # the agent's choice beats the browser's
    await expect(alice.locator("#send")).to_have_text("发送")
    await expect(alice.locator("#points")).to_have_text("还没算分：用户还没有回答积分问题。")
