"""An admin who chose English reads the admin and learning pages in English: every word of the
page's own is English; only what users wrote and the FAQ's topics (bot content, Chinese) are
left as they are."""

from __future__ import annotations

import re

from aiohttp.test_utils import TestClient

from faq.retrieve import load_entries
from tests.bot.helpers import say
from tests.learning.test_review_console import guard_verdict
from tests.support.conftest import Stack, log_in, make_staff

ASKED = "火星上的猫怎么养"
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+")


def _chinese_left(page: str, said: list[str]) -> list[str]:
    """Chinese runs on `page` that are neither the conversation (what the user and the bot
    `said`), the FAQ's topics, nor the name of the Chinese language in the language picker."""
    for data in sorted(
        {*said, "中文", *(str(e.question) for e in load_entries())}, key=len, reverse=True
    ):
        page = page.replace(data, "")
    return CJK.findall(page)


async def _page(client: TestClient, path: str) -> str:
    response = await client.get(path)
    text = await response.text()
    assert response.status == 200, text
    return text


async def test_the_admin_and_learning_pages_are_english_for_an_admin_who_chose_it(
    client: TestClient, stack: Stack
) -> None:
    await make_staff(stack, "root", "admin")
    replies = await say(client, "web-visitor-key-english-01", ASKED)
    said = [ASKED, *(str(reply["text"]) for reply in replies)]
    token = await log_in(client, "root")
    admin = await _page(client, "/console/admin?lang=en")
    assert "Staff accounts" in admin and "Review queue: teach the bot how to answer" in admin
    figures = await _page(client, "/console/admin/figures")
    assert "Weekly figures" in figures and "Weeks starting on Monday" in figures
    queue = await _page(client, "/console/admin/review")
    assert "not answered" in queue
    group = re.search(r'data-group="(\d+)"', queue)
    assert group
    teach = await _page(client, f"/console/admin/review/{group[1]}")
    assert "Teach the bot" in teach and "not ours (the bot must refuse it)" in teach
    missing = await client.post(
        f"/console/admin/review/{group[1]}/check",
        data={"csrf": token, "kind": "variant", "text": ASKED},
    )
    assert missing.status == 400 and "Pick a topic from the list." in await missing.text()
    decision = {"kind": "negative", "text": ASKED}
    check = await client.post(
        f"/console/admin/review/{group[1]}/check", data={"csrf": token, **decision}
    )
    confirm = await check.text()
    assert "Checking in the background" in confirm
    guard = await guard_verdict(client, int(group[1]), token, decision)
    assert "This change makes no known question go wrong." in guard
    await client.post(f"/console/admin/review/{group[1]}/teach", data={"csrf": token, **decision})
    taught = await _page(client, "/console/admin/taught")
    assert "Undo" in taught and "not ours" in taught
    for page in (admin, figures, queue, teach, confirm, guard, taught):
        assert _chinese_left(page, said) == [], _chinese_left(page, said)
