"""The agent's side in the database: concurrent claims, claims that time out, transfer, figures."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from aiohttp.test_utils import TestClient, TestServer

from bot.support.models import Handoff
from dialogs.locales import text
from tests.bot.helpers import FakeClock, say
from tests.support.conftest import Stack, build_stack, make_staff

USER = "web-visitor-key-desk-000001"


async def test_of_many_agents_claiming_at_once_exactly_one_wins(database_url: str) -> None:
    stack = build_stack(database_url, FakeClock())
    async with TestClient(TestServer(stack.app)) as client:
        await say(client, USER, "转人工")
        agents = [await make_staff(stack, f"agent{n}") for n in range(12)]
        [entry] = await stack.desk.queue()

        results = await asyncio.gather(
            *(stack.desk.claim(entry.id, agent.id, agent.name) for agent in agents)
        )

        assert results.count(True) == 1
        winner = agents[results.index(True)]
        async with stack.runtime.db.transaction() as session:
            handoff = await session.get(Handoff, entry.id)
            assert handoff is not None
            assert (handoff.status, handoff.agent_id) == ("live", winner.id)
        assert await stack.desk.queue() == []
        joined = await client.get("/api/chat/updates", headers={"X-Jifen-User": USER})
        assert len((await joined.json())["replies"]) == 1, "the user is told once"


async def test_a_claim_without_an_agent_reply_returns_to_the_queue(
    client: TestClient, stack: Stack
) -> None:
    await say(client, USER, "转人工")
    agent = await make_staff(stack, "alice")
    [entry] = await stack.desk.queue()
    await stack.desk.claim(entry.id, agent.id, agent.name)
    await client.get("/api/chat/updates", headers={"X-Jifen-User": USER})  # "alice has joined"

    stack.clock.advance(minutes=9)
    assert await stack.desk.release_stale(timedelta(minutes=10)) == 0
    stack.clock.advance(minutes=2)
    assert await stack.desk.release_stale(timedelta(minutes=10)) == 1

    [again] = await stack.desk.queue()
    assert again.id == entry.id
    assert await stack.desk.mine(agent.id) == []
    assert not await stack.desk.reply(entry.id, agent.id, "还在吗？"), "no longer theirs"
    [kept] = await say(client, USER, "有人吗")
    assert kept["text"] == text("zh-CN", "support-kept", n=1), "still held for staff"


async def test_an_agent_reply_keeps_the_claim(client: TestClient, stack: Stack) -> None:
    await say(client, USER, "转人工")
    agent = await make_staff(stack, "alice")
    [entry] = await stack.desk.queue()
    await stack.desk.claim(entry.id, agent.id, agent.name)
    stack.clock.advance(minutes=8)
    await stack.desk.reply(entry.id, agent.id, "我看一下")
    stack.clock.advance(minutes=8)
    assert await stack.desk.release_stale(timedelta(minutes=10)) == 0
    assert await stack.desk.mine(agent.id) == [entry.id]


async def test_transfer_hands_the_conversation_to_a_colleague(
    client: TestClient, stack: Stack
) -> None:
    await say(client, USER, "转人工")
    alice, bob = await make_staff(stack, "alice"), await make_staff(stack, "bob")
    [entry] = await stack.desk.queue()
    await stack.desk.claim(entry.id, alice.id, alice.name)
    assert await stack.desk.transfer(entry.id, alice.id, bob.id)
    assert await stack.desk.mine(bob.id) == [entry.id]
    assert not await stack.desk.reply(entry.id, alice.id, "我还在")
    assert await stack.desk.reply(entry.id, bob.id, "我是 bob")


async def test_figures_count_waiting_resolved_and_the_median_wait(
    client: TestClient, stack: Stack
) -> None:
    agent = await make_staff(stack, "alice")
    for n, minutes in enumerate((2, 4, 9)):
        await say(client, f"web-visitor-key-figures-{n:04d}", "转人工")
        handoff_id = (await stack.desk.queue())[-1].id
        stack.clock.advance(minutes=minutes)
        await stack.desk.claim(handoff_id, agent.id, agent.name)
        await stack.desk.resolve(handoff_id, agent.id)
    await say(client, "web-visitor-key-figures-wait", "转人工")

    figures = await stack.desk.figures()
    assert figures.waiting_now == 1
    assert figures.resolved_today == 3
    assert figures.median_wait_today == timedelta(minutes=4)
