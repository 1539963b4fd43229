"""What happens to a reply whose send fails, and to replies sent or picked up: retried later
and later, given up after 8 tries, failed alone when the channel refuses it, failed with every
pending reply of a user who blocked the bot (and of nobody else), marked sent when sent.

The helpers (fake channel, clock, queue) are those of test_outbox.py."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import timedelta

import pytest
from prometheus_client import REGISTRY
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.delivery import Outbox, RetryLater, Undeliverable, Unreachable, sweep_forever
from bot.storage import conversations as store
from bot.storage.database import Database
from bot.storage.models import OutboxReply, User
from dialogs.types import Reply
from tests.bot.test_outbox import Clock, FakeChannel, db, queue, statuses

__all__ = ["db"]  # the fixture, shared with test_outbox.py


class BrokenChannel(FakeChannel):
    """A channel that fails every send with an error that names no reason (a network error)."""

    def __init__(self) -> None:
        super().__init__()
        self.tries = 0

    async def send(self, user: str, reply: Reply) -> None:
        self.tries += 1
        raise ConnectionError("connection reset")


async def rows(db: Database) -> list[OutboxReply]:
    async with db.transaction() as session:
        return list(await session.scalars(select(OutboxReply).order_by(OutboxReply.id)))


async def until(condition: Callable[[], Awaitable[bool]], turns: int = 500) -> bool:
    """Whether `condition` comes true while the event loop runs other tasks (no deadline: a
    bounded number of short yields, so a task that never runs makes the test fail, not hang)."""
    for _ in range(turns):
        if await condition():
            return True
        await asyncio.sleep(0.01)
    return False


async def test_a_failed_send_is_tried_again_after_2_4_8_seconds_and_given_up_after_8_tries(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    clock, channel = Clock(), BrokenChannel()
    outbox = Outbox(db, {"telegram": channel}, clock)
    ids = await queue(db, clock, "42", "发不出去")
    await outbox.deliver(ids)
    assert channel.tries == 1
    assert f"sending reply {ids[0]} on telegram failed" in caplog.messages
    for tries in range(1, 8):
        wait = timedelta(seconds=2**tries)  # after the n-th failed try, 2^n seconds
        clock.now += wait - timedelta(seconds=1)
        assert await outbox.deliver_due() == 0, f"not yet after {tries} tries"
        clock.now += timedelta(seconds=1)
        assert await outbox.deliver_due() == 1, f"due 2^{tries} s after {tries} tries"
        assert channel.tries == tries + 1
    assert await statuses(db) == ["failed"], "given up after the 8th try"
    clock.now += timedelta(days=1)
    assert await outbox.deliver_due() == 0
    assert channel.tries == 8


async def test_flood_waits_do_not_count_towards_giving_up(db: Database) -> None:
    clock, channel = Clock(), FakeChannel()
    channel.failures = [RetryLater(5) for _ in range(10)]
    outbox = Outbox(db, {"telegram": channel}, clock)
    await outbox.deliver(await queue(db, clock, "42", "等一等"))
    for _ in range(10):
        clock.now += timedelta(seconds=5)
        assert await outbox.deliver_due() == 1
    assert channel.sent == [("42", "等一等")]
    assert await statuses(db) == ["sent"]
    assert str(RetryLater(5)) == "retry after 5 s"


async def test_a_reply_the_channel_refuses_fails_alone_and_the_user_stays_reachable(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    clock, channel = Clock(), FakeChannel()
    channel.failures.append(Undeliverable())
    outbox = Outbox(db, {"telegram": channel}, clock)
    ids = await queue(db, clock, "42", "窗口外", "下一条")
    await outbox.deliver(ids)
    assert f"reply {ids[0]} on telegram not deliverable" in caplog.messages
    assert channel.sent == [("42", "下一条")]
    assert await statuses(db) == ["failed", "sent"]
    clock.now += timedelta(days=1)
    assert await outbox.deliver_due() == 0, "a failed reply is not tried again"
    async with db.transaction() as session:
        user = await session.scalar(select(User).where(User.external_id == "42"))
    assert user is not None and not user.unreachable


async def test_a_user_blocking_the_bot_fails_only_their_own_pending_replies(db: Database) -> None:
    clock, channel = Clock(), FakeChannel()
    outbox = Outbox(db, {"telegram": channel}, clock)
    await outbox.deliver(await queue(db, clock, "42", "已送达"))
    blocked = await queue(db, clock, "42", "被拉黑", "还有一条")
    await queue(db, clock, "7", "别人的")
    channel.failures.append(Unreachable())
    await outbox.deliver(blocked)
    assert await statuses(db) == ["sent", "failed", "failed", "pending"]
    await queue(db, clock, "42", "拉黑以后的提醒")
    clock.now += timedelta(days=1)
    assert await outbox.deliver_due() == 1, "only the other user's reply is taken"
    assert channel.sent == [("42", "已送达"), ("7", "别人的")]
    assert await statuses(db) == ["sent", "failed", "failed", "sent", "pending"]


async def test_replies_sent_right_after_their_step_are_marked_by_themselves(db: Database) -> None:
    clock, channel = Clock(), FakeChannel()
    outbox = Outbox(db, {"telegram": channel}, clock)
    ids = await queue(db, clock, "42", "一", "二")
    await outbox.send_committed("telegram", "42", ids, [Reply("一"), Reply("二")])
    assert channel.sent == [("42", "一"), ("42", "二")]

    async def marked() -> bool:
        return await statuses(db) == ["sent", "sent"]

    assert await until(marked), "written without a batch of steps or a shutdown"
    assert all(row.sent_at is not None for row in await rows(db))
    await outbox.marks.flush()


async def test_marks_of_replies_sent_after_a_step_wait_for_the_next_batch(db: Database) -> None:
    """They are not written by `send_committed` itself: a batch of steps takes them."""
    clock, channel = Clock(), FakeChannel()
    outbox = Outbox(db, {"telegram": channel}, clock)
    ids = await queue(db, clock, "42", "一", "二")
    await outbox.send_committed("telegram", "42", ids, [Reply("一"), Reply("二")])
    assert outbox.marks.take() == ids
    assert await statuses(db) == ["pending", "pending"]
    await outbox.marks.flush()


async def test_flushing_marks_with_nothing_sent_writes_nothing(db: Database) -> None:
    clock = Clock()
    outbox = Outbox(db, {"telegram": FakeChannel()}, clock)
    await queue(db, clock, "42", "还没发")
    await outbox.marks.flush()
    assert await statuses(db) == ["pending"]


async def test_replies_and_the_ids_of_their_rows_must_pair_up(db: Database) -> None:
    clock = Clock()
    outbox = Outbox(db, {"telegram": FakeChannel()}, clock)
    ids = await queue(db, clock, "42", "一", "二")
    with pytest.raises(ValueError):
        await outbox.send_committed("telegram", "42", ids, [Reply("一")])


async def test_a_web_visitor_picks_up_their_own_replies_once(db: Database) -> None:
    clock = Clock()
    async with db.transaction() as session:
        first = await store.get_or_create_user(session, "web", "visitor-1", clock())
        other = await store.get_or_create_user(session, "web", "visitor-2", clock())
        await store.enqueue_replies(session, first.id, [Reply("一"), Reply("二")], clock())
        await store.enqueue_replies(session, other.id, [Reply("别人的")], clock())
    outbox = Outbox(db, {}, clock)
    assert await outbox.take_for(first.id) == [Reply("一"), Reply("二")]
    assert await outbox.take_for(first.id) == []
    assert [(row.status, row.sent_at is not None) for row in await rows(db)] == [
        ("sent", True),
        ("sent", True),
        ("pending", False),
    ]
    assert await outbox.take_for(other.id) == [Reply("别人的")]


async def test_the_sweep_goes_on_pass_after_pass(db: Database) -> None:
    clock, channel = Clock(), FakeChannel()
    outbox = Outbox(db, {"telegram": channel}, clock)
    sweeping = asyncio.create_task(sweep_forever(outbox, interval=0.01))
    try:
        for text in ("第一轮", "第二轮"):
            await queue(db, clock, "42", text)
            clock.now += timedelta(days=1)

            async def sent(text: str = text) -> bool:
                return ("42", text) in channel.sent

            assert await until(sent), text
    finally:
        sweeping.cancel()
        with pytest.raises(asyncio.CancelledError):
            await sweeping


async def test_delivering_a_steps_replies_sends_those_and_no_others(db: Database) -> None:
    clock, channel = Clock(), FakeChannel()
    outbox = Outbox(db, {"telegram": channel}, clock)
    await queue(db, clock, "7", "另一位的，另一进程在发")
    await outbox.deliver(await queue(db, clock, "42", "这一步的"))
    assert channel.sent == [("42", "这一步的")]
    assert await statuses(db) == ["pending", "sent"]
    assert all(row.sent_at is not None for row in await rows(db) if row.status == "sent")


async def test_a_sweep_pass_takes_100_replies_at_a_time(db: Database) -> None:
    clock, channel = Clock(), FakeChannel()
    outbox = Outbox(db, {"telegram": channel}, clock)
    await queue(db, clock, "42", *(f"第 {n} 条" for n in range(101)))
    clock.now += timedelta(days=1)
    assert await outbox.deliver_due() == 100
    assert await outbox.deliver_due() == 1
    assert channel.sent == [("42", f"第 {n} 条") for n in range(101)]


async def test_a_failing_sweep_pass_is_logged_and_the_sweep_goes_on(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    clock, channel = Clock(), FakeChannel()
    async with db.transaction() as session:
        user = await store.get_or_create_user(session, "telegram", "42", clock())
        session.add(
            OutboxReply(
                user_id=user.id,
                payload={"not": "a reply"},
                status="pending",
                attempts=0,
                not_before=clock(),
                created_at=clock(),
            )
        )
    sweeping = asyncio.create_task(sweep_forever(Outbox(db, {"telegram": channel}, clock), 0.01))
    try:

        async def logged() -> bool:
            return any(r.getMessage() == "outbox sweep failed" for r in caplog.records)

        assert await until(logged)
        assert not sweeping.done()
    finally:
        sweeping.cancel()
        with pytest.raises(asyncio.CancelledError):
            await sweeping


async def test_marks_given_back_by_a_failed_batch_are_written_all_the_same(db: Database) -> None:
    clock, channel = Clock(), FakeChannel()
    outbox = Outbox(db, {"telegram": channel}, clock)
    ids = await queue(db, clock, "42", "一")
    await outbox.send_committed("telegram", "42", ids, [Reply("一")])
    taken = outbox.marks.take()  # a batch of steps took the mark, then failed
    outbox.marks.restore(taken)

    async def marked() -> bool:
        return await statuses(db) == ["sent"]

    assert await until(marked)


async def test_the_replies_a_killed_process_left_pending_go_at_once_when_the_message_comes_again(
    db: Database,
) -> None:
    """Telegram posts an update again after a kill -9: its step's replies are still leased to
    the dead process; the restarted one sends them at once, and only once."""
    clock, channel = Clock(), FakeChannel()
    ids = await queue(db, clock, "42", "一", "二")  # committed by the process that was killed
    clock.now += timedelta(seconds=5)
    restarted = Outbox(db, {"telegram": channel}, clock)
    await restarted.take_over(ids)
    assert channel.sent == [("42", "一"), ("42", "二")]
    assert await statuses(db) == ["sent", "sent"]
    await restarted.take_over(ids)
    clock.now += timedelta(days=1)
    assert await restarted.deliver_due() == 0
    assert channel.sent == [("42", "一"), ("42", "二")]


async def test_a_message_that_comes_again_while_its_replies_are_on_their_way_gets_them_once(
    db: Database,
) -> None:
    """The copy of an update can overtake its first delivery in the same live process (or
    reach another live one): the process that stepped it sends the replies, not the copy."""
    clock, channel = Clock(), FakeChannel()
    outbox = Outbox(db, {"telegram": channel}, clock)
    ids = await queue(db, clock, "42", "一", "二")
    await outbox.take_over(ids)
    await outbox.send_committed("telegram", "42", ids, [Reply("一"), Reply("二")])
    await outbox.marks.flush()
    clock.now += timedelta(days=1)
    assert await outbox.deliver_due() == 0
    assert channel.sent == [("42", "一"), ("42", "二")]


def replies_counted(outcome: str) -> float:
    """jifen_replies_total of Telegram for this outcome, as Prometheus scrapes it."""
    labels = {"channel": "telegram", "outcome": outcome}
    return REGISTRY.get_sample_value("jifen_replies_total", labels) or 0.0


async def test_each_send_is_counted_by_its_outcome_and_a_blocked_user_stops_no_one_else(
    db: Database,
) -> None:
    clock, channel = Clock(), FakeChannel()
    outbox = Outbox(db, {"telegram": channel}, clock)
    await queue(db, clock, "42", "被拉黑", "不再发")
    await queue(db, clock, "7", "窗口外", "稍后", "出错", "送达")
    channel.failures = [Unreachable(), Undeliverable(), RetryLater(5), ConnectionError("reset")]
    outcomes = ("sent", "unreachable", "failed", "retry")
    before = {outcome: replies_counted(outcome) for outcome in outcomes}
    clock.now += timedelta(days=1)
    assert await outbox.deliver_due() == 6, "all six claimed in one pass"
    assert channel.sent == [("7", "送达")], "the blocked user stopped only their own replies"
    grown = {outcome: replies_counted(outcome) - before[outcome] for outcome in outcomes}
    assert grown == {"sent": 1, "unreachable": 1, "failed": 1, "retry": 2}


async def test_marks_the_database_refused_are_kept_and_written_by_the_next_try(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    if not db.is_sqlite:
        pytest.skip("the database is made to refuse the write by a SQLite trigger")
    clock, channel = Clock(), FakeChannel()
    outbox = Outbox(db, {"telegram": channel}, clock)
    ids = await queue(db, clock, "42", "已发出")
    refuse = (
        f"CREATE TRIGGER refuse_marks BEFORE UPDATE ON {OutboxReply.__tablename__} "
        "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"
    )
    async with db.transaction() as session:
        await session.execute(text(refuse))
    await outbox.send_committed("telegram", "42", ids, [Reply("已发出")])
    warning = "writing sent marks failed; the next batch tries"

    async def warned() -> bool:
        return warning in caplog.messages

    assert await until(warned)
    [record] = [r for r in caplog.records if r.getMessage() == warning]
    assert record.exc_info is not None, "with the database's error"
    assert await statuses(db) == ["pending"]
    async with db.transaction() as session:
        await session.execute(text("DROP TRIGGER refuse_marks"))
    await outbox.marks.flush()
    assert await statuses(db) == ["sent"]


async def test_a_reply_sent_while_every_pooled_connection_is_busy_is_marked_later_not_sent_twice(
    database_url: str,
) -> None:
    """Under load the pool can be empty when a send returns (bench/wechat.py, 300 users on
    PostgreSQL: 379 replies sent twice). The mark waits for a connection instead of failing,
    and the sweep writes it before it claims, so the reply is not sent again after its lease."""
    db = Database(database_url, timeout=0.2, pool_size=1, max_overflow=0, pool_timeout=0.2)
    busy: list[AsyncConnection] = []

    class PoolEmptiedWhileSending(FakeChannel):
        async def send(self, user: str, reply: Reply) -> None:
            await super().send(user, reply)
            busy.append(await db.engine.connect())  # other work took the only connection

    try:
        clock, channel = Clock(), PoolEmptiedWhileSending()
        outbox = Outbox(db, {"telegram": channel}, clock)
        await outbox.deliver(await queue(db, clock, "42", "只发一次"))
        await busy.pop().close()
        clock.now += timedelta(minutes=5)
        assert await outbox.deliver_due() == 0
        assert channel.sent == [("42", "只发一次")]
        assert await statuses(db) == ["sent"]
    finally:
        for connection in busy:
            await connection.close()
        await db.dispose()
