"""What the console reads: the open conversations (waiting, and held by an agent), one
conversation with what is known about its user, and the day's figures. `Desk` adds the
actions on top of these reads."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import SHANGHAI, Clock
from bot.reminders.models import PENDING, Reminder
from bot.storage.database import Database
from bot.storage.models import Conversation, TranscriptLine, User
from bot.support.invisible import visible
from bot.support.models import LIVE, RESOLVED, WAITING, Handoff, Staff
from bot.support.profile_words import answers_line, score_of
from bot.support.wording import channel_words, reason_words, say


@dataclass(frozen=True)
class QueueEntry:
    """An open conversation as the console's lists show it (waiting, or held by an agent)."""

    id: int
    channel: str
    since: datetime
    reason: str
    answers: dict[str, Any]
    score: int | None
    last_message: str | None
    extra: dict[str, Any]
    status: str = WAITING
    agent_id: int | None = None
    agent_name: str | None = None

    def to_json(self, locale: str = "zh-CN") -> dict[str, Any]:
        """Everything in words of `locale`: the lists draw it as it comes."""
        return {
            "id": self.id,
            "status": self.status,
            "channel_words": channel_words(self.channel, locale),
            "since": self.since.timestamp(),
            "reason_words": reason_words(self.reason, locale),
            "answers_words": answers_line(self.answers, self.extra, locale),
            "score_words": (
                say(locale, "no-score-short")
                if self.score is None
                else say(locale, "score-short", total=self.score)
            ),
            "agent_id": self.agent_id,
            "agent": self.agent_name,
            "last_message": None if self.last_message is None else visible(self.last_message),
        }


@dataclass(frozen=True)
class Line:
    id: int
    author: str
    text: str
    at: datetime


@dataclass(frozen=True)
class Earlier:
    """A closed handoff of the same user."""

    id: int
    status: str
    created_at: datetime
    agent_name: str | None
    note: str | None


@dataclass(frozen=True)
class Case:
    """One handoff as the conversation view shows it, with what is known about its user."""

    id: int
    status: str
    reason: str
    channel: str
    agent_id: int | None
    agent_name: str | None
    created_at: datetime
    answers: dict[str, Any]
    score: int | None
    lines: tuple[Line, ...]
    user_locale: str = "zh-CN"
    extra: dict[str, Any] | None = None
    reminders: tuple[tuple[datetime, str], ...] = ()
    earlier: tuple[Earlier, ...] = ()


@dataclass(frozen=True)
class Figures:
    waiting_now: int
    median_wait_today: timedelta | None
    resolved_today: int


def _extra(context: dict[str, Any] | None) -> dict[str, Any]:
    extra = (context or {}).get("extra")
    return dict(extra) if isinstance(extra, dict) else {}


