"""The reply outbox: committed replies reach the user at least once, in order, and stop for
users who blocked the bot."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.delivery import Outbox, RetryLater, Unreachable, sweep_forever
from bot.storage import conversations as store
from bot.storage.conversations import REPLY_LEASE as LEASE
from bot.storage.database import Database
from bot.storage.models import OutboxReply, User
from dialogs.types import Choice, Reply


class FakeChannel:
    """Stands in for Telegram/WeChat: records what it was asked to send, fails on demand."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []
        self.failures: list[Exception] = []

    async def send(self, user: str, reply: Reply) -> None:
        if self.failures:
            raise self.failures.pop(0)
        self.sent.append((user, reply.text))


class SlowChannel(FakeChannel):
    """A channel whose sends take a while, and which says when one has started."""

    def __init__(self, seconds: float) -> None:
        super().__init__()
        self.seconds = seconds
        self.started = asyncio.Event()

    async def send(self, user: str, reply: Reply) -> None:
        self.started.set()
        await asyncio.sleep(self.seconds)
        await super().send(user, reply)


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
async def db(database_url: str):  # type: ignore[no-untyped-def]
    database = Database(database_url)
    yield database
    await database.dispose()


async def queue(db: Database, clock: Clock, user: str, *texts: str) -> list[int]:
    """Replies made for the user outside an inbound message (a reminder, an agent's answer)."""
    async with db.transaction() as session:
        row = await store.find_user(session, "telegram", user)
        if row is None:
            row = await store.get_or_create_user(session, "telegram", user, clock())
        return await store.enqueue_replies(session, row.id, [Reply(t) for t in texts], clock())


async def statuses(db: Database) -> list[str]:
    async with db.transaction() as session:
        return list(await session.scalars(select(OutboxReply.status).order_by(OutboxReply.id)))


async def test_replies_are_sent_in_order_and_marked_sent(db: Database) -> None:
    clock, channel = Clock(), FakeChannel()
    ids = await queue(db, clock, "42", "第一条", "第二条")
    await Outbox(db, {"telegram": channel}, clock).deliver(ids)
    assert channel.sent == [("42", "第一条"), ("42", "第二条")]
    assert await statuses(db) == ["sent", "sent"]


async def test_the_process_that_committed_replies_sends_them_without_a_claim(
    db: Database,
) -> None:
    clock, channel = Clock(), FakeChannel()
    outbox = Outbox(db, {"telegram": channel}, clock)
    ids = await queue(db, clock, "42", "一", "二")
    await outbox.send_committed("telegram", "42", ids, [Reply("一"), Reply("二")])
    assert channel.sent == [("42", "一"), ("42", "二")]
    await outbox.marks.flush()  # marks go with the next batch of steps, or alone at the latest
    assert await statuses(db) == ["sent", "sent"]
    clock.now += LEASE * 2
    assert await outbox.deliver_due() == 0


async def test_a_sweep_stopped_at_shutdown_finishes_the_send_under_way(db: Database) -> None:
    clock, channel = Clock(), SlowChannel(0.3)
    await queue(db, clock, "42", "迟到的回复")
    clock.now += LEASE * 2
    sweeping = asyncio.create_task(sweep_forever(Outbox(db, {"telegram": channel}, clock)))
    await channel.started.wait()
    sweeping.cancel()
    with pytest.raises(asyncio.CancelledError):
        await sweeping
    assert channel.sent == [("42", "迟到的回复")]
    assert await statuses(db) == ["sent"], "marked, so no other process sends it again"


async def test_a_sent_reply_is_not_sent_again_by_the_sweep(db: Database) -> None:
    clock, channel = Clock(), FakeChannel()
    outbox = Outbox(db, {"telegram": channel}, clock)
    await outbox.deliver(await queue(db, clock, "42", "一次"))
    clock.now += LEASE * 2
    assert await outbox.deliver_due() == 0
    assert channel.sent == [("42", "一次")]


