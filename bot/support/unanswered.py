"""The questions the FAQ could not answer: kept as they arrive, grouped as they arrive.

Each question joins a group when it is stored (its look-alikes found through MinHash buckets,
`bot.support.similar`), so the admin page only counts stored group ids in SQL and does no
grouping of its own, however many questions there are. What is stored is bounded: a question
is cut to `QUESTION_CHARS`, a visitor's questions to `PER_USER_PER_DAY` and everyone's to
`PER_DAY` a day (beyond that they are not kept; the user's answer does not change).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.support import similar
from bot.support.models import UnansweredBucket, UnansweredQuestion

QUESTION_CHARS = 500
PER_USER_PER_DAY = 10
PER_DAY = 2000
CANDIDATES = 20
WINDOW = timedelta(days=30)
GROUPS_SHOWN = 50
VARIANTS_SHOWN = 6


@dataclass(frozen=True)
class Group:
    example: str  # the most frequent wording
    count: int
    variants: tuple[str, ...]  # the most frequent wordings, the example first


async def record(
    session: AsyncSession, user_id: int, question: str, now: datetime, kind: str = "unknown"
) -> bool:
    """Keep the question in its group; False when a daily cap left it out. `kind`: unknown,
    suggest (choices offered instead of an answer) or rated_down (bot.support.learning.review)."""
    question = question.strip()[:QUESTION_CHARS]
    if not question or await _over_cap(session, user_id, now):
        return False
    shape, buckets = await asyncio.to_thread(_fingerprint, question)
    leader = await _leader_for(session, shape, buckets)
    row = UnansweredQuestion(user_id=user_id, question=question, at=now, group_id=leader, kind=kind)
    session.add(row)
    await session.flush()
    if leader is None:  # the first of a new group: its buckets find the next look-alikes
        row.group_id = row.id
        if buckets:
            await session.execute(
                insert(UnansweredBucket),
                [{"bucket": b, "question_id": row.id} for b in set(buckets)],
            )
    return True


async def withdraw(session: AsyncSession, user_id: int, question: str, kind: str) -> None:
    """Forget what `record` kept of this user's `question` as `kind` (a 👎 taken back)."""
    question = question.strip()[:QUESTION_CHARS]
    await session.execute(
        delete(UnansweredQuestion).where(
            UnansweredQuestion.user_id == user_id,
            UnansweredQuestion.question == question,
            UnansweredQuestion.kind == kind,
        )
    )


def _fingerprint(question: str) -> tuple[frozenset[str], list[int]]:
    shape = similar.shape(question)
    return shape, similar.buckets(shape)


async def _over_cap(session: AsyncSession, user_id: int, now: datetime) -> bool:
    since = now - timedelta(days=1)
    mine = await session.scalar(
        select(func.count())
        .select_from(UnansweredQuestion)
        .where(UnansweredQuestion.user_id == user_id, UnansweredQuestion.at > since)
    )
    if (mine or 0) >= PER_USER_PER_DAY:
        return True
    everyone = await session.scalar(
        select(func.count()).select_from(UnansweredQuestion).where(UnansweredQuestion.at > since)
    )
    return (everyone or 0) >= PER_DAY


async def _leader_for(
    session: AsyncSession, shape: frozenset[str], buckets: list[int]
) -> int | None:
    """The group leader most like the question among those sharing a bucket with it."""
    if not buckets:
        return None
    shared = func.count().label("shared")
    candidates = (
        select(UnansweredBucket.question_id, shared)
        .where(UnansweredBucket.bucket.in_(buckets))
        .group_by(UnansweredBucket.question_id)
        .order_by(shared.desc(), UnansweredBucket.question_id.desc())
        .limit(CANDIDATES)
        .subquery()
    )
    rows = await session.execute(
        select(UnansweredQuestion.id, UnansweredQuestion.question).join(
            candidates, candidates.c.question_id == UnansweredQuestion.id
        )
    )
    return await asyncio.to_thread(similar.closest, shape, [(row.id, row.question) for row in rows])


async def groups(session: AsyncSession, now: datetime) -> list[Group]:
    """The largest groups of the last `WINDOW`, largest first: two grouped queries."""
    since = now - WINDOW
    group_key = func.coalesce(UnansweredQuestion.group_id, UnansweredQuestion.id)
    count = func.count().label("n")
    top = (
        await session.execute(
            select(group_key.label("g"), count)
            .where(UnansweredQuestion.at >= since)
            .group_by(group_key)
            .order_by(count.desc(), func.max(UnansweredQuestion.id).desc())
            .limit(GROUPS_SHOWN)
        )
    ).all()
    if not top:
        return []
    wording_count = func.count()
    ranked = (
        select(
            group_key.label("g"),
            UnansweredQuestion.question,
            func.row_number()
            .over(
                partition_by=group_key,
                order_by=(wording_count.desc(), func.min(UnansweredQuestion.id)),
            )
            .label("rank"),
        )
        .where(UnansweredQuestion.at >= since, group_key.in_([row.g for row in top]))
        .group_by(group_key, UnansweredQuestion.question)
        .subquery()
    )
    wordings: dict[int, list[str]] = {}
    for row in await session.execute(
        select(ranked.c.g, ranked.c.question)
        .where(ranked.c.rank <= VARIANTS_SHOWN)
        .order_by(ranked.c.g, ranked.c.rank)
    ):
        wordings.setdefault(row.g, []).append(row.question)
    return [Group(wordings[row.g][0], row.n, tuple(wordings[row.g])) for row in top]
