"""POST /api/chat per the contract in ARCHITECTURE.md: good requests step the dialog, bad ones
get a 4xx with a JSON error, never a crash."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.app import build_app
from bot.config import Settings
from bot.runtime import build_runtime
from tests.bot.helpers import FakeClock, pick, say

USER = "visitor-0123456789"


@pytest.fixture
async def client(sqlite_url: str) -> AsyncIterator[TestClient]:
    runtime = build_runtime(Settings(database_url=sqlite_url), clock=FakeClock())
    async with TestClient(TestServer(build_app(runtime))) as client:
        yield client


async def test_the_page_is_served(client: TestClient) -> None:
    response = await client.get("/")
    assert response.status == 200
    assert "/api/chat" in await response.text()


async def test_health_checks_the_database(client: TestClient) -> None:
    response = await client.get("/healthz")
    assert response.status == 200
    assert await response.json() == {"status": "ok"}


async def test_replies_follow_the_contract(client: TestClient) -> None:
    replies = await say(client, USER, "/start")
    assert replies, "the bot greets"
    for reply in replies:
        assert isinstance(reply["text"], str) and reply["text"]
        for choice in reply["choices"]:
            assert set(choice) == {"id", "label"}


async def test_a_choice_is_accepted(client: TestClient) -> None:
    replies = await say(client, USER, "/start")
    first = next(r for r in replies if r["choices"])["choices"][0]
    assert await pick(client, USER, first["id"])


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ("not json", "body"),
        ([1, 2], "body"),
        ({"text": "你好"}, "user"),
        ({"user": "short", "text": "你好"}, "user"),
        ({"user": 12345678901, "text": "你好"}, "user"),
        ({"user": USER}, "text or choice"),
        ({"user": USER, "text": "a", "choice": "b"}, "text or choice"),
        ({"user": USER, "text": 35}, "text"),
        ({"user": USER, "choice": ["a"]}, "choice"),
        ({"user": USER, "text": "hi", "admin": True}, "admin"),
        ({"user": USER, "text": "hi", "message_id": "../etc"}, "message_id"),
    ],
)
async def test_a_bad_body_gets_400_naming_the_field(
    client: TestClient, body: object, field: str
) -> None:
    if isinstance(body, str):
        response = await client.post(
            "/api/chat", data=body, headers={"Content-Type": "application/json"}
        )
    else:
        response = await client.post("/api/chat", json=body)
    assert response.status == 400
    assert (await response.json())["error"].startswith(field)


async def test_text_over_4000_characters_is_refused_politely(client: TestClient) -> None:
    response = await client.post("/api/chat", json={"user": USER, "text": "长" * 4001})
    assert response.status == 413
    body = await response.json()
    assert "4000" in body["error"]
    assert body["message"], "a sentence the page can show the user"


async def test_text_of_4000_characters_is_answered(client: TestClient) -> None:
    assert await say(client, USER, "长" * 4000)


async def test_a_resent_message_id_gets_the_same_replies_and_no_second_step(
    client: TestClient,
) -> None:
    await say(client, USER, "/start")
    body = {"user": USER, "text": "算积分", "message_id": "resend-1"}
    first = await (await client.post("/api/chat", json=body)).json()
    again = await (await client.post("/api/chat", json=body)).json()
    assert again == first
    history = await (await client.get("/api/chat/history", params={"user": USER})).json()
    assert [line["text"] for line in history["lines"]].count("算积分") == 1


async def test_history_redraws_a_returning_visitor(client: TestClient) -> None:
    await say(client, USER, "/start")
    await say(client, USER, "算积分")
    lines = (await (await client.get("/api/chat/history", params={"user": USER})).json())["lines"]
    assert [line["author"] for line in lines[:1]] == ["user"]
    assert "算积分" in [line["text"] for line in lines]
    assert lines[-1]["author"] == "bot"


async def test_updates_and_history_refuse_a_bad_user_key(client: TestClient) -> None:
    for path in ("/api/chat/updates", "/api/chat/history"):
        response = await client.get(path, params={"user": "x"})
        assert response.status == 400


async def test_updates_of_an_unknown_visitor_are_empty(client: TestClient) -> None:
    response = await client.get("/api/chat/updates", params={"user": "nobody-yet-123"})
    assert await response.json() == {"replies": []}
