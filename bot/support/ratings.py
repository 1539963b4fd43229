"""Ratings of FAQ answers (👍/👎) and what the FAQ made of each question, stored and read.

A rating is one row per user, topic and question: pressing the other thumb on the same answer
changes the row, so a user who changes their mind counts once. An answer rated down also goes
to the review queue (bot.support.learning) as a kept question; the admin page reads
`topic_stats`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import case, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.observability.metrics import count_rating
from bot.support import unanswered
from bot.support.learning.review import RATED_DOWN
from bot.support.models import FaqOutcome, FaqRating
from dialogs.types import Effect, Inbound, Reply

if TYPE_CHECKING:  # bot.service imports this module (through bot.step_batch)
    from bot.service import EffectHandler, StepContext

WINDOW = timedelta(days=30)  # what the admin page's per-topic table looks back on
DOWN_QUESTIONS_SHOWN = 3

ANSWERED, SUGGESTED, REFUSED = "answered", "suggested", "refused"


@dataclass(frozen=True)
class TopicStats:
    topic: str
    answered: int  # questions answered with this topic
    suggested: int  # questions where it was the first suggestion
    up: int
    down: int
    down_questions: tuple[tuple[str, int], ...]  # the most common 👎 questions, with counts

    @property
    def answer_rate(self) -> float | None:
        asked = self.answered + self.suggested
        return self.answered / asked if asked else None

    @property
    def up_share(self) -> float | None:
        rated = self.up + self.down
        return self.up / rated if rated else None


async def rate(
    session: AsyncSession,
    user_id: int,
    topic: str,
    helpful: bool,
    question: str | None,
    channel: str,
    now: datetime,
) -> bool | None:
    """Store the rating, or change the user's earlier rating of the same answer; returns the
    earlier rating (None: there was none)."""
    question = (question or "").strip()[: unanswered.QUESTION_CHARS] or None
    earlier = await session.scalar(
        select(FaqRating)
        .where(
            FaqRating.user_id == user_id,
            FaqRating.topic == topic,
            FaqRating.question.is_(None) if question is None else FaqRating.question == question,
        )
        .order_by(FaqRating.id.desc())
        .limit(1)
    )
    if earlier is None:
        session.add(
            FaqRating(
                user_id=user_id,
                topic=topic,
                helpful=helpful,
                question=question,
                channel=channel,
                at=now,
            )
        )
        return None
    before = earlier.helpful
    earlier.helpful, earlier.channel, earlier.at = helpful, channel, now
    return before


def outcome_rows(inbound: Inbound, replies: Iterable[Reply], now: datetime) -> list[dict[str, Any]]:
    """The `faq_outcomes` rows of one step's replies (written in the step's transaction)."""
    return [
        {"at": now, "outcome": reply.faq.kind, "topic": reply.faq.topic, "channel": inbound.channel}
        for reply in replies
        if reply.faq is not None
    ]


async def topic_stats(session: AsyncSession, now: datetime) -> list[TopicStats]:
    """Per topic over the last `WINDOW`: answered, suggested, 👍, 👎 and the commonest 👎
    questions; the most asked topics first."""
    since = now - WINDOW
    outcomes = await session.execute(
        select(FaqOutcome.topic, FaqOutcome.outcome, func.count())
        .where(
            FaqOutcome.at >= since,
            FaqOutcome.topic.is_not(None),
            FaqOutcome.outcome.in_([ANSWERED, SUGGESTED]),
        )
        .group_by(FaqOutcome.topic, FaqOutcome.outcome)
    )
    counts: dict[str, Counter[str]] = {}
    for topic, outcome, n in outcomes:
        counts.setdefault(str(topic), Counter())[outcome] = n
    thumbs = await session.execute(
        select(
            FaqRating.topic,
            func.sum(case((FaqRating.helpful.is_(True), 1), else_=0)),
            func.sum(case((FaqRating.helpful.is_(True), 0), else_=1)),
        )
        .where(FaqRating.at >= since)
        .group_by(FaqRating.topic)
    )
    for topic, up, down in thumbs:
        tally = counts.setdefault(topic, Counter())
        tally["up"], tally["down"] = int(up or 0), int(down or 0)
    down_questions = await _down_questions(session, since)
    stats = [
        TopicStats(
            topic,
            tally[ANSWERED],
            tally[SUGGESTED],
            tally["up"],
            tally["down"],
            tuple(down_questions.get(topic, ())),
        )
        for topic, tally in counts.items()
    ]
    return sorted(stats, key=lambda s: (-(s.answered + s.suggested), -(s.up + s.down), s.topic))


async def _down_questions(
    session: AsyncSession, since: datetime
) -> dict[str, Sequence[tuple[str, int]]]:
    n = func.count().label("n")
    ranked = (
        select(
            FaqRating.topic,
            FaqRating.question,
            n,
            func.row_number()
            .over(partition_by=FaqRating.topic, order_by=(func.count().desc(), FaqRating.question))
            .label("rank"),
        )
        .where(FaqRating.at >= since, FaqRating.helpful.is_(False), FaqRating.question.is_not(None))
        .group_by(FaqRating.topic, FaqRating.question)
        .subquery()
    )
    found: dict[str, list[tuple[str, int]]] = {}
    for row in await session.execute(
        select(ranked.c.topic, ranked.c.question, ranked.c.n)
        .where(ranked.c.rank <= DOWN_QUESTIONS_SHOWN)
        .order_by(ranked.c.topic, ranked.c.rank)
    ):
        found.setdefault(row.topic, []).append((row.question, row.n))
    return dict(found)


async def record_outcomes(
    session: AsyncSession, inbound: Inbound, replies: Iterable[Reply], now: datetime
) -> None:
    rows = outcome_rows(inbound, replies, now)
    if rows:
        await session.execute(insert(FaqOutcome), rows)


async def store_rating(context: StepContext, effect: Effect) -> Sequence[Reply]:
    """The "rate" effect of the dialog: stored in the step's transaction, then counted. An
    answer newly rated down puts its question in the review queue (kind "rated_down"); rated
    up by the same user after that, it leaves the queue again."""
    helpful, question = bool(effect.data["helpful"]), str(effect.data.get("question") or "")
    session, user_id, now = context.session, context.user.id, context.now
    channel, topic = context.inbound.channel, str(effect.data["topic"])
    before = await rate(session, user_id, topic, helpful, question, channel, now)
    if not helpful and before is not False and question:
        await unanswered.record(session, user_id, question, now, RATED_DOWN)
    elif helpful and before is False and question:
        await unanswered.withdraw(session, user_id, question, RATED_DOWN)
    count_rating(channel, helpful=helpful)
    return ()


EFFECTS: dict[str, EffectHandler] = {"rate": store_rating}