class Inbox:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    def _today(self) -> date:
        return self.clock().astimezone(SHANGHAI).date()

    async def queue(self) -> list[QueueEntry]:
        """The waiting conversations, first come first."""
        return [entry for entry in await self.open_entries() if entry.status == WAITING]

    async def open_entries(self) -> list[QueueEntry]:
        """Every waiting or held conversation, in the order they asked for a person."""
        async with self.db.transaction() as session:
            rows = (
                await session.execute(
                    select(Handoff, User.channel, Conversation.answers, Conversation.context)
                    .add_columns(Staff.name)
                    .join(User, User.id == Handoff.user_id)
                    .outerjoin(Conversation, Conversation.user_id == Handoff.user_id)
                    .outerjoin(Staff, Staff.id == Handoff.agent_id)
                    .where(Handoff.status.in_([WAITING, LIVE]))
                    .order_by(Handoff.id)
                )
            ).all()
            last = await self._last_user_lines(session, [row.Handoff.user_id for row in rows])
        today = self._today()
        entries = []
        for row in rows:
            handoff, answers, extra = row.Handoff, dict(row.answers or {}), _extra(row.context)
            entries.append(
                QueueEntry(
                    handoff.id,
                    row.channel,
                    handoff.created_at,
                    handoff.reason,
                    answers,
                    score_of(answers, extra, today),
                    last.get(handoff.user_id),
                    extra,
                    handoff.status,
                    handoff.agent_id,
                    row.name,
                )
            )
        return entries

    async def _last_user_lines(self, session: AsyncSession, user_ids: list[int]) -> dict[int, str]:
        if not user_ids:
            return {}
        newest = (
            select(func.max(TranscriptLine.id))
            .where(TranscriptLine.user_id.in_(user_ids), TranscriptLine.author == "user")
            .group_by(TranscriptLine.user_id)
        )
        rows = await session.execute(
            select(TranscriptLine.user_id, TranscriptLine.text).where(TranscriptLine.id.in_(newest))
        )
        return {user_id: line for user_id, line in rows.all()}

    async def case(self, handoff_id: int, after_line: int = 0) -> Case | None:
        async with self.db.transaction() as session:
            row = (
                await session.execute(
                    select(Handoff, User.channel, Conversation, Staff.name)
                    .join(User, User.id == Handoff.user_id)
                    .outerjoin(Conversation, Conversation.user_id == Handoff.user_id)
                    .outerjoin(Staff, Staff.id == Handoff.agent_id)
                    .where(Handoff.id == handoff_id)
                )
            ).first()
            if row is None:
                return None
            handoff, conversation = row.Handoff, row.Conversation
            lines = await session.scalars(
                select(TranscriptLine)
                .where(TranscriptLine.user_id == handoff.user_id, TranscriptLine.id > after_line)
                .order_by(TranscriptLine.id)
            )
            transcript = tuple(Line(line.id, line.author, line.text, line.at) for line in lines)
            reminders = await _reminders(session, handoff.user_id)
            earlier = await _earlier(session, handoff)
        answers = dict(conversation.answers or {}) if conversation else {}
        extra = _extra(conversation.context if conversation else None)
        return Case(
            handoff.id,
            handoff.status,
            handoff.reason,
            row.channel,
            handoff.agent_id,
            row.name,
            handoff.created_at,
            answers,
            score_of(answers, extra, self._today()),
            transcript,
            conversation.locale if conversation else "zh-CN",
            extra,
            reminders,
            earlier,
        )

    async def mine(self, staff_id: int) -> list[int]:
        async with self.db.transaction() as session:
            ids = await session.scalars(
                select(Handoff.id)
                .where(Handoff.status == LIVE, Handoff.agent_id == staff_id)
                .order_by(Handoff.id)
            )
            return list(ids)

    async def figures(self) -> Figures:
        local = self.clock().astimezone(SHANGHAI)
        midnight = datetime.combine(local.date(), datetime.min.time(), SHANGHAI)
        async with self.db.transaction() as session:
            waiting = await session.scalar(
                select(func.count()).select_from(Handoff).where(Handoff.status == WAITING)
            )
            resolved = await session.scalar(
                select(func.count())
                .select_from(Handoff)
                .where(Handoff.status == RESOLVED, Handoff.resolved_at >= midnight)
            )
            claimed = (
                await session.execute(
                    select(Handoff.created_at, Handoff.claimed_at).where(
                        Handoff.claimed_at >= midnight
                    )
                )
            ).all()
        waits = sorted(taken - created for created, taken in claimed if taken is not None)
        return Figures(int(waiting or 0), _median(waits), int(resolved or 0))


async def _reminders(session: AsyncSession, user_id: int) -> tuple[tuple[datetime, str], ...]:
    rows = await session.execute(
        select(Reminder.due_at, Reminder.kind)
        .where(Reminder.user_id == user_id, Reminder.status == PENDING)
        .order_by(Reminder.due_at)
    )
    return tuple((due, kind) for due, kind in rows.all())


async def _earlier(session: AsyncSession, handoff: Handoff) -> tuple[Earlier, ...]:
    rows = await session.execute(
        select(Handoff, Staff.name)
        .outerjoin(Staff, Staff.id == Handoff.agent_id)
        .where(Handoff.user_id == handoff.user_id, Handoff.id < handoff.id)
        .order_by(Handoff.id.desc())
        .limit(20)
    )
    return tuple(
        Earlier(old.id, old.status, old.created_at, name, old.note) for old, name in rows.all()
    )


def _median(values: Sequence[timedelta]) -> timedelta | None:
    if not values:
        return None
    middle = len(values) // 2
    if len(values) % 2:
        return values[middle]
    return (values[middle - 1] + values[middle]) / 2
