"""The outbox where its mutants survived (docs/mutation.md, delivery): replies a command or the
web page marked sent, and which replies a message that came again takes over.

The helpers (fake channel, clock, queue) are those of test_outbox.py."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text, update

from bot import delivery
from bot.delivery import Outbox, sweep_forever
from bot.storage import conversations as store
from bot.storage.conversations import REPLY_LEASE as LEASE
from bot.storage.database import Database
from bot.storage.migrate import require_current
from bot.storage.models import OutboxReply
from dialogs.types import Reply
from tests.bot.test_outbox import Clock, FakeChannel, db, queue, statuses
from tests.bot.test_outbox_outcomes import rows, until

__all__ = ["db"]  # the fixture, shared with test_outbox.py


async def test_replies_marked_sent_are_sent_and_picked_up_by_no_one_and_others_are(
    db: Database,
) -> None:
    """`jifen chat` and the web page show a step's replies themselves and mark them sent: only
    those, at the time they were shown."""
    clock, channel = Clock(), FakeChannel()
    shown = await queue(db, clock, "42", "已显示", "也已显示")
    await queue(db, clock, "42", "还没发")
    clock.now += timedelta(seconds=3)
    outbox = Outbox(db, {"telegram": channel}, clock)
    await outbox.mark_sent(shown)
    assert [(row.status, row.sent_at) for row in await rows(db)] == [
        ("sent", clock.now),
        ("sent", clock.now),
        ("pending", None),
    ]
    clock.now += LEASE * 2
    assert await outbox.deliver_due() == 1
    assert channel.sent == [("42", "还没发")]


async def test_a_message_that_comes_again_takes_over_only_its_own_replies(db: Database) -> None:
    """After a kill -9, Telegram posts one update again: its step's replies go at once; the
    replies of another step the dead process left wait for the sweep after their lease (a
    reply goes out only after its own message's answer)."""
    clock, channel = Clock(), FakeChannel()
    again = await queue(db, clock, "42", "这一步的")
    await queue(db, clock, "42", "另一步的")  # committed by the killed process too
    clock.now += timedelta(seconds=5)
    restarted = Outbox(db, {"telegram": channel}, clock)
    await restarted.take_over(again)
    assert channel.sent == [("42", "这一步的")]
    clock.now += LEASE
    assert await restarted.deliver_due() == 1
    assert channel.sent == [("42", "这一步的"), ("42", "另一步的")]


async def test_a_reply_this_process_committed_is_never_taken_over_even_when_its_send_failed(
    db: Database,
) -> None:
    """Only replies committed before the process started are taken over: its own are its to
    send, on their retry (here 2 s after a first failed try), not when the message comes
    again, even one committed the instant it started."""
    clock, channel = Clock(), FakeChannel()
    outbox = Outbox(db, {"telegram": channel}, clock)
    ids = await queue(db, clock, "42", "第一次没发出去")
    channel.failures = [ConnectionError("reset")]
    await outbox.deliver(ids)
    await outbox.take_over(ids)
    assert channel.sent == []
    clock.now += timedelta(seconds=2)
    assert await outbox.deliver_due() == 1
    assert channel.sent == [("42", "第一次没发出去")]


class StuckChannel(FakeChannel):
    """A channel whose send hangs (a network call without a timeout) until released."""

    def __init__(self) -> None:
        super().__init__()
        self.started, self.released = asyncio.Event(), asyncio.Event()

    async def send(self, user: str, reply: Reply) -> None:
        self.started.set()
        await self.released.wait()
        await super().send(user, reply)


async def test_a_shutdown_waits_for_a_stuck_send_no_longer_than_the_grace(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stopping the app lets a sweep pass finish, but a send that hangs must not hold the
        shutdown past SWEEP_GRACE (10 s; shortened here): the pass is cancelled, and the reply is
    sent by a sweep once its lease runs out."""
    monkeypatch.setattr(delivery, "SWEEP_GRACE", 0.05)
    clock, channel = Clock(), StuckChannel()
    await queue(db, clock, "42", "卡住了")
    clock.now += LEASE * 2
    sweeping = asyncio.create_task(sweep_forever(Outbox(db, {"telegram": channel}, clock)))
    await channel.started.wait()
    sweeping.cancel()
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(sweeping, 5)
    assert await statuses(db) == ["pending"], "the send cut off, the reply left to a sweep"
    channel.released.set()
    clock.now += LEASE * 2
    assert await Outbox(db, {"telegram": channel}, clock).deliver_due() == 1
    assert channel.sent == [("42", "卡住了")]


async def test_a_sweep_with_nothing_due_ends_its_pass_and_stops_at_once(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pass ends when it finds nothing due (it does not poll the database without a pause),
    so stopping an idle sweep does not wait for a pass (SWEEP_GRACE, lengthened here)."""
    monkeypatch.setattr(delivery, "SWEEP_GRACE", 60.0)
    clock, channel = Clock(), FakeChannel()
    await queue(db, clock, "42", "到期了")
    clock.now += LEASE * 2
    sweeping = asyncio.create_task(sweep_forever(Outbox(db, {"telegram": channel}, clock)))

    async def sent() -> bool:
        return await statuses(db) == ["sent"]

    assert await until(sent)
    sweeping.cancel()
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(sweeping, 5)
    assert channel.sent == [("42", "到期了")]


async def test_the_journal_of_sent_marks_is_kept_in_the_folder_set(
    db: Database, tmp_path: Path
) -> None:
    """JIFEN_SENT_MARKS_FOLDER: a reply sent is journaled there (a process starting on this
    machine reads the journals of dead processes in that folder), not in the default one."""
    await require_current(db)  # as `jifen serve` starts: learns the database's identity
    folder = tmp_path / "marks"
    clock, channel = Clock(), FakeChannel()
    outbox = Outbox(db, {"telegram": channel}, clock, folder)
    await outbox.deliver(await queue(db, clock, "42", "已发"))
    assert channel.sent == [("42", "已发")]
    assert len(list(folder.glob("*.sent"))) == 1


async def test_a_web_poll_skips_the_replies_another_request_is_picking_up(db: Database) -> None:
    """Two polls of the same visitor at once (two tabs, a retried request): while one holds the
    pending replies, the other answers at once without them instead of waiting for it, and
    each reply is picked up once. PostgreSQL only (SQLite has no row locks)."""
    if db.is_sqlite:
        pytest.skip("row locks: PostgreSQL only")
    clock = Clock()
    async with db.transaction() as session:
        visitor = await store.get_or_create_user(session, "web", "visitor-1", clock())
        await store.enqueue_replies(session, visitor.id, [Reply("一"), Reply("二")], clock())
    outbox = Outbox(db, {}, clock)
    async with db.transaction() as holding:  # the first poll, its rows locked
        locked = await holding.scalars(
            select(OutboxReply).where(OutboxReply.user_id == visitor.id).with_for_update()
        )
        assert len(list(locked)) == 2
        assert await asyncio.wait_for(outbox.take_for(visitor.id), 10) == []
    assert await outbox.take_for(visitor.id) == [Reply("一"), Reply("二")]


async def test_a_sweep_skips_a_reply_another_process_is_claiming(db: Database) -> None:
    """Two processes sweep at once: a due reply the other one holds is left to it (this pass
    sends nothing and does not wait), and is sent by a later pass once released, once.
    PostgreSQL only (SQLite has no row locks)."""
    if db.is_sqlite:
        pytest.skip("row locks: PostgreSQL only")
    clock, channel = Clock(), FakeChannel()
    await queue(db, clock, "42", "到期了")
    clock.now += LEASE * 2
    outbox = Outbox(db, {"telegram": channel}, clock)
    async with db.transaction() as holding:  # the other process's claim
        locked = await holding.scalars(select(OutboxReply).with_for_update())
        assert len(list(locked)) == 1
        assert await asyncio.wait_for(outbox.deliver_due(), 10) == 0
        assert channel.sent == []
    assert await outbox.deliver_due() == 1
    assert channel.sent == [("42", "到期了")]


async def _walking_the_table(db: Database, first: int) -> Database:
    """The database with its reply `first` written again (a failed try), and on PostgreSQL,
    where that moves the row to the end of the table, the planner kept off the indexes: the
    table's own order is then no longer the replies' order. A new `Database` (new settings)."""
    async with db.transaction() as session:
        await session.execute(update(OutboxReply).where(OutboxReply.id == first).values(attempts=1))
        if not db.is_sqlite:
            await session.execute(text(_TABLE_WALKS_ONLY))
    return Database(db.engine.url.render_as_string(hide_password=False))


_TABLE_WALKS_ONLY = """DO $$ BEGIN
    EXECUTE format('ALTER DATABASE %I SET enable_indexscan = off', current_database());
    EXECUTE format('ALTER DATABASE %I SET enable_bitmapscan = off', current_database());
END $$"""


async def test_a_pass_that_cannot_take_every_due_reply_takes_the_oldest(db: Database) -> None:
    """A user's replies go out in the order they were written, whatever plan the database
    takes: a pass limited to two of three due replies sends the first two, never the second
    and third with the first left for the next pass."""
    clock, channel = Clock(), FakeChannel()
    first, *_ = await queue(db, clock, "42", "一", "二", "三")
    walking = await _walking_the_table(db, first)
    try:
        clock.now += LEASE * 2
        outbox = Outbox(walking, {"telegram": channel}, clock)
        assert await outbox.deliver_due(limit=2) == 2
        assert channel.sent == [("42", "一"), ("42", "二")]
    finally:
        await walking.dispose()


async def test_a_web_poll_picks_up_the_replies_in_the_order_written(db: Database) -> None:
    clock = Clock()
    async with db.transaction() as session:
        visitor = await store.get_or_create_user(session, "web", "visitor-1", clock())
        replies = [Reply("一"), Reply("二"), Reply("三")]
        first, *_ = await store.enqueue_replies(session, visitor.id, replies, clock())
    walking = await _walking_the_table(db, first)
    try:
        assert await Outbox(walking, {}, clock).take_for(visitor.id) == replies
    finally:
        await walking.dispose()


async def test_a_sweep_pass_goes_on_while_it_finds_replies_due(db: Database) -> None:
    """A reply that falls due while a pass sends another goes out in the same pass, not one
    interval later (the interval here an hour)."""
    clock = Clock()

    class Busy(FakeChannel):  # a message of the user's comes in while the first reply is sent
        async def send(self, user: str, reply: Reply) -> None:
            await super().send(user, reply)
            if reply.text == "一":
                await queue(db, clock, "42", "二")
                clock.now += LEASE * 2

    channel = Busy()
    await queue(db, clock, "42", "一")
    clock.now += LEASE * 2
    sweeping = asyncio.create_task(sweep_forever(Outbox(db, {"telegram": channel}, clock), 3600))

    async def sent() -> bool:
        return len(channel.sent) == 2

    try:
        assert await until(sent)
    finally:
        sweeping.cancel()
        with pytest.raises(asyncio.CancelledError):
            await sweeping
    assert channel.sent == [("42", "一"), ("42", "二")]
