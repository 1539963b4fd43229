"""The review queue: questions the bot did not answer, answered with low confidence (offered
choices: its score was below the answer threshold) or whose answer a user rated down, in the
groups they joined when they were kept (bot.support.unanswered), each with the conversation
around it. A group an admin decided on (bot.support.learning.decisions) leaves the queue;
undoing the decision brings it back.

Ratings (issue 16 part 5) reach the queue through `unanswered.record(..., kind=RATED_DOWN)`:
a rated-down answer is kept like an unanswered question, with its own kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.models import TranscriptLine
from bot.support.learning.models import Taught
from bot.support.models import UnansweredQuestion
from bot.support.unanswered import WINDOW

UNKNOWN, SUGGEST, RATED_DOWN = "unknown", "suggest", "rated_down"
GROUPS_SHOWN = 50
WORDINGS_SHOWN = 6
LINES_BEFORE, LINES_AFTER = 4, 3
AROUND = timedelta(minutes=30)


@dataclass(frozen=True)
class Wording:
    question_id: int  # the newest question with these words
    text: str
    count: int


@dataclass(frozen=True)
class QueueGroup:
    id: int  # the group's first question
    count: int
    last_at: datetime
    kinds: tuple[str, ...]  # unknown, suggest, rated_down: those present, most frequent first
    wordings: tuple[Wording, ...]  # most frequent first

    @property
    def example(self) -> Wording:
        return self.wordings[0]


@dataclass(frozen=True)
class Line:
    author: str
    text: str
    at: datetime
    asked: bool  # the question itself


_GROUP = func.coalesce(UnansweredQuestion.group_id, UnansweredQuestion.id)


def _open(since: datetime) -> list[ColumnElement[bool]]:
    """Kept within the window, in a group no active decision closed."""
    decided = exists().where(Taught.group_id == _GROUP, Taught.undone_at.is_(None))
    return [UnansweredQuestion.at >= since, ~decided]


async def queue(
    session: AsyncSession, now: datetime, newest_first: bool = False
) -> list[QueueGroup]:
    """The open groups: most frequent first (then newest), or newest first."""
    count, last = func.count().label("n"), func.max(UnansweredQuestion.at).label("last")
    order = (last.desc(), count.desc()) if newest_first else (count.desc(), last.desc())
    top = (
        await session.execute(
            select(_GROUP.label("g"), count, last)
            .where(*_open(now - WINDOW))
            .group_by(_GROUP)
            .order_by(*order)
            .limit(GROUPS_SHOWN)
        )
    ).all()
    if not top:
        return []
    ids = [row.g for row in top]
    wordings = await _wordings(session, ids, now - WINDOW)
    kinds = await _kinds(session, ids, now - WINDOW)
    return [QueueGroup(row.g, row.n, row.last, kinds[row.g], tuple(wordings[row.g])) for row in top]


async def _wordings(
    session: AsyncSession, ids: list[int], since: datetime
) -> dict[int, list[Wording]]:
    rows = await session.execute(
        select(
            _GROUP.label("g"),
            UnansweredQuestion.question,
            func.count().label("n"),
            func.max(UnansweredQuestion.id).label("newest"),
        )
        .where(UnansweredQuestion.at >= since, _GROUP.in_(ids))
        .group_by(_GROUP, UnansweredQuestion.question)
        .order_by(func.count().desc(), func.max(UnansweredQuestion.id).desc())
    )
    found: dict[int, list[Wording]] = {}
    for row in rows:
        wordings = found.setdefault(row.g, [])
        if len(wordings) < WORDINGS_SHOWN:
            wordings.append(Wording(row.newest, row.question, row.n))
    return found


async def _kinds(
    session: AsyncSession, ids: list[int], since: datetime
) -> dict[int, tuple[str, ...]]:
    rows = await session.execute(
        select(_GROUP.label("g"), UnansweredQuestion.kind, func.count().label("n"))
        .where(UnansweredQuestion.at >= since, _GROUP.in_(ids))
        .group_by(_GROUP, UnansweredQuestion.kind)
        .order_by(func.count().desc())
    )
    found: dict[int, tuple[str, ...]] = {}
    for row in rows:
        found[row.g] = (*found.get(row.g, ()), row.kind)
    return found


async def group(session: AsyncSession, group_id: int, now: datetime) -> QueueGroup | None:
    """One group of the window, open or decided."""
    since = now - WINDOW
    row = (
        await session.execute(
            select(func.count().label("n"), func.max(UnansweredQuestion.at).label("last")).where(
                UnansweredQuestion.at >= since, _GROUP.in_([group_id])
            )
        )
    ).one()
    if not row.n:
        return None
    wordings = await _wordings(session, [group_id], since)
    kinds = await _kinds(session, [group_id], since)
    return QueueGroup(group_id, row.n, row.last, kinds[group_id], tuple(wordings[group_id]))


async def question(session: AsyncSession, question_id: int) -> UnansweredQuestion | None:
    return await session.get(UnansweredQuestion, question_id)


async def around(session: AsyncSession, asked: UnansweredQuestion) -> list[Line]:
    """The asker's transcript around the question: a few lines before and after it."""
    near = (
        TranscriptLine.user_id == asked.user_id,
        TranscriptLine.at >= asked.at - AROUND,
        TranscriptLine.at <= asked.at + AROUND,
    )
    before = await session.scalars(
        select(TranscriptLine)
        .where(*near, TranscriptLine.at <= asked.at)
        .order_by(TranscriptLine.id.desc())
        .limit(LINES_BEFORE)
    )
    after = await session.scalars(
        select(TranscriptLine)
        .where(*near, TranscriptLine.at > asked.at)
        .order_by(TranscriptLine.id)
        .limit(LINES_AFTER)
    )
    lines = [*reversed(list(before)), *after]
    said = asked.question.strip()
    return [
        Line(line.author, line.text, line.at, line.author == "user" and line.text.strip() == said)
        for line in lines
    ]
