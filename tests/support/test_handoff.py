"""The handoff as the user lives it, through POST /api/chat and the real ConversationService:
bot -> waiting -> live -> resolved -> bot."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import select

from bot.channels.marks import marked
from bot.clock import SHANGHAI
from bot.storage.models import Conversation
from bot.support.handoff import DELETION_NOTE
from bot.support.models import Handoff, Staff, UnansweredQuestion
from dialogs.locales import text as locale_text
from dialogs.types import Reply
from tests.bot.helpers import FakeClock, pick, say
from tests.support.conftest import Stack, build_stack, make_staff

USER = "web-visitor-key-handoff-0001"
OTHER = "web-visitor-key-handoff-0002"


def texts(replies: list[dict[str, Any]]) -> str:
    return "\n".join(reply["text"] for reply in replies)


async def updates(client: TestClient, user: str) -> list[dict[str, Any]]:
    response = await client.get("/api/chat/updates", headers={"X-Jifen-User": user})
    assert response.status == 200
    replies: list[dict[str, Any]] = (await response.json())["replies"]
    return replies


async def mode_of(stack: Stack, handoff_id: int) -> str:
    async with stack.runtime.db.transaction() as session:
        handoff = await session.get(Handoff, handoff_id)
        assert handoff is not None
        conversation = await session.get(Conversation, handoff.user_id)
        assert conversation is not None
        return conversation.mode


async def only_waiting(stack: Stack) -> int:
    queue = await stack.desk.queue()
    assert len(queue) == 1
    return queue[0].id


async def held_by_an_agent(client: TestClient, stack: Stack) -> tuple[Staff, int]:
    """USER asked for a person and alice took the conversation (USER has read that)."""
    await say(client, USER, "转人工")
    agent = await make_staff(stack, "alice")
    handoff_id = await only_waiting(stack)
    assert await stack.desk.claim(handoff_id, agent.id, agent.name)
    await updates(client, USER)
    return agent, handoff_id


async def test_asking_for_a_person_queues_the_user_and_pauses_the_bot(
    client: TestClient, stack: Stack
) -> None:
    replies = await say(client, USER, "转人工")
    assert "第 1 位" in texts(replies)
    assert "取消" in texts(replies)
    [entry] = await stack.desk.queue()
    assert (entry.channel, entry.reason) == ("web", "user_request")
    assert await mode_of(stack, entry.id) == "waiting"


async def test_the_next_user_is_told_their_place(client: TestClient) -> None:
    await say(client, USER, "转人工")
    assert "第 2 位" in texts(await say(client, OTHER, "人工"))


async def test_messages_while_waiting_reach_the_agent_and_a_burst_is_acknowledged_once(
    client: TestClient, stack: Stack
) -> None:
    await say(client, USER, "转人工")
    stack.clock.advance(seconds=20)
    [kept] = await say(client, USER, "我的积分申请被退回了")
    assert kept["text"] == locale_text("zh-CN", "support-kept", n=1)
    assert [b["id"] for b in kept["buttons"]] == ["support:cancel"], "the way back to the bot"
    stack.clock.advance(seconds=30)
    assert await say(client, USER, "退回原因写的是材料不全") == [], "same burst: no second note"
    [entry] = await stack.desk.queue()
    assert entry.last_message == "退回原因写的是材料不全"
    stack.clock.advance(minutes=30)
    assert texts(await say(client, USER, "还在吗")) == locale_text("zh-CN", "support-kept", n=1)


async def test_a_message_outside_staff_hours_is_told_when_staff_are_back(
    database_url: str, clock: FakeClock
) -> None:
    clock.now = datetime(2026, 11, 27, 20, 0, tzinfo=SHANGHAI)  # Friday evening
    stack = build_stack(database_url, clock)
    async with TestClient(TestServer(stack.app)) as client:
        await say(client, OTHER, "转人工")  # someone is ahead in the queue
        await say(client, USER, "转人工")
        clock.advance(minutes=1)
        [kept] = await say(client, USER, "我想问社保断缴的事")
        clock.advance(minutes=1)
        assert await say(client, USER, "断了两个月") == []
    monday = locale_text("zh-CN", "support-when", month=11, day=30, weekday="周一", time="09:00")
    assert monday in kept["text"]
    assert "第 2 位" in kept["text"]
    assert "取消" in kept["text"]


async def test_delete_my_data_while_waiting_ends_the_handoff_and_is_answered(
    client: TestClient, stack: Stack
) -> None:
    await say(client, USER, "算积分")
    await say(client, USER, "转人工")
    handoff_id = await only_waiting(stack)
    assert texts(await say(client, USER, "删除我的数据")) == locale_text("zh-CN", "delete-confirm")
    assert await stack.desk.queue() == []
    case = await stack.desk.case(handoff_id)
    assert case is not None and case.status == "cancelled"
    assert ("system", DELETION_NOTE) in [(x.author, x.text) for x in case.lines]
    assert texts(await pick(client, USER, "yes")) == locale_text("zh-CN", "data-deleted")


async def test_delete_my_data_while_an_agent_holds_the_conversation_is_honoured(
    client: TestClient, stack: Stack
) -> None:
    agent, handoff_id = await held_by_an_agent(client, stack)
    assert texts(await say(client, USER, "删除我的数据")) == locale_text("zh-CN", "delete-confirm")
    assert not await stack.desk.reply(handoff_id, agent.id, "还在吗？"), "the handoff is over"
    assert await mode_of(stack, handoff_id) == "bot"


async def test_the_bot_is_muted_while_live_and_the_agent_sees_everything(
    client: TestClient, stack: Stack
) -> None:
    await say(client, USER, "转人工")
    agent = await make_staff(stack, "alice")
    handoff_id = await only_waiting(stack)
    assert await stack.desk.claim(handoff_id, agent.id, agent.name)
    assert "alice" in texts(await updates(client, USER))

    assert await say(client, USER, "菜单") == [], "even a bot command goes to the agent"
    assert await say(client, USER, "单位还没给我交社保") == []

    case = await stack.desk.case(handoff_id)
    assert case is not None
    said = [line.text for line in case.lines if line.author == "user"]
    assert said[-2:] == ["菜单", "单位还没给我交社保"]
    assert any(line.author == "bot" for line in case.lines), "the bot's lines are there too"


async def test_the_agents_reply_reaches_the_user_and_the_transcript(
    client: TestClient, stack: Stack
) -> None:
    agent, handoff_id = await held_by_an_agent(client, stack)

    assert await stack.desk.reply(handoff_id, agent.id, "您好，请问是哪一步退回的？")
    [said] = await updates(client, USER)
    assert (said["text"], said["agent"]) == ("您好，请问是哪一步退回的？", agent.name), (
        "marked as the agent's (the page draws 客服 alice), unlike the bot's replies"
    )
    assert marked(Reply.from_json(said)) == f"客服 {agent.name}：您好，请问是哪一步退回的？", (
        "and so in the text channels"
    )
    case = await stack.desk.case(handoff_id)
    assert case is not None
    assert ("agent", "您好，请问是哪一步退回的？") in [(x.author, x.text) for x in case.lines]


async def test_an_english_speaking_user_sees_the_agent_marked_in_english(
    client: TestClient, stack: Stack
) -> None:
    await say(client, USER, "English")
    agent, handoff_id = await held_by_an_agent(client, stack)
    assert await stack.desk.reply(handoff_id, agent.id, "Hello, which step was it?")
    [said] = await updates(client, USER)
    assert marked(Reply.from_json(said)) == f"Agent {agent.name}: Hello, which step was it?"


async def test_only_the_holder_may_reply(client: TestClient, stack: Stack) -> None:
    await say(client, USER, "转人工")
    alice, bob = await make_staff(stack, "alice"), await make_staff(stack, "bob")
    handoff_id = await only_waiting(stack)
    await stack.desk.claim(handoff_id, alice.id, alice.name)
    assert not await stack.desk.reply(handoff_id, bob.id, "我来")
    assert not await stack.desk.resolve(handoff_id, bob.id)


async def test_resolving_hands_back_to_the_dialog_where_it_was(
    client: TestClient, stack: Stack
) -> None:
    assert "第 1/4 部分" in texts(await say(client, USER, "算积分"))
    await say(client, USER, "转人工")
    agent = await make_staff(stack, "alice")
    handoff_id = await only_waiting(stack)
    await stack.desk.claim(handoff_id, agent.id, agent.name)
    await stack.desk.reply(handoff_id, agent.id, "年龄按周岁填就行。")

    assert await stack.desk.resolve(handoff_id, agent.id, "解释了年龄")
    told = texts(await updates(client, USER))
    assert "机器人回来了" in told
    assert await mode_of(stack, handoff_id) == "bot"

    assert "最高学历" in texts(await say(client, USER, "35")), "the age question is answered"


async def test_cancel_while_waiting_returns_to_the_bot(client: TestClient, stack: Stack) -> None:
    await say(client, USER, "转人工")
    handoff_id = await only_waiting(stack)
    assert "机器人回来了" in texts(await say(client, USER, "取消"))
    assert await stack.desk.queue() == []
    assert await mode_of(stack, handoff_id) == "bot"
    assert await say(client, USER, "菜单"), "the bot answers again"


async def test_the_cancel_button_returns_to_the_bot(client: TestClient, stack: Stack) -> None:
    replies = await say(client, USER, "转人工")
    [button] = [b for r in replies for b in r["buttons"] if b["id"] == "support:cancel"]
    assert "机器人回来了" in texts(await pick(client, USER, button["id"]))
    assert await stack.desk.queue() == []


async def test_cancel_while_live_goes_to_the_agent(client: TestClient, stack: Stack) -> None:
    _agent, handoff_id = await held_by_an_agent(client, stack)
    assert await say(client, USER, "取消") == []
    assert await mode_of(stack, handoff_id) == "live"


async def test_a_question_the_faq_cannot_answer_is_kept_and_a_person_offered(
    client: TestClient, stack: Stack
) -> None:
    replies = await say(client, USER, "我家的猫可以落户吗")
    async with stack.runtime.db.transaction() as session:
        kept = list(await session.scalars(select(UnansweredQuestion.question)))
    assert kept == ["我家的猫可以落户吗"]
    [offer] = [r for r in replies if r["choices"]]
    assert "faq_unknown" not in texts(replies)
    await pick(client, USER, offer["choices"][0]["id"])  # yes, a person please
    [entry] = await stack.desk.queue()
    assert entry.reason == "faq_unknown"
