"""The web chat page in a real browser, on a desktop and on a 390x844 phone: type answers,
click choices, see the score as a table; a reload redraws what the visitor saw; English
browsers get English; staff messages are marked as a person's."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from bot.app import build_app
from bot.config import Settings
from bot.runtime import build_runtime
from bot.storage.conversations import enqueue_replies, find_user
from dialogs.types import Reply
from tests.bot.helpers import FakeClock
from tests.browser.conftest import IN_SESSION_LOOP, serve
from tests.browser.test_phone_layout import one_line

pytestmark = IN_SESSION_LOOP

SCREENS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
# Set to a folder to keep screenshots of the result (phone and desktop, zh and en).
SCREENSHOTS = os.environ.get("JIFEN_SCREENSHOT_DIR")

Opener = Callable[..., Any]


@pytest_asyncio.fixture(loop_scope="session")
async def site(sqlite_url: str) -> AsyncIterator[tuple[Any, str]]:
    runtime = build_runtime(Settings(database_url=sqlite_url), clock=FakeClock())
    runner, base = await serve(build_app(runtime))
    try:
        yield runtime, base
    finally:
        await runner.cleanup()


@pytest_asyncio.fixture(loop_scope="session", params=list(SCREENS))
async def open_page(browser: Any, site: tuple[Any, str], request: Any) -> AsyncIterator[Opener]:
    """Opens the chat as a new visitor whose browser prefers `locale`, on a desktop or a phone."""
    _, base = site
    contexts = []

    async def open_page(locale: str = "zh-CN") -> Any:
        context = await browser.new_context(
            locale=locale, viewport=SCREENS[request.param], is_mobile=request.param == "phone"
        )
        contexts.append(context)
        page = await context.new_page()
        page.screen = request.param
        await page.goto(base + "/")
        await page.locator(".msg.bot").first.wait_for()
        return page

    yield open_page
    for context in contexts:
        await context.close()


async def test_a_visitor_gets_a_score_by_typing_and_clicking(open_page: Opener) -> None:
    page = await open_page()
    await answer_up_to_the_bonus(page, "zh-CN")
    await type_answer(page, "无")
    await press(page, "no")
    result = page.locator(".msg.bot .score")
    await result.wait_for()
    assert "132 分" in await result.locator(".score-total").inner_text()

    await reload(page)  # a returning visitor sees the conversation again
    await page.locator(".msg.bot .score", has_text="132").wait_for()


async def test_what_a_user_types_is_shown_as_text_not_markup(open_page: Opener) -> None:
    page = await open_page()
    await type_answer(page, "<img src=x onerror=alert(1)>")
    assert await page.locator(".msg.me").last.inner_text() == "<img src=x onerror=alert(1)>"
    assert await page.locator(".msg img").count() == 0


async def test_after_a_reload_pressed_buttons_show_their_labels_and_the_question_its_buttons(
    open_page: Opener,
) -> None:
    page = await open_page()
    await press(page, "menu:score")
    await type_answer(page, "35")
    await press(page, "edu:bachelor_degree")
    await reload(page)
    mine = await page.locator(".msg.me").all_inner_texts()
    assert mine == ["算积分", "35", "本科+学士学位"]
    assert not any("[" in text for text in await page.locator(".msg").all_inner_texts())
    last = page.locator(".msg.bot").last
    assert "户籍" in await last.inner_text() or await last.locator("button").count()
    buttons = last.locator(".choices button")
    assert await buttons.count() >= 2, "the open question keeps its buttons"
    assert all([await b.is_enabled() for b in await buttons.all()])
    assert await page.locator(".msg.bot").nth(0).locator("button:enabled").count() == 0
    await type_answer(page, "没有")  # the conversation goes on from there
    assert "社保" in await page.locator(".msg.bot").last.inner_text()


async def test_the_bonus_question_toggles_in_place_and_is_confirmed_once(
    open_page: Opener,
) -> None:
    page = await open_page()
    await answer_up_to_the_bonus(page, "zh-CN")
    bubbles = await page.locator(".msg").count()
    question = page.locator(".msg").nth(bubbles - 1)
    for pick in ("bonus:7", "bonus:6", "bonus:6"):  # tick, tick, untick
        before = await question.locator("[data-choice='bonus:done']").inner_text()
        await question.locator(f"[data-choice='{pick}']").click()
        await page.wait_for_function(
            "([q, b]) => document.querySelector(q).innerText !== b",
            arg=[".msg.bot:last-of-type [data-choice='bonus:done']", before],
        )
    assert await page.locator(".msg").count() == bubbles, "toggles update the question in place"
    assert await question.locator("[data-choice='bonus:7']").inner_text() == "✓ 配偶是上海户籍"
    assert await question.locator("[data-choice='bonus:6']").inner_text() == "获得表彰奖励"
    assert await question.locator("button:enabled").count() >= 10, "still live"
    await question.locator("[data-choice='bonus:done']").click()
    await page.locator(".msg.bot", has_text="结婚满几年").wait_for()
    assert await page.locator(".msg.me").last.inner_text() == "完成（已选 1 项）"
    assert await page.locator(".msg").count() == bubbles + 2, "one answer, one next question"
    assert await question.locator("button:enabled").count() == 0

    await reload(page)  # the toggles stay folded into their question
    assert (await page.locator(".msg.me").all_inner_texts())[-1] == "完成（已选 1 项）"
    assert await page.locator(".msg.bot", has_text="可以多选").count() == 1


async def test_an_english_browser_gets_english_from_the_first_word(open_page: Opener) -> None:
    page = await open_page("en-US")
    assert "Hello" in await page.locator(".msg.bot").first.inner_text()
    assert await page.locator("header").inner_text() == (
        "Shanghai Residence Permit points assistant"
    )
    assert await page.get_attribute("#text", "placeholder") == "Type an answer or a question…"
    assert await page.locator("#send").inner_text() == "Send"
    assert await page.get_attribute("html", "lang") == "en"


@pytest.mark.parametrize("locale", ["zh-CN", "en-US"])
async def test_the_header_is_one_line(open_page: Opener, locale: str) -> None:
    page = await open_page(locale)
    await one_line(page, "header")


async def test_switching_to_english_switches_the_page_too(open_page: Opener) -> None:
    page = await open_page("zh-CN")
    assert await page.locator("#send").inner_text() == "发送"
    await page.locator(".msg.bot").last.get_by_role("button", name="English").click()
    await page.locator(".msg.bot", has_text="Switched to English").wait_for()
    assert await page.locator("#send").inner_text() == "Send"
    assert await page.get_attribute("#text", "placeholder") == "Type an answer or a question…"
    await reload(page)
    assert await page.locator("header").inner_text() == (
        "Shanghai Residence Permit points assistant"
    )


@pytest.mark.parametrize("locale", ["zh-CN", "en-US"])
async def test_the_result_is_a_table_with_the_total_first_and_the_details_folded(
    open_page: Opener, locale: str
) -> None:
    page = await open_page(locale)
    await answer_up_to_the_bonus(page, locale)
    await press(page, "bonus:none")
    await press(page, "no")
    card = page.locator(".msg.bot .score").last
    await card.wait_for()
    order = await card.evaluate("c => Array.from(c.children, e => e.className || e.tagName)")
    assert order[:4] == ["score-title", "score-total", "score-verdict", "TABLE"]
    assert "132" in await card.locator(".score-total").inner_text()
    rows = await card.locator("tbody tr").all()
    cells = [await row.locator("td").all_inner_texts() for row in rows]
    assert [c[1] for c in cells] == ["30", "90", "12"], "age, education, insurance"
    assert all(c[0] and c[2] for c in cells), "each item is named and explained"
    assert await card.locator("th").all_inner_texts() == (
        ["项目", "分值", "说明"] if locale == "zh-CN" else ["Item", "Points", "Note"]
    )

    details = page.locator(".msg.bot details").last
    assert await details.get_attribute("open") is None, "next steps and materials are folded"
    assert not await details.locator(".folded").is_visible()
    assert await in_view(page, card), "the view lands on the score"
    if SCREENSHOTS:
        name = f"result-{page.screen}-{locale}.png"
        await page.screenshot(path=str(Path(SCREENSHOTS) / name))
    await details.locator("summary").click()
    assert await details.locator(".folded").is_visible()
    folded = await details.locator(".folded").inner_text()
    caveat = "非官方，仅供参考" if locale == "zh-CN" else "Unofficial, for reference only"
    assert caveat in folded.splitlines()[-1], "the steps end with where they come from"
    if SCREENSHOTS:
        await page.screenshot(path=str(Path(SCREENSHOTS) / f"details-{page.screen}-{locale}.png"))


async def test_a_staff_reply_is_marked_as_the_staff_members(
    open_page: Opener, site: tuple[Any, str]
) -> None:
    runtime, _ = site
    page = await open_page()
    key = await page.evaluate("localStorage.getItem('jifen-user')")
    async with runtime.db.transaction() as session:
        user = await find_user(session, "web", key)
        assert user is not None
        reply = Reply("您好，我来帮您看看社保的问题。", agent="小王")
        await enqueue_replies(session, user.id, [reply], runtime.clock())
    staff = page.locator(".msg.bot.agent")
    await staff.wait_for(timeout=10_000)  # the page polls every 4 s
    assert await staff.locator(".sender").inner_text() == "客服 小王"
    assert "社保" in await staff.inner_text()
    assert await page.locator(".msg.bot:not(.agent) .sender").count() == 0, "the bot is unmarked"
    if SCREENSHOTS:
        await page.screenshot(path=str(Path(SCREENSHOTS) / f"staff-{page.screen}.png"))


async def answer_up_to_the_bonus(page: Any, locale: str) -> None:
    await press(page, "menu:score")
    await type_answer(page, "35")
    await press(page, "edu:bachelor_degree")
    await type_answer(page, "没有" if locale == "zh-CN" else "no")
    await type_answer(page, "4年半" if locale == "zh-CN" else "54 months")
    await press(page, "tier:none")
    await page.locator(".msg.bot:last-of-type [data-choice='bonus:done']").wait_for()


async def reload(page: Any) -> None:
    await page.reload()
    await page.wait_for_function("() => document.querySelectorAll('.msg.bot').length > 1")


async def in_view(page: Any, locator: Any) -> bool:
    """Whether the top of `locator` shows inside the chat log's visible area."""
    box = await locator.bounding_box()
    log = await page.locator("#log").bounding_box()
    return bool(box and log and log["y"] - 1 <= box["y"] < log["y"] + log["height"])


async def press(page: Any, choice: str) -> None:
    """Click the live button `choice` and wait for the bot's answer."""
    before = await page.locator(".msg").count()
    await page.locator(f"button[data-choice='{choice}']:enabled").last.click()
    await page.wait_for_function("n => document.querySelectorAll('.msg').length > n", arg=before)


async def type_answer(page: Any, text: str) -> None:
    """Type into the box and wait for the bot's answer to arrive."""
    before = await page.locator(".msg.bot").count()
    await page.fill("#text", text)
    await page.press("#text", "Enter")
    await page.wait_for_function(
        "n => document.querySelectorAll('.msg.bot').length > n", arg=before
    )
