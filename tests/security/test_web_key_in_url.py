"""The key used to travel in the query string of history and updates, where access logs,
proxies and Referer headers keep it. It is read from a header only now."""

from __future__ import annotations

from tests.security.web_site import VISITOR, web_site


async def test_history_and_updates_do_not_take_the_key_from_the_url(sqlite_url: str) -> None:
    async with web_site(sqlite_url) as (client, _):
        await client.post("/api/chat", json={"user": VISITOR, "text": "/start"})
        for path in ("/api/chat/history", "/api/chat/updates"):
            response = await client.get(path, params={"user": VISITOR})
            assert response.status == 400, path
            assert "X-Jifen-User" in (await response.json())["error"]


async def test_the_header_reads_the_visitors_own_history(sqlite_url: str) -> None:
    async with web_site(sqlite_url) as (client, _):
        await client.post("/api/chat", json={"user": VISITOR, "text": "/start"})
        response = await client.get("/api/chat/history", headers={"X-Jifen-User": VISITOR})
        lines = (await response.json())["lines"]
    assert lines[0] == {"author": "user", "text": "/start"}
    assert any(line["author"] == "bot" for line in lines)


async def test_the_page_sends_the_key_in_a_header() -> None:
    from bot.channels.web import STATIC

    script = (STATIC / "chat.js").read_text()
    assert "?user=" not in script
    assert '"X-Jifen-User"' in script
