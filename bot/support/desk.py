"""The agent's side: the queue as staff see it, claim, reply, transfer, resolve, and claims
that time out. Each action is one transaction; what the user is told goes through the outbox
and is delivered after the commit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import SHANGHAI, Clock
from bot.delivery import Outbox
from bot.storage import conversations as store
from bot.storage.database import Database
from bot.storage.models import Conversation, TranscriptLine, User
from bot.support import queue
from bot.support.invisible import visible
from bot.support.models import LIVE, RESOLVED, WAITING, Handoff, Staff
from bot.support.wording import channel_words, note_words, reason_words
from dialogs.locales import text
from dialogs.types import Reply
from scoring.calculator import calculate
from scoring.policy import NoEditionError, edition_in_force
from scoring.profile import Profile

MAX_REPLY = 4000


@dataclass(frozen=True)
class QueueEntry:
    id: int
    channel: str
    since: datetime
    reason: str
    answers: dict[str, Any]
    score: int | None
    last_message: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "channel": self.channel,
            "channel_words": channel_words(self.channel),
            "since": self.since.timestamp(),
            "reason": self.reason,
            "reason_words": reason_words(self.reason),
            "answers": self.answers,
            "score": self.score,
            "last_message": None if self.last_message is None else visible(self.last_message),
        }


@dataclass(frozen=True)
class Line:
    id: int
    author: str
    text: str
    at: datetime

    def to_json(self) -> dict[str, Any]:
        """For the console's live view: invisible characters made visible, notes in words."""
        text = visible(note_words(self.text) if self.author == "system" else self.text)
        return {"id": self.id, "author": self.author, "text": text, "at": self.at.isoformat()}


@dataclass(frozen=True)
class Case:
    """One handoff as the conversation view shows it."""

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


@dataclass(frozen=True)
class Figures:
    waiting_now: int
    median_wait_today: timedelta | None
    resolved_today: int


def score_of(answers: dict[str, Any], today: date) -> int | None:
    """The points so far when the answers make a complete profile, else None (also when the
    user answered nothing: 0 points would read as a result)."""
    if not answers:
        return None
    try:
        profile = Profile.from_json({**answers, "as_of": today.isoformat()})
        return calculate(profile, edition_in_force(today), today).total
    except (ValueError, TypeError, KeyError, NoEditionError):
        return None


def _rowcount(result: Any) -> int:
    return int(result.rowcount)


