"""POST /api/chat per the contract in ARCHITECTURE.md: good requests step the dialog, bad ones
get a 4xx with a JSON error, never a crash."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.app import build_app
from bot.channels.web import inbound_from_body
from bot.config import Settings
from bot.runtime import build_runtime
from tests.bot.helpers import FakeClock, pick, say

USER = "web-visitor-key-0123456789"


@pytest.fixture
async def client(database_url: str) -> AsyncIterator[TestClient]:
    runtime = build_runtime(Settings(database_url=database_url), clock=FakeClock())
    async with TestClient(TestServer(build_app(runtime))) as client:
        yield client


async def test_the_page_and_its_script_are_served(client: TestClient) -> None:
    response = await client.get("/")
    assert response.status == 200
    assert 'src="/chat.js"' in await response.text()
    script = await client.get("/chat.js")
    assert script.status == 200
    assert "/api/chat" in await script.text()


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


def texts(replies: list[dict[str, object]]) -> str:
    return "\n".join(str(reply["text"]) for reply in replies)


async def test_a_whole_conversation_in_chinese_free_text_ends_in_the_total(
    client: TestClient,
) -> None:
    for answer in (
        "/start",
        "算积分",
        "三十五岁",
        "本科，有学士学位",
        "没有",
        "交了4年半",
        "没有",
        "无",
    ):
        await say(client, USER, answer)
    result = texts(await say(client, USER, "都没有"))
    assert "合计：132 分" in result
    assert "已达到 120 分" in result
    assert "接下来" in result, "next steps and materials follow the score"


async def test_edit_one_answer_recomputes_and_restart_starts_over(client: TestClient) -> None:
    for answer in ("/start", "算积分", "35", "本科有学位", "没有", "54个月", "没有", "无", "否"):
        await say(client, USER, answer)
    await say(client, USER, "修改学历")
    assert "合计：92 分" in texts(await say(client, USER, "大专")), "30 + 50 + 12"
    restarted = texts(await say(client, USER, "重新开始"))
    assert "第 1/4 部分" in restarted


async def test_back_returns_to_the_previous_question(client: TestClient) -> None:
    for answer in ("/start", "算积分", "35"):
        await say(client, USER, answer)
    back = texts(await say(client, USER, "返回"))
    assert "第 1/4 部分" in back and "多大" in back


async def test_a_wrong_answer_is_asked_again_with_an_example(client: TestClient) -> None:
    for answer in ("/start", "算积分"):
        await say(client, USER, answer)
    again = texts(await say(client, USER, "三百岁"))
    assert "300 岁好像不太对" in again and "例如：35" in again, "a friendly correction, an example"
    assert "最高学历" not in again


async def test_picking_a_choice_does_what_its_label_says(client: TestClient) -> None:
    replies = await say(client, USER, "/start")
    first = next(r for r in replies if r["choices"])["choices"][0]
    assert first["label"] == "算积分"
    asked = texts(await pick(client, USER, first["id"]))
    assert "第 1/4 部分" in asked and "多大" in asked, "the first points question"


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
    history = await (await client.get("/api/chat/history", headers={"X-Jifen-User": USER})).json()
    assert [line["text"] for line in history["lines"]].count("算积分") == 1


async def test_a_message_id_another_visitor_used_is_a_new_message(client: TestClient) -> None:
    """The page makes its message ids: unique per visitor, not across visitors."""
    other = "web-visitor-key-abcdefghijk"
    for visitor in (USER, other):
        await say(client, visitor, "/start")
    first = {"user": USER, "text": "算积分", "message_id": "m-1"}
    mine = await (await client.post("/api/chat", json=first)).json()
    second = {"user": other, "text": "常见问题", "message_id": "m-1"}
    theirs = await (await client.post("/api/chat", json=second)).json()
    assert theirs != mine
    history = await (await client.get("/api/chat/history", headers={"X-Jifen-User": other})).json()
    assert "常见问题" in [line["text"] for line in history["lines"]]
    assert "算积分" not in [line["text"] for line in history["lines"]]


async def test_a_step_whose_request_died_answers_its_resend_and_never_again(
    database_url: str,
) -> None:
    """kill -9 after the step committed, before the answer: the page resends the message and
    gets its replies; the next message gets only its own."""
    runtime = build_runtime(Settings(database_url=database_url), clock=FakeClock())
    async with TestClient(TestServer(build_app(runtime))) as client:
        await say(client, USER, "/start")
        died = {"user": USER, "text": "算积分", "message_id": "died-1"}
        committed = await runtime.service.handle(inbound_from_body(died, runtime))
        resent = await (await client.post("/api/chat", json=died)).json()
        assert [r["text"] for r in resent["replies"]] == [r.text for r in committed.replies]
        after = [r["text"] for r in await say(client, USER, "30")]
    assert not set(after) & {r.text for r in committed.replies}, "the previous question again"


async def test_history_redraws_a_returning_visitor(client: TestClient) -> None:
    await say(client, USER, "/start")
    await say(client, USER, "算积分")
    lines = (await (await client.get("/api/chat/history", headers={"X-Jifen-User": USER})).json())[
        "lines"
    ]
    assert [line["author"] for line in lines[:1]] == ["user"]
    assert "算积分" in [line["text"] for line in lines]
    assert lines[-1]["author"] == "bot"


async def test_updates_and_history_refuse_a_bad_user_key(client: TestClient) -> None:
    for path in ("/api/chat/updates", "/api/chat/history"):
        response = await client.get(path, headers={"X-Jifen-User": "x"})
        assert response.status == 400


async def test_updates_of_an_unknown_visitor_are_empty(client: TestClient) -> None:
    response = await client.get(
        "/api/chat/updates", headers={"X-Jifen-User": "nobody-yet-0123456789abc"}
    )
    assert await response.json() == {"replies": []}
