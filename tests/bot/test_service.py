"""ConversationService: every message applied exactly once, in order, durably."""

from __future__ import annotations

import asyncio
import itertools

import pytest
from sqlalchemy import func, select

from bot.delivery import Outbox
from bot.service import ConversationService
from bot.storage.database import Database
from bot.storage.models import Conversation, OutboxReply, TranscriptLine
from dialogs.types import Inbound, Reply
from tests.bot.helpers import FakeClock

ids = itertools.count()


def typed(user: str, text: str, clock: FakeClock, message_id: str | None = None) -> Inbound:
    return Inbound("web", user, message_id or f"m{next(ids)}", clock(), text=text)


async def converse(
    service: ConversationService, clock: FakeClock, user: str, *texts: str
) -> list[Reply]:
    replies: list[Reply] = []
    for text in texts:
        replies = list((await service.handle(typed(user, text, clock))).replies)
    return replies


@pytest.fixture
async def db(database_url: str):  # type: ignore[no-untyped-def]
    database = Database(database_url)
    yield database
    await database.dispose()


async def count(db: Database, model: type, **where: object) -> int:
    async with db.transaction() as session:
        query = select(func.count()).select_from(model)
        for column, value in where.items():
            query = query.where(getattr(model, column) == value)
        return int(await session.scalar(query) or 0)


async def test_a_redelivered_message_returns_the_first_replies_and_steps_once(db: Database) -> None:
    clock = FakeClock()
    service = ConversationService(db, clock=clock)
    start = await converse(service, clock, "alice", "/start")
    first = await service.handle(typed("alice", "算积分", clock, message_id="same"))
    again = await service.handle(typed("alice", "算积分", clock, message_id="same"))
    assert again.duplicate and not first.duplicate
    assert again.replies == first.replies
    assert await count(db, TranscriptLine, author="user") == 2
    assert await count(db, OutboxReply) == len(start) + len(first.replies)


async def test_a_redelivery_names_the_replies_left_pending_by_a_process_before_this_one(
    db: Database,
) -> None:
    """Those a restarted process takes over (the dead one never sent them); in the process
    that stepped the message they are its own, on their way, and once sent nobody's."""
    clock = FakeClock()
    service = ConversationService(db, clock=clock)
    await converse(service, clock, "carol", "/start")
    first = await service.handle(typed("carol", "算积分", clock, message_id="again"))
    same_process = await service.handle(typed("carol", "算积分", clock, message_id="again"))
    clock.advance(seconds=1)
    restarted = ConversationService(db, clock=clock)
    after_restart = await restarted.handle(typed("carol", "算积分", clock, message_id="again"))
    assert first.outbox_ids and same_process.duplicate and after_restart.duplicate
    assert same_process.left_over == ()
    assert after_restart.left_over == first.outbox_ids
    await Outbox(db, {}, clock).mark_sent(first.outbox_ids)
    sent = await restarted.handle(typed("carol", "算积分", clock, message_id="again"))
    assert sent.duplicate and sent.left_over == ()


async def test_messages_of_one_user_arriving_at_once_are_applied_one_after_the_other(
    db: Database,
) -> None:
    clock = FakeClock()
    # Two services on one database stand for two processes behind a load balancer.
    services = [ConversationService(db, clock=clock), ConversationService(db, clock=clock)]
    await converse(services[0], clock, "bob", "/start")
    texts = [f"消息{n}" for n in range(12)]
    await asyncio.gather(
        *(services[n % 2].handle(typed("bob", text, clock)) for n, text in enumerate(texts))
    )
    async with db.transaction() as session:
        conversation = await session.scalar(select(Conversation))
        lines = list(
            await session.scalars(
                select(TranscriptLine.text)
                .where(TranscriptLine.author == "user")
                .order_by(TranscriptLine.id)
            )
        )
    assert conversation is not None and conversation.version == 1 + len(texts)
    assert sorted(lines[1:]) == sorted(texts), "every message kept, none twice"


async def test_a_restart_mid_dialog_continues_where_the_user_was(database_url: str) -> None:
    clock = FakeClock()
    answers = ("/start", "算积分", "35", "本科有学位", "没有", "54个月")
    before = Database(database_url)
    await converse(ConversationService(before, clock=clock), clock, "carol", *answers[:3])
    await before.dispose()  # the process stops mid-dialog

    after = Database(database_url)
    try:
        service = ConversationService(after, clock=clock)
        restarted = await converse(service, clock, "carol", *answers[3:])
        uninterrupted = await converse(service, clock, "dave", *answers)
    finally:
        await after.dispose()
    assert restarted == uninterrupted