class Desk:
    def __init__(self, db: Database, outbox: Outbox, clock: Clock) -> None:
        self.db = db
        self.outbox = outbox
        self.clock = clock

    async def queue(self) -> list[QueueEntry]:
        now = self.clock()
        async with self.db.transaction() as session:
            rows = (
                await session.execute(
                    select(Handoff, User.channel, Conversation.answers)
                    .join(User, User.id == Handoff.user_id)
                    .outerjoin(Conversation, Conversation.user_id == Handoff.user_id)
                    .where(Handoff.status == WAITING)
                    .order_by(Handoff.id)
                )
            ).all()
            last = await self._last_user_lines(session, [row.Handoff.user_id for row in rows])
        today = now.astimezone(SHANGHAI).date()
        return [
            QueueEntry(
                row.Handoff.id,
                row.channel,
                row.Handoff.created_at,
                row.Handoff.reason,
                dict(row.answers or {}),
                score_of(dict(row.answers or {}), today),
                last.get(row.Handoff.user_id),
            )
            for row in rows
        ]

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
        now = self.clock()
        async with self.db.transaction() as session:
            row = (
                await session.execute(
                    select(Handoff, User.channel, Conversation.answers, Staff.name)
                    .join(User, User.id == Handoff.user_id)
                    .outerjoin(Conversation, Conversation.user_id == Handoff.user_id)
                    .outerjoin(Staff, Staff.id == Handoff.agent_id)
                    .where(Handoff.id == handoff_id)
                )
            ).first()
            if row is None:
                return None
            lines = await session.scalars(
                select(TranscriptLine)
                .where(
                    TranscriptLine.user_id == row.Handoff.user_id, TranscriptLine.id > after_line
                )
                .order_by(TranscriptLine.id)
            )
            handoff, answers = row.Handoff, dict(row.answers or {})
            return Case(
                handoff.id,
                handoff.status,
                handoff.reason,
                row.channel,
                handoff.agent_id,
                row.name,
                handoff.created_at,
                answers,
                score_of(answers, now.astimezone(SHANGHAI).date()),
                tuple(Line(line.id, line.author, line.text, line.at) for line in lines),
            )

    async def mine(self, staff_id: int) -> list[int]:
        async with self.db.transaction() as session:
            ids = await session.scalars(
                select(Handoff.id)
                .where(Handoff.status == LIVE, Handoff.agent_id == staff_id)
                .order_by(Handoff.id)
            )
            return list(ids)

    async def claim(self, handoff_id: int, staff_id: int, staff_name: str) -> bool:
        """Of any number of agents claiming one handoff at once, exactly one gets True."""
        now = self.clock()
        async with self.db.transaction() as session:
            won = _rowcount(
                await session.execute(
                    update(Handoff)
                    .where(Handoff.id == handoff_id, Handoff.status == WAITING)
                    .values(
                        status=LIVE, agent_id=staff_id, claimed_at=now, last_agent_reply_at=None
                    )
                    .execution_options(synchronize_session=False)
                )
            )
            if won != 1:
                return False
            handoff = await session.get(Handoff, handoff_id)
            assert handoff is not None
            self._note(session, handoff.user_id, f"claimed by {staff_name}")
            ids = await self._tell(session, handoff, LIVE, "support-joined", agent=staff_name)
        await self.outbox.deliver(ids)
        return True

    async def reply(self, handoff_id: int, staff_id: int, message: str) -> bool:
        message = message.strip()[:MAX_REPLY]
        if not message:
            return False
        now = self.clock()
        async with self.db.transaction() as session:
            handoff = await self._held_by(session, handoff_id, staff_id)
            if handoff is None:
                return False
            handoff.last_agent_reply_at = now
            store.add_transcript(session, handoff.user_id, "agent", message, now)
            staff = await session.get(Staff, staff_id)
            marked = text(
                await self._locale(session, handoff.user_id),
                "support-agent-says",
                agent=staff.name if staff else "",
                text=message,
            )
            ids = await store.enqueue_replies(session, handoff.user_id, [Reply(marked)], now)
        await self.outbox.deliver(ids)
        return True

    async def transfer(self, handoff_id: int, staff_id: int, to_staff_id: int) -> bool:
        now = self.clock()
        async with self.db.transaction() as session:
            handoff = await self._held_by(session, handoff_id, staff_id)
            other = await session.get(Staff, to_staff_id)
            if handoff is None or other is None or not other.enabled or other.id == staff_id:
                return False
            # the new agent gets the whole claim timeout; claimed_at keeps the wait's end
            handoff.agent_id, handoff.last_agent_reply_at = other.id, now
            self._note(session, handoff.user_id, f"transferred to {other.name}")
            ids = await self._tell(session, handoff, LIVE, "support-transferred", agent=other.name)
        await self.outbox.deliver(ids)
        return True

    async def resolve(self, handoff_id: int, staff_id: int, note: str = "") -> bool:
        """Close the handoff; the bot takes over again where the dialog was."""
        now = self.clock()
        async with self.db.transaction() as session:
            handoff = await self._held_by(session, handoff_id, staff_id)
            if handoff is None:
                return False
            handoff.status, handoff.resolved_at = RESOLVED, now
            handoff.note = note.strip()[:2000] or None
            ids = await self._tell(session, handoff, "bot", "support-resolved")
        await self.outbox.deliver(ids)
        return True

    async def release_stale(self, timeout: timedelta) -> int:
        """Claims without an agent reply for `timeout` go back to the queue, in their place."""
        now = self.clock()
        since = now - timeout
        released = 0
        async with self.db.transaction() as session:
            stale = await session.scalars(
                select(Handoff).where(
                    Handoff.status == LIVE,
                    or_(
                        Handoff.last_agent_reply_at < since,
                        Handoff.last_agent_reply_at.is_(None) & (Handoff.claimed_at < since),
                    ),
                )
            )
            for handoff in stale:
                handoff.status, handoff.agent_id, handoff.claimed_at = WAITING, None, None
                handoff.last_agent_reply_at = None
                await queue.set_mode(session, handoff.user_id, WAITING, now)
                self._note(session, handoff.user_id, "returned to the queue: no agent reply")
                released += 1
        return released

    async def figures(self) -> Figures:
        now = self.clock()
        local = now.astimezone(SHANGHAI)
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

    async def _held_by(
        self, session: AsyncSession, handoff_id: int, staff_id: int
    ) -> Handoff | None:
        handoff = await session.get(Handoff, handoff_id, with_for_update=True)
        if handoff is None or handoff.status != LIVE or handoff.agent_id != staff_id:
            return None
        return handoff

    async def _tell(
        self, session: AsyncSession, handoff: Handoff, mode: str, key: str, **values: str
    ) -> list[int]:
        """Set the conversation's mode and tell the user, in the user's language."""
        now = self.clock()
        await queue.set_mode(session, handoff.user_id, mode, now)
        said = text(await self._locale(session, handoff.user_id), key, **values)
        store.add_transcript(session, handoff.user_id, "bot", said, now)
        return await store.enqueue_replies(session, handoff.user_id, [Reply(said)], now)

    async def _locale(self, session: AsyncSession, user_id: int) -> str:
        conversation = await session.get(Conversation, user_id)
        return conversation.locale if conversation is not None else "zh-CN"

    def _note(self, session: AsyncSession, user_id: int, note: str) -> None:
        """A line for staff in the transcript ("system": not sent to the user)."""
        store.add_transcript(session, user_id, "system", note, self.clock())


def _median(values: Sequence[timedelta]) -> timedelta | None:
    if not values:
        return None
    middle = len(values) // 2
    if len(values) % 2:
        return values[middle]
    return (values[middle - 1] + values[middle]) / 2
