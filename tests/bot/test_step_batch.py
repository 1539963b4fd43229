"""A batch: read in one statement, write in one (PostgreSQL), all or nothing, in order."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from bot import sent_marks, step_batch
from bot.delivery import Outbox
from bot.service import ConversationService, describe_inbound, step_alone
from bot.storage.conversations import ConversationOvertaken
from bot.storage.database import Database
from bot.storage.models import Conversation, OutboxReply, ProcessedMessage, TranscriptLine
from dialogs.conversation import Conversation as Dialog
from dialogs.types import Inbound
from tests.bot.helpers import FakeClock
from tests.bot.test_outbox import FakeChannel, statuses


@pytest.fixture
async def db(postgres_url: str) -> AsyncIterator[Database]:
    database = Database(postgres_url)
    yield database
    await database.dispose()


async def run(connection: AsyncConnection, batch: Any, between: Any = None) -> Any:
    """Drive a batch's statements by hand, calling `between()` after the first (the read)."""
    rows: Any = None
    try:
        while True:
            statement, parameters = batch.send(rows)
            result = await connection.execute(statement, parameters)
            rows = result.all() if result.returns_rows else []
            if between is not None:
                await between()
                between = None
    except StopIteration as done:
        return done.value


async def counts(db: Database) -> tuple[int, ...]:
    found = []
    async with db.engine.connect() as connection:
        for table in (TranscriptLine, OutboxReply, ProcessedMessage):
            found.append(int(await connection.scalar(select(func.count()).select_from(table)) or 0))
    return tuple(found)


async def test_a_batch_overtaken_between_its_read_and_its_write_writes_nothing(
    db: Database,
) -> None:
    clock = FakeClock()
    service = ConversationService(db, clock=clock)
    await service.handle(Inbound("web", "ann", "m1", clock(), text="/start"))
    inbounds = [
        Inbound("web", "ann", "m2", clock(), text="算积分"),
        Inbound("web", "bob", "m3", clock(), text="/start"),  # a new user, in the same batch
    ]
    batch = step_batch.steps(
        inbounds, clock(), lambda _: Dialog.new("zh-CN"), step_alone, describe_inbound,
        started=clock(), postgresql=True,
    )  # fmt: skip
    before: tuple[int, ...] = ()

    async def another_process_steps_ann() -> None:
        nonlocal before
        await service.handle(Inbound("web", "ann", "m4", clock(), text="帮助"))
        before = await counts(db)

    async with db.engine.connect() as connection:
        autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
        with pytest.raises(ConversationOvertaken):
            await run(autocommit, batch, another_process_steps_ann)
    assert await counts(db) == before, "no line, reply or processed mark of the batch"
    async with db.engine.connect() as connection:
        version = await connection.scalar(select(Conversation.version))
        users = await connection.scalar(select(func.count()).select_from(Conversation))
    assert (version, users) == (2, 1), "ann's conversation as the other step left it; no bob"
    # the service sends such a batch's messages the full way: each is applied once
    handled = [await service.handle(inbound) for inbound in inbounds]
    assert all(h.replies and not h.duplicate for h in handled)
    assert (await counts(db))[2] == before[2] + 2


async def test_messages_arriving_together_keep_their_order_in_transcript_and_outbox(
    database_url: str,
) -> None:
    db = Database(database_url)
    try:
        clock = FakeClock()
        service = ConversationService(db, clock=clock)
        texts = ["/start", "算积分", "35"]
        handled = await asyncio.gather(
            *(
                service.handle(Inbound("web", user, f"{user}{n}", clock(), text=text))
                for n, text in enumerate(texts)
                for user in ("ann", "bob")
            )
        )
        async with db.engine.connect() as connection:
            lines = (
                await connection.execute(
                    select(
                        TranscriptLine.user_id, TranscriptLine.author, TranscriptLine.text
                    ).order_by(TranscriptLine.id)
                )
            ).all()
            queued = list(await connection.scalars(select(OutboxReply.id)))
    finally:
        await db.dispose()
    for mine in (handled[0::2], handled[1::2]):  # ann's, then bob's
        ids = [i for h in mine for i in h.outbox_ids]
        assert ids == sorted(ids) and len(ids) == len(set(ids))
        user_lines = [(a, t) for u, a, t in lines if u == mine[0].user_id]
        expected = [
            line
            for text, h in zip(texts, mine, strict=True)
            for line in [("user", text)] + [("bot", r.text) for r in h.replies]
        ]
        assert user_lines == expected
    assert sorted(queued) == sorted(i for h in handled for i in h.outbox_ids)


async def test_a_sent_reply_is_marked_by_the_next_batch_of_steps_or_at_once_when_awaited(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A mark waits for the next batch instead of taking a statement of its own after every
    send (under load, a statement for every second update); whoever waits for it (WeChat's
    `deliver`, a sweep, shutdown) has it written at once."""
    monkeypatch.setattr(sent_marks, "ALONE_AFTER", 3600.0, raising=False)  # never, here
    db = Database(database_url)
    try:
        clock, channel = FakeClock(), FakeChannel()
        outbox = Outbox(db, {"web": channel}, clock)
        service = ConversationService(db, clock=clock, sent_marks=outbox.marks)
        first = await service.handle(Inbound("web", "ann", "m1", clock(), text="/start"))
        await outbox.send_committed("web", "ann", first.outbox_ids, first.replies)
        assert channel.sent
        for _ in range(20):  # the event loop runs meanwhile: no statement writes the mark
            assert set(await statuses(db)) == {"pending"}
            await asyncio.sleep(0.01)
        second = await service.handle(Inbound("web", "ann", "m2", clock(), text="算积分"))
        assert await statuses(db) == ["sent"] * len(first.outbox_ids) + ["pending"] * len(
            second.outbox_ids
        ), "the first replies marked by the batch of the next message"
        await outbox.send_committed("web", "ann", second.outbox_ids, second.replies)
        await outbox.marks.stored()
        assert set(await statuses(db)) == {"sent"}
    finally:
        await outbox.marks.flush()
        await db.dispose()
