"""Issue 16, end to end in real browsers on PostgreSQL: a visitor asks the web chat something
it does not know; an admin finds it in the console's review queue, checks the masked words and
the regression guard, and teaches it as a variant of a topic; the same visitor asks again on
another `jifen serve` process, never restarted, and gets that topic's answer."""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest
from playwright.async_api import Browser, expect

from bot.app import build_app
from bot.config import Settings
from bot.runtime import build_runtime
from bot.support.accounts import add_staff
from faq import live
from tests.browser.conftest import IN_SESSION_LOOP, serve
from tests.browser.test_web_chat import type_answer
from tests.learning.web_process import UNKNOWN, answer_of, ask, web_process

pytestmark = IN_SESSION_LOOP

QUESTION = "积分对办健身卡有用吗"
TOPIC = "points_benefits"
PASSWORD = "correct horse battery"
TIMEOUT = 60_000  # ms: a loaded machine is slow to render and to rebuild the index
LIVENESS = 180.0  # seconds: a bound on waiting, not a measurement (bench/live_teach.py)


@pytest.fixture(autouse=True)
def untaught_afterwards() -> Iterator[None]:
    """This process follows the teaching too (faq.live is process-wide): leave it untaught."""
    yield
    live.swap(None)


async def test_a_question_taught_in_the_console_is_answered_in_another_process(
    browser: Browser, postgres_url: str, tmp_path: Path
) -> None:
    other = web_process(postgres_url, tmp_path)
    other.start()
    runtime = build_runtime(Settings(database_url=postgres_url))
    async with runtime.db.transaction() as session:
        await add_staff(session, "root", "admin", PASSWORD, runtime.clock())
    runner, base = await serve(build_app(runtime))
    try:
        expect.set_options(timeout=TIMEOUT)
        visitor = await browser.new_context(locale="zh-CN")
        page = await visitor.new_page()
        page.set_default_timeout(TIMEOUT)
        await page.goto(base + "/")
        await type_answer(page, QUESTION)
        await expect(page.locator(".msg.bot").last).to_contain_text(UNKNOWN)
        await page.locator("button[data-choice='no']:enabled").last.click()
        key = await page.evaluate("localStorage.getItem('jifen-user')")

        await _teach(browser, base)

        await other.ready(timeout=300)
        await _wait_until_live(other.url)
        await visitor.add_init_script(f"localStorage.setItem('jifen-user', {json.dumps(key)})")
        again = await visitor.new_page()
        again.set_default_timeout(TIMEOUT)
        await again.goto(other.url + "/")
        await expect(again.locator(".msg.me").first).to_have_text(QUESTION)  # the same visitor
        await type_answer(again, QUESTION)
        await expect(again.locator(".msg.bot").last).to_contain_text(answer_of(TOPIC))
    finally:
        await runner.cleanup()
        other.stop()


async def _teach(browser: Browser, base: str) -> None:
    admin = await (await browser.new_context(locale="zh-CN")).new_page()
    admin.set_default_timeout(TIMEOUT)
    await admin.goto(f"{base}/console/login")
    await admin.fill('input[name="name"]', "root")
    await admin.fill('input[name="password"]', PASSWORD)
    await admin.click("#login")
    await expect(admin).to_have_url(f"{base}/console/")
    await admin.goto(f"{base}/console/admin")
    await admin.click("#review-link")
    await admin.locator("#review a", has_text=QUESTION).click()
    await expect(admin.locator("#masked")).to_have_value(QUESTION)
    await expect(admin.locator("#around")).to_contain_text(UNKNOWN)
    await admin.locator("input[name='kind'][value='variant']").check()
    await admin.locator(f"#nearest input[value='{TOPIC}']").check()
    await admin.click("#check")
    # The guard runs in the background; the page asks for its verdict until it is there (the
    # timeout is a bound, not a measurement):
    await expect(admin.locator("#guard")).to_contain_text("不会让已知问题答错", timeout=120_000)
    await expect(admin.locator("#final-text")).to_have_text(QUESTION)
    await admin.click("#save")
    await expect(admin.locator("[role=alert]")).to_contain_text("已保存")
    await expect(admin.locator("#review")).not_to_contain_text(QUESTION)


async def _wait_until_live(other: str) -> None:
    """The other process follows the version row; ask as someone else until it has."""
    deadline = time.monotonic() + LIVENESS
    async with aiohttp.ClientSession() as http:
        for n in itertools.count():
            said = await ask(http, other, f"web-visitor-teach-probe-{n:06d}", QUESTION)
            if answer_of(TOPIC) in said:
                return
            assert time.monotonic() < deadline, "the taught variant never went live"
