"""The admin's figures: per topic on the admin page, per week on the figures page with its
chart, from questions asked and rated in the web chat."""

from __future__ import annotations

import re

from aiohttp.test_utils import TestClient

from bot.support.learning.models import VARIANT, Taught
from tests.bot.helpers import pick, say
from tests.support.conftest import Stack, log_in, make_staff

REPRINT = "积分通知书丢了怎么办"


async def _ask_and_rate(client: TestClient, user: str, question: str, rating: str) -> None:
    replies = await say(client, user, question)
    [thumb] = [r["id"] for r in replies[0]["rating"] if r["id"].startswith(f"rate:{rating}:")]
    await pick(client, user, thumb)


def _row(page: str, table: str, first_cell: str) -> list[str]:
    """The cells of the row of table `table` whose first cell is `first_cell`, as text."""
    body = page.split(f'<table id="{table}">', 1)[1].split("</table>", 1)[0]
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body):
        cells = [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<td>(.*?)</td>", row)]
        if cells and cells[0] == first_cell:
            return cells
    raise AssertionError(f"no row {first_cell!r} in {body[:500]}")


async def test_the_admin_page_shows_each_topics_answer_rate_thumbs_and_down_questions(
    client: TestClient, stack: Stack
) -> None:
    await make_staff(stack, "root", "admin")
    for n in range(3):
        await _ask_and_rate(client, f"web-visitor-key-topic-{n:05d}", REPRINT, "down")
    await _ask_and_rate(client, "web-visitor-key-topic-00009", "通知书怎么补打", "up")
    await log_in(client, "root")

    page = await (await client.get("/console/admin")).text()
    cells = _row(page, "topics", "积分通知书丢了或要重新打印怎么办？")
    assert cells[1:5] == ["4", "100%", "25%", "1 / 3"]
    assert f"{REPRINT}（3）" in cells[5]
    assert 'href="/console/admin/figures"' in page


async def test_the_figures_page_counts_each_week_and_draws_them(
    client: TestClient, stack: Stack
) -> None:
    await make_staff(stack, "root", "admin")
    stack.clock.advance(weeks=-1)  # last week: one answered and rated up, one refused
    await _ask_and_rate(client, "web-visitor-key-weeks-00001", REPRINT, "up")
    await say(client, "web-visitor-key-weeks-00001", "信用卡积分怎么兑换")
    stack.clock.advance(weeks=1)  # this week: answered and rated down, handed off
    await _ask_and_rate(client, "web-visitor-key-weeks-00002", REPRINT, "down")
    await say(client, "web-visitor-key-weeks-00002", "转人工")
    async with stack.runtime.db.transaction() as session:  # taught this week: two, one undone
        for undone in (None, stack.clock()):
            session.add(
                Taught(
                    kind=VARIANT, topic="notice_reprint", text="通知书不见了", decided_by="root",
                    decided_at=stack.clock(), undone_by=undone and "root", undone_at=undone,
                )
            )  # fmt: skip
    await log_in(client, "root")

    response = await client.get("/console/admin/figures")
    assert response.status == 200
    page = await response.text()
    # asked, answered, suggested, refused, handed off, 好评率, ratings, taught
    assert _row(page, "weeks", "2026-11-23")[1:] == ["1", "1", "0", "0", "1", "0%", "1", "1"]
    assert _row(page, "weeks", "2026-11-16")[1:] == ["2", "1", "0", "1", "0", "100%", "1", "0"]
    assert _row(page, "weeks", "2026-09-07") == ["2026-09-07", *["0"] * 5, "—", "0", "0"]
    svg = page.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert "<title>11-16 直接回答 1</title>" in svg
    assert "<title>11-16 答不上来 1</title>" in svg
    assert "<title>11-23 转人工 1</title>" in svg
    assert "<title>11-16 好评率 100%（1/1）</title>" in svg
    assert "<script" not in page and "http" not in svg.replace("http://www.w3.org/2000/svg", "")


async def test_an_agent_may_not_see_the_figures_page(client: TestClient, stack: Stack) -> None:
    await make_staff(stack, "alice")
    await log_in(client, "alice")
    response = await client.get("/console/admin/figures", allow_redirects=False)
    assert response.status == 403
