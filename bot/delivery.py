"""Delivering committed replies (the outbox) through each channel's sender, at least once.

A reply row is claimed by pushing its `not_before` into the future (a lease), sent, then marked
sent. A process that dies between claim and mark leaves the row pending; when the lease runs
out, the sweep of any process sends it again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import ColumnElement, Select, Update, and_, select, update

from bot.clock import Clock, shanghai_now
from bot.observability.metrics import count_reply
from bot.sent_marks import SentMarks
from bot.storage.conversations import REPLY_LEASE
from bot.storage.database import Batch, Database
from bot.storage.models import OutboxReply, User
from dialogs.types import Reply

log = logging.getLogger(__name__)

# Attempts to send one reply that failed for no reason the channel named (a network error, a
# server error) before it is given up as failed; a flood wait (RetryLater) does not count.
SEND_ATTEMPTS = 8
# Deliveries (claim, sends, marks) under way at once in a process; more wait their turn. Each
# takes pooled connections to claim and mark: WeChat steps that ran past the passive-reply
# deadline, thousands under load, each delivering at once, emptied the pool (30+10), and the
# claims and marks failed on its timeout (bench/wechat.py, 300 users on PostgreSQL).
DELIVERIES_AT_ONCE = 8


class Sender(Protocol):
    async def send(self, user: str, reply: Reply) -> None: ...


class Unreachable(Exception):
    """The user blocked the bot or unsubscribed: stop sending to them."""


class Undeliverable(Exception):
    """The channel will not take this reply now or later (WeChat outside its 48-hour window
    with no subscription message left): give it up, but the user stays reachable."""


class RetryLater(Exception):
    def __init__(self, seconds: float) -> None:
        super().__init__(f"retry after {seconds} s")
        self.seconds = seconds


@dataclass(frozen=True)
class Claimed:
    """A reply this process is sending: its outbox row, and to whom on which channel."""

    row_id: int
    channel: str
    user: str
    reply: Reply


class Outbox:
    def __init__(
        self,
        db: Database,
        senders: Mapping[str, Sender],
        clock: Clock = shanghai_now,
        journal_folder: Path | None = None,
    ) -> None:
        self.db = db
        self.senders = senders
        self.clock = clock
        self.marks = SentMarks(db, clock, journal_folder)
        self.started = clock()
        self._deliveries = asyncio.Semaphore(DELIVERIES_AT_ONCE)

    async def deliver(self, ids: Sequence[int]) -> None:
        """Send these replies now, in order (right after the step that made them committed).

        They are leased to this process from their commit, so only a first attempt is made
        here; a crash or a failure leaves them to the sweep. Returns once they are marked
        sent, with the marks of every send that went meanwhile.
        """
        first_attempt = and_(OutboxReply.id.in_(list(ids)), OutboxReply.attempts == 0)
        async with self._deliveries:
            await self._send_claimed(await self._claim(first_attempt))
        await self.marks.stored()

    async def send_committed(
        self, channel: str, user: str, ids: Sequence[int], replies: Sequence[Reply]
    ) -> None:
        """Send the replies of a step this process has just committed, without claiming them:
        they are leased to it from their commit, so no other sender touches them before the
        lease runs out. For channels whose retried messages never take replies over (Telegram);
        WeChat's passive replies do, so its replies go through `deliver`. Their marks are
        written with the next batch of steps (`SentMarks`)."""
        claimed = [
            Claimed(row_id, channel, user, reply)
            for row_id, reply in zip(ids, replies, strict=True)
        ]
        await self._send_claimed(claimed)

    async def take_over(self, ids: Sequence[int]) -> None:
        """Send now those of these replies still pending, whoever's lease they are under, and
        mark each sent at once: the replies of a step whose message came again.

        A redelivered message was not answered, and a reply goes out only after its message's
        answer (`TelegramChannel`): the process that committed the step died before sending
        them (kill -9), so the sweep would send them only when their lease runs out, a minute
        on, after the user's next message got its answer. The marks of this process's own sends
        are written first, so a reply it sent is not sent again.

        Only replies committed and leased before this process started are taken: a message can
        also come again while the process that stepped it is alive and still sending (its
        answer was slow, or the copy overtook the first one's delivery), and then that process
        sends them, or the sweep once their lease runs out; and after a kill -9 longer ago than
        the lease, this process's own sweep may be sending them already (it leased them since
        it started). Taking them here would send them twice."""
        await self.marks.flush()
        before_us = and_(
            OutboxReply.id.in_(list(ids)),
            OutboxReply.created_at < self.started,
            OutboxReply.not_before < self.started + REPLY_LEASE,
        )
        await self._send_claimed(await self._claim(before_us))
        await self.marks.stored()

    async def deliver_due(self, limit: int = 100) -> int:
        """Send replies left pending by a crash or a failed attempt; returns how many were tried.
        The marks of this process's sends are written first: a reply whose mark waited for the
        database (`SentMarks`) is not sent again."""
        await self.marks.flush()
        claimed = await self._claim(OutboxReply.not_before <= self.clock(), limit)
        await self._send_claimed(claimed)
        await self.marks.stored()
        return len(claimed)

    async def take_for(self, user_id: int) -> list[Reply]:
        """Pending replies of a user of a channel without a sender (the web page picks them up)."""
        now = self.clock()
        async with self.db.transaction() as session:
            rows = list(
                await session.scalars(
                    select(OutboxReply)
                    .where(OutboxReply.user_id == user_id, OutboxReply.status == "pending")
                    .order_by(OutboxReply.id)
                    .with_for_update(skip_locked=True)
                )
            )
            for row in rows:
                row.status, row.sent_at = "sent", now
        return [Reply.from_json(row.payload) for row in rows]

    async def mark_sent(self, ids: Sequence[int]) -> None:
        await self.db.execute_alone(
            update(OutboxReply)
            .where(OutboxReply.id.in_(list(ids)))
            .values(status="sent", sent_at=self.clock())
        )

    async def _claim(
        self, condition: ColumnElement[bool], limit: int | None = None
    ) -> list[Claimed]:
        statement = claiming(condition, list(self.senders), limit, self.clock() + REPLY_LEASE)
        rows = await self.db.run_batch(partial(_returned, statement))
        return [
            Claimed(row.id, row.channel, row.external_id, Reply.from_json(row.payload))
            for row in sorted(rows, key=lambda row: row.id)
        ]

    async def _send_claimed(self, claimed: list[Claimed]) -> None:
        """Send in order. Each reply sent is journaled at once and marked sent with the next
        write (`SentMarks`: one statement for the marks of all sends meanwhile; a transaction
        per reply was a fifth of the event loop's CPU per WeChat message in bench/wechat.py
        at 100 users). A kill -9 does not send it again: the journal has it."""
        gone: set[tuple[str, str]] = set()
        for one in claimed:
            channel, row_id = one.channel, one.row_id
            if (channel, one.user) in gone:
                continue  # _give_up already failed the rest of this user's replies
            try:
                await self.senders[channel].send(one.user, one.reply)
            except Unreachable:
                count_reply(channel, "unreachable")
                gone.add((channel, one.user))
                await self._give_up(row_id)
            except Undeliverable:
                count_reply(channel, "failed")
                log.warning("reply %s on %s not deliverable", row_id, channel)
                await self._fail(row_id)
            except RetryLater as wait:
                count_reply(channel, "retry")
                await self._retry(row_id, timedelta(seconds=wait.seconds))
            except Exception:
                count_reply(channel, "retry")
                log.exception("sending reply %s on %s failed", row_id, channel)
                await self._retry(row_id, None)
            else:
                count_reply(channel, "sent")
                self.marks.add([row_id])

    async def _retry(self, row_id: int, after: timedelta | None) -> None:
        async with self.db.transaction() as session:
            row = await session.get(OutboxReply, row_id)
            if row is None:
                return
            if after is None and row.attempts >= SEND_ATTEMPTS:
                row.status = "failed"
                return
            row.not_before = self.clock() + (after or timedelta(seconds=2**row.attempts))

    async def _fail(self, row_id: int) -> None:
        async with self.db.transaction() as session:
            await session.execute(
                update(OutboxReply).where(OutboxReply.id == row_id).values(status="failed")
            )

    async def _give_up(self, row_id: int) -> None:
        """The user blocked the bot: mark them, fail this and all their pending replies."""
        async with self.db.transaction() as session:
            row = await session.get(OutboxReply, row_id)
            if row is None:
                return
            await session.execute(
                update(User).where(User.id == row.user_id).values(unreachable=True)
            )
            await session.execute(
                update(OutboxReply)
                .where(OutboxReply.user_id == row.user_id, OutboxReply.status == "pending")
                .values(status="failed")
            )


def claiming(
    condition: ColumnElement[bool], channels: list[str], limit: int | None, lease: datetime
) -> Update:
    """The `claimable` rows leased to this process until `lease`, and returned, in one
    statement: it runs on the batch thread in one hop (`Database.run_batch`), where a session
    made a hop per statement on SQLite, and on PostgreSQL in autocommit, where the statement
    holds its own row locks. The returned rows come in no particular order."""
    due = claimable(condition, channels, limit)
    return (
        update(OutboxReply)
        .where(OutboxReply.id.in_(due.correlate(None)))
        .values(not_before=lease, attempts=OutboxReply.attempts + 1)
        .returning(
            OutboxReply.id,
            _owner(User.channel).label("channel"),
            _owner(User.external_id).label("external_id"),
            OutboxReply.payload,
        )
    )


def _returned(statement: Update, _postgresql: bool) -> Batch[list[Any]]:
    return (yield (statement, None))


def _owner(column: Any) -> Any:
    """The column of the outbox row's user, by primary key."""
    return select(column).where(User.id == OutboxReply.user_id).scalar_subquery()