async def test_a_reply_claimed_by_a_process_that_died_is_sent_after_the_lease(db: Database) -> None:
    clock, channel = Clock(), FakeChannel()
    ids = await queue(db, clock, "42", "别丢了")
    dead = Outbox(db, {"telegram": channel}, clock)
    assert len(await dead._claim(OutboxReply.id.in_(ids))) == 1  # claimed, then the process died
    survivor = Outbox(db, {"telegram": channel}, clock)
    assert await survivor.deliver_due() == 0, "still leased to the dead process"
    clock.now += LEASE + timedelta(seconds=1)
    assert await survivor.deliver_due() == 1
    assert channel.sent == [("42", "别丢了")]


async def test_retry_after_is_honoured(db: Database) -> None:
    clock, channel = Clock(), FakeChannel()
    channel.failures.append(RetryLater(30))
    outbox = Outbox(db, {"telegram": channel}, clock)
    await outbox.deliver(await queue(db, clock, "42", "稍后"))
    assert channel.sent == []
    clock.now += timedelta(seconds=29)
    assert await outbox.deliver_due() == 0
    clock.now += timedelta(seconds=2)
    assert await outbox.deliver_due() == 1
    assert channel.sent == [("42", "稍后")]


async def test_a_user_who_blocked_the_bot_is_marked_and_gets_nothing_more(db: Database) -> None:
    clock, channel = Clock(), FakeChannel()
    channel.failures.append(Unreachable())
    outbox = Outbox(db, {"telegram": channel}, clock)
    await outbox.deliver(await queue(db, clock, "42", "a", "b"))
    await outbox.deliver(await queue(db, clock, "42", "c"))
    clock.now += LEASE * 2
    await outbox.deliver_due()
    assert channel.sent == []
    async with db.transaction() as session:
        user = await session.scalar(select(User).where(User.external_id == "42"))
    assert user is not None and user.unreachable
    assert await statuses(db) == ["failed", "failed", "pending"]


async def test_channels_without_a_sender_keep_replies_for_pickup(db: Database) -> None:
    clock = Clock()
    async with db.transaction() as session:
        user = await store.get_or_create_user(session, "web", "visitor-1", clock())
        await store.enqueue_replies(session, user.id, [Reply("稍等", (Choice("a", "A"),))], clock())
    outbox = Outbox(db, {"telegram": FakeChannel()}, clock)
    assert await outbox.deliver_due() == 0
    assert await outbox.take_for(user.id) == [Reply("稍等", (Choice("a", "A"),))]
    assert await outbox.take_for(user.id) == []


async def test_a_reply_the_sweep_is_sending_is_not_delivered_again_by_its_step(
    db: Database,
) -> None:
    """A WeChat retry of a slow step hands its replies to `deliver` while the sweep of another
    process may already be sending them: the user gets them once."""
    clock, sweeping_channel, late_channel = Clock(), SlowChannel(0.3), FakeChannel()
    ids = await queue(db, clock, "42", "只要一次")
    clock.now += LEASE * 2
    sweep = asyncio.create_task(Outbox(db, {"telegram": sweeping_channel}, clock).deliver_due())
    await sweeping_channel.started.wait()
    await Outbox(db, {"telegram": late_channel}, clock).deliver(ids)
    await sweep
    assert late_channel.sent == []
    assert sweeping_channel.sent == [("42", "只要一次")]


async def test_a_reply_the_sweep_of_a_restarted_process_is_sending_is_not_taken_over_again(
    db: Database,
) -> None:
    """Down longer than the lease after a kill -9: the restarted process's sweep is sending
    what the dead one left when Telegram posts the update again. The user gets it once."""
    clock, channel = Clock(), SlowChannel(0.3)
    ids = await queue(db, clock, "42", "只要一次")  # committed by the process that was killed
    clock.now += LEASE * 2
    restarted = Outbox(db, {"telegram": channel}, clock)
    sweep = asyncio.create_task(restarted.deliver_due())
    await channel.started.wait()
    await restarted.take_over(ids)
    await sweep
    assert channel.sent == [("42", "只要一次")]
