"""What staff see and do on the console pages (HTTP, without a browser)."""

from __future__ import annotations

import asyncio
import io

import pytest
from aiohttp.test_utils import TestClient
from sqlalchemy import select

from bot.cli import main
from bot.storage.database import Database
from bot.support.models import Staff
from tests.bot.helpers import say
from tests.support.conftest import Stack, log_in, make_staff


async def test_the_admin_page_shows_figures_staff_canned_replies_and_unanswered_questions(
    client: TestClient, stack: Stack
) -> None:
    await make_staff(stack, "root", "admin")
    await make_staff(stack, "alice")
    for n, question in enumerate(["我家的猫可以落户吗", "我家的猫能落户吗", "我家的猫可以落户吗"]):
        await say(client, f"web-visitor-key-admin-{n:05d}", question)
    await say(client, "web-visitor-key-admin-waiting", "转人工")
    token = await log_in(client, "root")
    await client.post(
        "/console/admin/canned", data={"csrf": token, "title": "问候", "text": "您好！"}
    )

    page = await (await client.get("/console/admin")).text()
    assert '<dd id="waiting-now">1</dd>' in page
    assert "alice" in page
    assert "您好！" in page
    assert "<tr><td>3</td><td>我家的猫可以落户吗</td><td>我家的猫能落户吗</td></tr>" in page


async def test_an_agent_works_a_conversation_through_the_pages(
    client: TestClient, stack: Stack
) -> None:
    await make_staff(stack, "bob")
    await make_staff(stack, "alice")
    await say(client, "web-visitor-key-pages-00001", "转人工")
    token = await log_in(client, "alice")
    [entry] = await stack.desk.queue()

    claimed = await client.post(
        f"/console/api/handoffs/{entry.id}/claim", headers={"X-CSRF-Token": token}
    )
    assert (await claimed.json())["url"] == f"/console/conversations/{entry.id}"
    again = await client.post(
        f"/console/api/handoffs/{entry.id}/claim", headers={"X-CSRF-Token": token}
    )
    assert (again.status, await again.json()) == (409, {"error": "taken"})

    page = await client.post(
        f"/console/conversations/{entry.id}/reply", data={"csrf": token, "text": "您好，我是 alice"}
    )
    assert "您好，我是 alice" in await page.text()
    lines = await (await client.get(f"/console/api/handoffs/{entry.id}/lines?after=0")).json()
    assert lines["status"] == "live"
    assert ["agent", "您好，我是 alice"] in [[x["author"], x["text"]] for x in lines["lines"]]

    resolved = await client.post(
        f"/console/conversations/{entry.id}/resolve", data={"csrf": token, "note": "已答复"}
    )
    assert resolved.url.path == "/console/"
    assert await say(client, "web-visitor-key-pages-00001", "菜单"), "the bot is back"


def test_staff_add_generates_a_password_shown_once_and_disable_works(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("JIFEN_DATABASE_URL", sqlite_url)
    assert main(["staff", "add", "carol", "--role", "admin", "--generate"]) == 0
    printed = capsys.readouterr().out
    password = printed.split("password (shown once): ")[1].strip()
    assert len(password) >= 16
    assert main(["staff", "add", "carol", "--generate"]) == 2, "names are unique"
    assert main(["staff", "disable", "carol"]) == 0
    assert main(["staff", "disable", "nobody"]) == 2


async def test_staff_add_stores_the_hash_only(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("JIFEN_DATABASE_URL", sqlite_url)
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough secret\n"))
    assert await asyncio.to_thread(main, ["staff", "add", "dave"]) == 0
    db = Database(sqlite_url)
    async with db.transaction() as session:
        staff = await session.scalar(select(Staff).where(Staff.name == "dave"))
    await db.dispose()
    assert staff is not None and staff.role == "agent" and staff.enabled
    assert staff.password_hash.startswith("$argon2id$")
    assert "a long enough secret" not in capsys.readouterr().out
