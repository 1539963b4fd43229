"""Retention: how long each table keeps what it holds about people, enforced by one task.

RULES is the table the README's "Security" section shows (what, how long, why); a test
checks that every table of the schema is in it, kept with its user, or holds nothing about
users, so a new table needs a decision here. The periods:

- what was said (transcript, replies sent or not, closed handoffs with their staff notes,
  reminders sent or given up, ratings of FAQ answers with the question asked):
  JIFEN_TRANSCRIPT_RETENTION_DAYS after it was said or closed;
- a person who has not written for JIFEN_INACTIVE_USER_DAYS, with no pending reminder and no
  open handoff (they still need their answers and channel id), is erased altogether, as
  `jifen user delete` would; if they write again they start afresh;
- what only serves a short window: processed message ids (redeliveries come within a day),
  the WeChat inbox (its replay window, and until the message was stepped),
  staff login failures (the limits look back 15 minutes), expired staff sessions and
  WeChat subscription consents, unanswered questions (the admin page shows 30 days).

What is deleted is overwritten on SQLite (see bot/user_data.py). Deleting runs in small
batches, each its own transaction, so it never holds locks long on a busy database; several
workers may run it at once (PostgreSQL: SKIP LOCKED).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, Table, delete, exists, func, select, tuple_

from bot.clock import Clock, shanghai_now
from bot.config import Settings
from bot.reminders.models import PENDING, Reminder
from bot.storage.database import Database
from bot.storage.models import (
    ApiToken,
    Conversation,
    InboxMessage,
    OutboxReply,
    ProcessedMessage,
    User,
)
from bot.storage.models import TranscriptLine as Line
from bot.support.models import (
    LIVE,
    WAITING,
    FaqRating,
    Handoff,
    LoginCounter,
    StaffSession,
    UnansweredBucket,
    UnansweredQuestion,
)
from bot.support.unanswered import WINDOW as UNANSWERED_KEEP
from bot.user_data import erase_user, overwriting_deletes

log = logging.getLogger(__name__)

BATCH = 1000
USER_BATCH = 100  # a user is erased table by table: fewer per transaction
INTERVAL = 3600.0  # seconds between two passes of the worker's loop

PROCESSED_KEEP = timedelta(days=7)
LOGIN_COUNTERS_KEEP = timedelta(days=1)
CONSENT = "-consent:"  # api_tokens rows named <channel>-consent:<id> (the other tokens stay)


@dataclass(frozen=True)
class Periods:
    said: timedelta  # JIFEN_TRANSCRIPT_RETENTION_DAYS
    inactive: timedelta  # JIFEN_INACTIVE_USER_DAYS

    @classmethod
    def of(cls, settings: Settings) -> Periods:
        return cls(
            said=timedelta(days=settings.transcript_retention_days),
            inactive=timedelta(days=settings.inactive_user_days),
        )


Expired = Callable[[Periods, datetime], ColumnElement[bool]]


@dataclass(frozen=True)
class Rule:
    table: Table
    expired: Expired


def _rule(model: type, expired: Expired) -> Rule:
    return Rule(model.__table__, expired)  # type: ignore[attr-defined]


RULES = (
    _rule(Line, lambda p, now: Line.at < now - p.said),
    _rule(OutboxReply, lambda p, now: OutboxReply.created_at < now - p.said),
    _rule(
        Handoff,
        lambda p, now: (
            Handoff.status.not_in([WAITING, LIVE])
            & (func.coalesce(Handoff.resolved_at, Handoff.created_at) < now - p.said)
        ),
    ),
    _rule(Reminder, lambda p, now: (Reminder.status != PENDING) & (Reminder.due_at < now - p.said)),
    _rule(FaqRating, lambda p, now: FaqRating.at < now - p.said),  # it holds the question asked
    _rule(
        UnansweredBucket,
        lambda _p, now: UnansweredBucket.question_id.in_(
            select(UnansweredQuestion.id).where(UnansweredQuestion.at < now - UNANSWERED_KEEP)
        ),
    ),
    _rule(UnansweredQuestion, lambda _p, now: UnansweredQuestion.at < now - UNANSWERED_KEEP),
    _rule(ProcessedMessage, lambda _p, now: ProcessedMessage.at < now - PROCESSED_KEEP),
    _rule(
        InboxMessage,
        lambda _p, now: (
            (InboxMessage.expires_at < now)
            & (
                InboxMessage.inbound.is_(None)
                | exists().where(
                    ProcessedMessage.channel == InboxMessage.channel,
                    ProcessedMessage.message_id == InboxMessage.message_id,
                )
                | (InboxMessage.received_at < now - PROCESSED_KEEP)
            )
        ),
    ),
    _rule(LoginCounter, lambda _p, now: LoginCounter.window_start < now - LOGIN_COUNTERS_KEEP),
    _rule(StaffSession, lambda _p, now: StaffSession.expires_at < now),
    _rule(
        ApiToken,
        lambda _p, now: ApiToken.name.contains(CONSENT) & (ApiToken.expires_at < now),
    ),
)

# Kept as long as their user is (erased with inactive users), and tables about no user.
WITH_THEIR_USER = {"users", "conversations"}
# taught: phrasings staff taught, masked of personal data before storing (bot content);
# database_identity: the random id the sent-marks journal is keyed by.
ABOUT_NO_USER = {
    "staff",
    "canned_replies",
    "faq_outcomes",
    "taught",
    "faq_version",
    "database_identity",
}


def inactive_users(periods: Periods, now: datetime) -> ColumnElement[bool]:
    cutoff = now - periods.inactive
    return (
        (User.created_at < cutoff)
        & ~exists().where(Conversation.user_id == User.id, Conversation.updated_at >= cutoff)
        & ~exists().where(Reminder.user_id == User.id, Reminder.status == PENDING)
        & ~exists().where(Handoff.user_id == User.id, Handoff.status.in_([WAITING, LIVE]))
    )


@dataclass(frozen=True)
class Deleted:
    rows: dict[str, int]  # table name -> rows deleted (users: people erased)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


async def apply_retention(db: Database, periods: Periods, now: datetime) -> Deleted:
    if periods.said < timedelta(days=1) or periods.inactive < timedelta(days=1):
        raise ValueError(f"retention must be at least 1 day, got {periods}")
    rows = {User.__tablename__: await _erase_inactive_users(db, periods, now)}
    for rule in RULES:
        rows[rule.table.name] = await _delete_batches(db, rule.table, rule.expired(periods, now))
    return Deleted(rows)


async def _delete_batches(db: Database, table: Table, condition: ColumnElement[bool]) -> int:
    key = list(table.primary_key.columns)
    keys = key[0] if len(key) == 1 else tuple_(*key)
    deleted = 0
    while True:
        async with db.transaction() as session:
            found = list(
                await session.execute(
                    select(*key)
                    .where(condition)
                    .order_by(*key)
                    .limit(BATCH)
                    .with_for_update(skip_locked=True)
                )
            )
            if not found:
                return deleted
            values = [row[0] for row in found] if len(key) == 1 else [tuple(row) for row in found]
            async with overwriting_deletes(session):
                await session.execute(delete(table).where(keys.in_(values)))
        deleted += len(found)


async def _erase_inactive_users(db: Database, periods: Periods, now: datetime) -> int:
    erased = 0
    while True:
        async with db.transaction() as session:
            users = list(
                await session.scalars(
                    select(User)
                    .where(inactive_users(periods, now))
                    .order_by(User.id)
                    .limit(USER_BATCH)
                    .with_for_update(skip_locked=True)
                )
            )
            for user in users:
                await erase_user(session, user)
        if not users:
            return erased
        erased += len(users)


async def retention_forever(
    db: Database, periods: Periods, clock: Clock = shanghai_now, interval: float = INTERVAL
) -> None:
    """Background task of the worker: one pass now, then one every `interval` seconds."""
    while True:
        try:
            deleted = await apply_retention(db, periods, clock())
        except Exception:
            log.exception("retention pass failed")
        else:
            if deleted.total:
                log.info("retention: old rows deleted", extra={"deleted": deleted.rows})
        await asyncio.sleep(interval)