def claimable(
    condition: ColumnElement[bool], channels: list[str], limit: int | None
) -> Select[Any]:
    """The ids of pending replies meeting `condition` to reachable users of these channels, in
    id order, locked (PostgreSQL: rows another process is claiming are skipped).

    The query reads the outbox alone, through its partial index on pending rows, and looks up
    each row's user by primary key in correlated subqueries, which PostgreSQL cannot turn into
    a join: a join let the planner of a never-analyzed database loop over every user (3.8 s a
    pass), a plan tests/bot/test_outbox_sweep_plan.py keeps out.
    """

    reachable_channel = (
        select(User.channel)
        .where(User.id == OutboxReply.user_id, User.unreachable.is_(False))
        .scalar_subquery()
    )
    return (
        select(OutboxReply.id)
        .where(condition, OutboxReply.status == "pending", reachable_channel.in_(channels))
        .order_by(OutboxReply.id)
        .limit(limit)
        .with_for_update(of=OutboxReply, skip_locked=True)
    )


SWEEP_GRACE = 10.0  # seconds a pass under way may go on once the app is stopping


async def sweep_forever(outbox: Outbox, interval: float = 2.0) -> None:
    """Background task of `jifen serve`: deliver whatever is due, forever.

    Cancelled (at shutdown) in the middle of a pass, it lets the pass finish first, for up to
    SWEEP_GRACE seconds: a send cut off before its mark would go out again later.
    """
    while True:
        sweep = asyncio.ensure_future(_sweep(outbox))
        try:
            await asyncio.shield(sweep)
        except asyncio.CancelledError:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(sweep, SWEEP_GRACE)
            raise
        await asyncio.sleep(interval)


async def _sweep(outbox: Outbox) -> None:
    try:
        while await outbox.deliver_due() > 0:
            pass
    except Exception:
        log.exception("outbox sweep failed")
