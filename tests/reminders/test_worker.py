"""The reminder worker against real databases (SQLite and PostgreSQL) and a fake channel."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from bot.delivery import RetryLater, Unreachable
from bot.reminders.models import Reminder
from bot.reminders.worker import ReminderWorker, WorkerOptions, claim
from bot.storage.database import Database
from bot.storage.models import OutboxReply, User

FAST = WorkerOptions(rate=None)
GOAL_TEXT = "按现在的情况，您将在 2027 年 1 月达到 120 分"


async def statuses(db: Database) -> Counter[str]:
    async with db.transaction() as session:
        rows = await session.execute(
            select(Reminder.status, func.count()).group_by(Reminder.status)
        )
        return Counter({status: count for status, count in rows.all()})


async def drain(worker: ReminderWorker) -> None:
    while await worker.run_once() > 0:
        pass


async def test_due_reminder_is_sent_through_the_users_channel_and_marked_sent(
    db, clock, sender, users, due_reminders
) -> None:
    [user] = await users(1)
    await due_reminders([user])
    worker = ReminderWorker(db, {"telegram": sender}, clock=clock, options=FAST)
    await drain(worker)
    assert len(sender.sent) == 1
    external_id, text = sender.sent[0]
    assert external_id == "telegram-0"
    assert GOAL_TEXT in text
    async with db.transaction() as session:
        row = (await session.scalars(select(Reminder))).one()
    assert (row.status, row.attempts, row.sent_at) == ("sent", 1, clock())


async def test_reminder_not_yet_due_waits(db, clock, sender, users, due_reminders) -> None:
    [user] = await users(1)
    await due_reminders([user])
    clock.advance(timedelta(minutes=-1))
    worker = ReminderWorker(db, {"telegram": sender}, clock=clock, options=FAST)
    assert await worker.run_once() == 0
    clock.advance(timedelta(minutes=1))
    assert await worker.run_once() == 1
    assert len(sender.sent) == 1


async def test_nothing_is_claimed_in_quiet_hours(db, clock, sender, users, due_reminders) -> None:
    [user] = await users(1)
    await due_reminders([user])
    clock.now = clock.now.replace(hour=21)
    worker = ReminderWorker(db, {"telegram": sender}, clock=clock, options=WorkerOptions(rate=None))
    assert await worker.run_once() == 0
    clock.advance(timedelta(hours=12))  # 09:00 next day
    assert await worker.run_once() == 1
    assert len(sender.sent) == 1


async def test_web_user_gets_the_reminder_in_the_outbox_for_the_next_visit(
    db, clock, sender, users, due_reminders
) -> None:
    [user] = await users(1, channel="web")
    await due_reminders([user])
    await drain(ReminderWorker(db, {"telegram": sender}, clock=clock, options=FAST))
    assert sender.sent == []
    async with db.transaction() as session:
        queued = (await session.scalars(select(OutboxReply))).one()
    assert (queued.user_id, queued.status) == (user, "pending")
    assert GOAL_TEXT in queued.payload["text"]
    assert await statuses(db) == Counter(sent=1)


async def test_unreachable_user_has_all_reminders_cancelled_others_still_sent(
    db, clock, sender, users, due_reminders
) -> None:
    blocked, fine = await users(2)
    await due_reminders([blocked, fine], per_user=3)
    sender.failures["telegram-0"] = Unreachable()
    await drain(ReminderWorker(db, {"telegram": sender}, clock=clock, options=FAST))
    assert Counter(user for user, _ in sender.sent) == Counter({"telegram-1": 3})
    async with db.transaction() as session:
        rows = await session.execute(select(Reminder.user_id, Reminder.status).distinct())
        by_user = {user_id: status for user_id, status in rows.all()}
        flagged = await session.scalar(select(User.unreachable).where(User.id == blocked))
    assert by_user == {blocked: "cancelled", fine: "sent"}
    assert flagged is True


async def test_user_already_marked_unreachable_is_not_sent_to(
    db, clock, sender, users, due_reminders
) -> None:
    gone = await users(2, unreachable=True)
    await due_reminders(gone)
    await drain(ReminderWorker(db, {"telegram": sender}, clock=clock, options=FAST))
    assert sender.sent == []
    assert await statuses(db) == Counter(cancelled=2)


async def test_retry_after_is_honoured(db, clock, sender, users, due_reminders) -> None:
    [user] = await users(1)
    await due_reminders([user])
    sender.failures["telegram-0"] = RetryLater(30)
    worker = ReminderWorker(db, {"telegram": sender}, clock=clock, options=FAST)
    assert await worker.run_once() == 1
    assert sender.sent == []
    clock.advance(timedelta(seconds=29))
    assert await worker.run_once() == 0
    clock.advance(timedelta(seconds=1))
    assert await worker.run_once() == 1
    assert len(sender.sent) == 1
    assert await statuses(db) == Counter(sent=1)


async def test_failing_channel_backs_off_then_gives_up(
    db, clock, sender, users, due_reminders
) -> None:
    [user] = await users(1)
    await due_reminders([user])
    sender.failures["telegram-0"] = ConnectionError("channel down")
    options = WorkerOptions(rate=None, max_attempts=3, quiet_hours=False)
    worker = ReminderWorker(db, {"telegram": sender}, clock=clock, options=options)
    for _ in range(3):
        assert await worker.run_once() == 1
        assert await worker.run_once() == 0  # backing off
        clock.advance(timedelta(hours=1))
    assert await statuses(db) == Counter(failed=1)


async def test_worker_killed_after_claiming_loses_nothing(
    db, clock, make_sender, users, due_reminders
) -> None:
    ids = await users(5)
    await due_reminders(ids)
    stuck = make_sender()
    stuck.hold = asyncio.Event()  # never set: the first worker dies mid-batch
    options = WorkerOptions(rate=None, lease=timedelta(minutes=5))
    first = asyncio.create_task(
        ReminderWorker(db, {"telegram": stuck}, clock=clock, options=options).run_once()
    )
    await stuck.started.wait()
    first.cancel()
    with pytest.raises(asyncio.CancelledError):
        await first
    assert stuck.sent == []

    survivor = make_sender()
    second = ReminderWorker(db, {"telegram": survivor}, clock=clock, options=options)
    assert await second.run_once() == 0  # still leased to the dead worker
    clock.advance(timedelta(minutes=5))
    await drain(second)
    assert sorted(user for user, _ in survivor.sent) == [f"telegram-{i}" for i in range(5)]
    async with db.transaction() as session:
        attempts = set((await session.scalars(select(Reminder.attempts))).all())
    assert attempts == {2}
    assert await statuses(db) == Counter(sent=5)


async def test_claimed_batch_of_a_dead_worker_is_claimed_again_after_the_lease(
    db, clock, users, due_reminders
) -> None:
    await due_reminders(await users(3))
    lease = timedelta(seconds=60)
    assert len(await claim(db, clock(), 10, lease)) == 3  # and then the process died
    assert await claim(db, clock(), 10, lease) == []
    clock.advance(lease)
    again = await claim(db, clock(), 10, lease)
    assert [c.attempts for c in again] == [2, 2, 2]


async def test_cancelled_while_in_flight_stays_cancelled(
    db, clock, make_sender, users, due_reminders
) -> None:
    [user] = await users(1)
    await due_reminders([user])
    slow = make_sender()
    slow.hold = asyncio.Event()
    worker = ReminderWorker(db, {"telegram": slow}, clock=clock, options=FAST)
    task = asyncio.create_task(worker.run_once())
    await slow.started.wait()
    async with db.transaction() as session:
        row = (await session.scalars(select(Reminder))).one()
        row.status = "cancelled"
    slow.hold.set()
    await task
    assert await statuses(db) == Counter(cancelled=1)


async def test_two_workers_send_ten_thousand_reminders_exactly_once(
    database_url, clock, make_sender, users, due_reminders
) -> None:
    """Each worker has its own engine, as two processes would; on PostgreSQL they claim with
    SKIP LOCKED side by side, on SQLite one after the other."""
    await due_reminders(await users(10_000))
    senders = [make_sender(), make_sender()]
    databases = [Database(database_url), Database(database_url)]
    options = WorkerOptions(rate=None, batch_size=200)
    try:
        workers = [
            ReminderWorker(database, {"telegram": channel}, clock=clock, options=options)
            for database, channel in zip(databases, senders, strict=True)
        ]
        await asyncio.gather(*(drain(worker) for worker in workers))
    finally:
        for database in databases:
            await database.dispose()
    received = Counter(user for channel in senders for user, _ in channel.sent)
    assert len(received) == 10_000
    assert set(received.values()) == {1}
    assert all(channel.sent for channel in senders)  # both took part
    check = Database(database_url)
    try:
        assert await statuses(check) == Counter(sent=10_000)
    finally:
        await check.dispose()
