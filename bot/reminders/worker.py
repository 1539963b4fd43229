"""The reminder worker: claim due reminders in batches, send each through its user's channel.

Claiming sets a lease (`lease_until`) in one short transaction; sending happens outside it;
the outcome of the batch is written in a second transaction. A worker that dies in between
leaves its rows pending: once the lease has run out the next due-scan claims them again, so
a reminder is sent at least once, and `attempts` counts the claims. The lease must outlast
sending a batch (batch size / rate limit), or a slow batch is sent twice.
A channel without a sender in this process (web; Telegram or WeChat when not configured
here) gets the reminder as an outbox reply in the same transaction as the mark: the web page
picks it up on the next visit, a process that has the sender delivers it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    ARRAY,
    BigInteger,
    ColumnElement,
    Select,
    SQLColumnExpression,
    and_,
    any_,
    literal,
    or_,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.dml import ReturningUpdate

from bot.clock import Clock, shanghai_now
from bot.delivery import RetryLater, Sender, Undeliverable, Unreachable
from bot.observability.metrics import count_reminder
from bot.reminders.limiter import RateLimiter
from bot.reminders.messages import render
from bot.reminders.models import CANCELLED, FAILED, PENDING, SENT, Reminder
from bot.reminders.plan import in_quiet_hours, not_in_quiet_hours
from bot.storage.conversations import enqueue_replies
from bot.storage.database import Database
from bot.storage.models import User
from dialogs.types import Reply

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RateLimit:
    per_second: float = 30.0
    chat_interval: float = 1.0


@dataclass(frozen=True)
class WorkerOptions:
    batch_size: int = 100
    lease: timedelta = timedelta(minutes=5)
    idle_seconds: float = 5.0
    concurrency: int = 16  # sends in flight at once within a batch
    max_attempts: int = 8  # failed sends (not RetryLater) before a reminder is marked failed
    quiet_hours: bool = True  # claim nothing between 20:00 and 09:00 Shanghai time
    rate: RateLimit | None = RateLimit()  # per channel; None: no limit (benches)


@dataclass(frozen=True)
class Claimed:
    id: int
    user_id: int
    channel: str
    external_id: str
    unreachable: bool
    attempts: int
    payload: dict[str, Any]


@dataclass
class Outcome:
    sent: list[int] = field(default_factory=list)
    queued: list[tuple[Claimed, Reply]] = field(default_factory=list)  # no sender here
    unreachable_users: set[int] = field(default_factory=set)
    retry: dict[int, datetime] = field(default_factory=dict)
    failed: list[int] = field(default_factory=list)


def due(now: datetime) -> ColumnElement[bool]:
    """The due-scan condition; (status, due_at) is served by ix_reminders_status_due_at."""
    return and_(
        Reminder.status == PENDING,
        Reminder.due_at <= now,
        or_(Reminder.lease_until.is_(None), Reminder.lease_until <= now),
    )


def due_scan(now: datetime, limit: int) -> Select[int]:
    return select(Reminder.id).where(due(now)).order_by(Reminder.due_at).limit(limit)


def claim_statement(
    is_sqlite: bool, now: datetime, limit: int, lease: timedelta
) -> ReturningUpdate[Any]:
    """One statement leases a batch. PostgreSQL: the due-scan `FOR UPDATE SKIP LOCKED` in a
    materialized CTE (run once: concurrent workers lock disjoint rows), then the lease on what
    it locked. SQLite, where one writer at a time holds the database: the lease on the ids of
    the due-scan."""
    lease_batch = update(Reminder).values(lease_until=now + lease, attempts=Reminder.attempts + 1)
    if is_sqlite:
        lease_batch = lease_batch.where(Reminder.id.in_(due_scan(now, limit)))
    else:
        locked = (
            due_scan(now, limit)
            .with_for_update(skip_locked=True)
            .cte("due")
            .prefix_with("MATERIALIZED")
        )
        lease_batch = lease_batch.where(Reminder.id == locked.c.id)
    return lease_batch.returning(
        Reminder.id, Reminder.user_id, Reminder.attempts, Reminder.payload
    ).execution_options(synchronize_session=False)


async def claim(db: Database, now: datetime, limit: int, lease: timedelta) -> list[Claimed]:
    async with db.transaction() as session:
        rows = (await session.execute(claim_statement(db.is_sqlite, now, limit, lease))).all()
        users = await _users(session, {row.user_id for row in rows}, db.is_sqlite)
    claimed = [
        Claimed(row.id, row.user_id, *users[row.user_id], row.attempts, row.payload) for row in rows
    ]
    return sorted(claimed, key=lambda c: c.id)


def among(
    column: SQLColumnExpression[int], ids: Collection[int], is_sqlite: bool
) -> ColumnElement[bool]:
    """`column IN ids`; on PostgreSQL as one array parameter, which SQLAlchemy compiles much
    faster than an expanding IN of a thousand ids."""
    if is_sqlite:
        return column.in_(list(ids))
    return column == any_(literal(list(ids), ARRAY(BigInteger)))


async def _users(
    session: AsyncSession, ids: set[int], is_sqlite: bool
) -> dict[int, tuple[str, str, bool]]:
    if not ids:
        return {}
    rows = await session.execute(
        select(User.id, User.channel, User.external_id, User.unreachable).where(
            among(User.id, ids, is_sqlite)
        )
    )
    return {row.id: (row.channel, row.external_id, row.unreachable) for row in rows}


class ReminderWorker:
    def __init__(
        self,
        db: Database,
        senders: Mapping[str, Sender],
        *,
        clock: Clock = shanghai_now,
        options: WorkerOptions = WorkerOptions(),
    ) -> None:
        self.db = db
        self.senders = senders  # read live: channels may add theirs after the worker starts
        self.clock = clock
        self.options = options
        self._limiters: dict[str, RateLimiter] = {}

    async def run_once(self) -> int:
        """Claim one batch of due reminders and deliver it; returns how many were claimed."""
        now = self.clock()
        if self.options.quiet_hours and in_quiet_hours(now):
            return 0
        claimed = await claim(self.db, now, self.options.batch_size, self.options.lease)
        if claimed:
            await self._finish(await self._deliver(claimed))
        return len(claimed)

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                busy = await self.run_once() > 0
            except Exception:
                log.exception("reminder batch failed")
                busy = False
            if not busy:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), self.options.idle_seconds)

    async def _deliver(self, claimed: list[Claimed]) -> Outcome:
        outcome = Outcome()
        gate = asyncio.Semaphore(self.options.concurrency)

        async def one(reminder: Claimed) -> None:
            if reminder.unreachable or reminder.user_id in outcome.unreachable_users:
                outcome.unreachable_users.add(reminder.user_id)
                return
            try:
                reply = render(reminder.payload)
            except Exception:
                log.exception("reminder %s cannot be rendered", reminder.id)
                outcome.failed.append(reminder.id)
                return
            sender = self.senders.get(reminder.channel)
            if sender is None:
                outcome.queued.append((reminder, reply))
                return
            async with gate:
                limiter = self._limiter(reminder.channel)
                if limiter is not None:
                    await limiter.wait(reminder.external_id)
                await self._send(sender, reminder, reply, outcome)

        await asyncio.gather(*(one(reminder) for reminder in claimed))
        return outcome

    def _limiter(self, channel: str) -> RateLimiter | None:
        rate = self.options.rate
        if rate is None:
            return None
        if channel not in self._limiters:
            self._limiters[channel] = RateLimiter(rate.per_second, rate.chat_interval)
        return self._limiters[channel]

    async def _send(
        self, sender: Sender, reminder: Claimed, reply: Reply, outcome: Outcome
    ) -> None:
        try:
            await sender.send(reminder.external_id, reply)
        except Unreachable:
            count_reminder(reminder.channel, "unreachable")
            outcome.unreachable_users.add(reminder.user_id)
        except RetryLater as wait:
            count_reminder(reminder.channel, "retry")
            outcome.retry[reminder.id] = self.clock() + timedelta(seconds=wait.seconds)
        except Undeliverable:  # e.g. WeChat past its 48-hour window with no consent left
            log.warning("reminder %s on %s not deliverable", reminder.id, reminder.channel)
            count_reminder(reminder.channel, "failed")
            outcome.failed.append(reminder.id)
        except Exception:
            log.exception("sending reminder %s on %s failed", reminder.id, reminder.channel)
            if reminder.attempts >= self.options.max_attempts:
                count_reminder(reminder.channel, "failed")
                outcome.failed.append(reminder.id)
            else:
                count_reminder(reminder.channel, "retry")
                backoff = timedelta(seconds=min(2**reminder.attempts * 30, 3600))
                outcome.retry[reminder.id] = not_in_quiet_hours(self.clock() + backoff)
        else:
            count_reminder(reminder.channel, "sent")
            outcome.sent.append(reminder.id)

    async def _finish(self, outcome: Outcome) -> None:
        now, sqlite = self.clock(), self.db.is_sqlite
        async with self.db.transaction() as session:
            for reminder, reply in outcome.queued:
                await enqueue_replies(session, reminder.user_id, [reply], now)
            done = outcome.sent + [reminder.id for reminder, _ in outcome.queued]
            await _set(session, sqlite, done, status=SENT, sent_at=now, lease_until=None)
            await _set(session, sqlite, outcome.failed, status=FAILED, lease_until=None)
            for reminder_id, at in outcome.retry.items():
                await _set(session, sqlite, [reminder_id], due_at=at, lease_until=None)
            if outcome.unreachable_users:
                users = list(outcome.unreachable_users)
                await session.execute(
                    update(User).where(among(User.id, users, sqlite)).values(unreachable=True)
                )
                await session.execute(
                    update(Reminder)
                    .where(among(Reminder.user_id, users, sqlite), Reminder.status == PENDING)
                    .values(status=CANCELLED, lease_until=None)
                    .execution_options(synchronize_session=False)
                )


# Spelt so that no index on status serves it: the ids pick the rows (SQLite, without
# statistics, would otherwise walk every pending row of the status index).
still_pending = Reminder.status.not_in((SENT, CANCELLED, FAILED))


async def _set(session: AsyncSession, is_sqlite: bool, ids: list[int], **values: Any) -> None:
    """Update still-pending reminders (one cancelled meanwhile stays cancelled)."""
    if ids:
        await session.execute(
            update(Reminder)
            .where(among(Reminder.id, ids, is_sqlite), still_pending)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
