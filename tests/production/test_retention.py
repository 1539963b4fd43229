"""Retention: what was said more than N days ago is deleted; state and pending replies stay."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from sqlalchemy import func, insert, select, update

from bot.retention import BATCH, delete_transcripts_older_than, retention_forever
from bot.runtime import Runtime
from bot.storage.models import Conversation, OutboxReply, TranscriptLine, User
from tests.bot.helpers import FakeClock
from tests.production.data import POINTS, Person, converse, runtime_on

OLD, RECENT = Person("telegram", "1001"), Person("telegram", "1002")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def runtime(database_url: str, clock: FakeClock) -> AsyncIterator[Runtime]:
    running = runtime_on(database_url, clock)
    yield running
    await running.db.dispose()


async def lines_of(runtime: Runtime, person: Person) -> list[str]:
    async with runtime.db.transaction() as session:
        rows = await session.scalars(
            select(TranscriptLine.text)
            .join(User, User.id == TranscriptLine.user_id)
            .where(User.external_id == person.external_id)
            .order_by(TranscriptLine.id)
        )
        return list(rows)


async def all_sent(runtime: Runtime) -> None:
    """As if every reply so far went out."""
    async with runtime.db.transaction() as session:
        await session.execute(update(OutboxReply).values(status="sent", sent_at=runtime.clock()))


async def outbox(runtime: Runtime, status: str) -> int:
    async with runtime.db.transaction() as session:
        query = select(func.count()).select_from(OutboxReply).where(OutboxReply.status == status)
        return int(await session.scalar(query) or 0)


async def test_lines_older_than_the_retention_go_and_newer_ones_stay(
    runtime: Runtime, clock: FakeClock
) -> None:
    await converse(runtime, OLD, *POINTS[:4])
    await all_sent(runtime)
    clock.advance(days=31)
    await converse(runtime, RECENT, "/start")
    await all_sent(runtime)
    await converse(runtime, RECENT, "算积分")  # its replies stay pending

    deleted = await delete_transcripts_older_than(runtime.db, 30, clock())

    assert await lines_of(runtime, OLD) == []
    assert (await lines_of(runtime, RECENT))[0] == "/start"
    assert deleted.transcript_lines > 0 and deleted.replies > 0
    assert await outbox(runtime, "pending") > 0, "unsent replies are never deleted"


async def test_the_conversation_goes_on_after_its_transcript_is_gone(
    runtime: Runtime, clock: FakeClock
) -> None:
    await converse(runtime, OLD, *POINTS[:3])  # asked for the age
    clock.advance(days=400)
    await delete_transcripts_older_than(runtime.db, 30, clock())
    await converse(runtime, OLD, "30")
    assert (await lines_of(runtime, OLD))[0] == "30"
    async with runtime.db.transaction() as session:
        answers = await session.scalar(select(Conversation.answers))
    assert answers == {"age": 30}


async def test_deletes_more_than_one_batch(runtime: Runtime, clock: FakeClock) -> None:
    await converse(runtime, OLD, "/start")
    async with runtime.db.transaction() as session:
        user_id = await session.scalar(select(User.id).where(User.external_id == OLD.external_id))
        at = clock() - timedelta(days=90)
        rows = [{"user_id": user_id, "author": "user", "text": "x", "at": at}] * (2 * BATCH + 7)
        await session.execute(insert(TranscriptLine), rows)
    deleted = await delete_transcripts_older_than(runtime.db, 30, clock())
    assert deleted.transcript_lines == 2 * BATCH + 7
    assert len(await lines_of(runtime, OLD)) == 2, "today's /start and its reply stay"


async def test_retention_of_less_than_a_day_is_refused(runtime: Runtime, clock: FakeClock) -> None:
    with pytest.raises(ValueError, match="at least 1 day"):
        await delete_transcripts_older_than(runtime.db, 0, clock())


async def test_the_worker_loop_deletes_as_soon_as_it_starts(
    runtime: Runtime, clock: FakeClock
) -> None:
    await converse(runtime, OLD, "/start")
    clock.advance(days=60)
    task = asyncio.create_task(retention_forever(runtime.db, 30, clock, interval=3600))
    try:
        for _ in range(200):
            if not await lines_of(runtime, OLD):
                break
            await asyncio.sleep(0.05)
        assert await lines_of(runtime, OLD) == []
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
