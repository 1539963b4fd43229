"""The conversation's page shows its reply box before its script (case.js, deferred) has run: on
a slow network, or a loaded server, an agent can type into it first. What they typed stays, and
a "/" typed then opens the canned replies once the script is there."""

from __future__ import annotations

import asyncio

import aiohttp
from playwright.async_api import Browser, Route, expect

from tests.browser.conftest import IN_SESSION_LOOP
from tests.browser.console_site import Site, agent_page, case_id, chat

pytestmark = IN_SESSION_LOOP


async def test_a_slash_typed_before_the_script_arrived_opens_the_canned_replies(
    browser: Browser, site: Site
) -> None:
    alice = await agent_page(browser, site.base, "alice")
    script_held = asyncio.Event()

    async def hold_the_script(route: Route) -> None:
        await script_held.wait()
        await route.continue_()

    await alice.route("**/static/case.js", hold_the_script)
    async with aiohttp.ClientSession() as http:
        await chat(http, site.base, "转人工")
    await expect(alice.locator("#queue li[data-id]").first).to_be_visible()
    handoff = await case_id(alice)
    await alice.click(f'#queue li[data-id="{handoff}"] .claim')
    await alice.press("#reply-text", "/")
    await alice.keyboard.type("问")
    await expect(alice.locator("#reply-text")).to_have_value("/问")
    script_held.set()

    await expect(alice.locator("#canned-menu li[role=option]")).to_have_count(1)
    await expect(alice.locator("#canned-menu li[role=option] strong")).to_have_text("问候")
    await expect(alice.locator("#reply-text")).to_have_value("/问")
    await alice.unroute("**/static/case.js")
    await alice.reload()  # kept as the draft, like anything typed after the script came
    await expect(alice.locator("#reply-text")).to_have_value("/问")
