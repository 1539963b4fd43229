"""The team's figures per week (Monday to Sunday, Shanghai time): questions asked and what the
FAQ made of them, conversations handed to a person, the 👍 share of rated answers, and the
variants staff taught (bot.support.learning; an undone one does not count). Each count is one
grouped query over the whole span, whatever its rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import SHANGHAI
from bot.support.learning.models import VARIANT, Taught
from bot.support.models import FaqOutcome, FaqRating, Handoff
from bot.support.ratings import ANSWERED, REFUSED, SUGGESTED

WEEKS = 12


@dataclass(frozen=True)
class Week:
    monday: date
    answered: int = 0
    suggested: int = 0
    refused: int = 0
    handed_off: int = 0
    up: int = 0
    down: int = 0
    taught: int = 0

    @property
    def asked(self) -> int:
        return self.answered + self.suggested + self.refused

    @property
    def up_share(self) -> float | None:
        rated = self.up + self.down
        return self.up / rated if rated else None


def mondays(now: datetime, weeks: int = WEEKS) -> list[date]:
    """The Mondays of the last `weeks` weeks, oldest first, this week's last."""
    today = now.astimezone(SHANGHAI).date()
    this_monday = today - timedelta(days=today.weekday())
    return [this_monday - timedelta(weeks=n) for n in reversed(range(weeks))]


def _start(monday: date) -> datetime:
    return datetime.combine(monday, time(), SHANGHAI)


def _week_of(column: Any, starts: list[datetime]) -> ColumnElement[Any]:
    """The index of the week a timestamp falls in (a CASE both databases understand)."""
    return case(
        *((column >= start, index) for index, start in reversed(list(enumerate(starts)))),
        else_=-1,
    )


async def weekly(session: AsyncSession, now: datetime, weeks: int = WEEKS) -> list[Week]:
    days = mondays(now, weeks)
    starts = [_start(monday) for monday in days]
    counts: list[dict[str, int]] = [{} for _ in days]

    week = _week_of(FaqOutcome.at, starts).label("week")
    for index, outcome, n in await session.execute(
        select(week, FaqOutcome.outcome, func.count())
        .where(FaqOutcome.at >= starts[0], FaqOutcome.outcome.in_([ANSWERED, SUGGESTED, REFUSED]))
        .group_by(week, FaqOutcome.outcome)
    ):
        counts[index][outcome] = n

    week = _week_of(Handoff.created_at, starts).label("week")
    for index, n in await session.execute(
        select(week, func.count()).where(Handoff.created_at >= starts[0]).group_by(week)
    ):
        counts[index]["handed_off"] = n

    week = _week_of(FaqRating.at, starts).label("week")
    for index, helpful, n in await session.execute(
        select(week, FaqRating.helpful, func.count())
        .where(FaqRating.at >= starts[0])
        .group_by(week, FaqRating.helpful)
    ):
        counts[index]["up" if helpful else "down"] = n

    week = _week_of(Taught.decided_at, starts).label("week")
    for index, n in await session.execute(
        select(week, func.count())
        .where(Taught.decided_at >= starts[0], Taught.kind == VARIANT, Taught.undone_at.is_(None))
        .group_by(week)
    ):
        counts[index]["taught"] = n

    return [
        Week(
            monday,
            answered=c.get(ANSWERED, 0),
            suggested=c.get(SUGGESTED, 0),
            refused=c.get(REFUSED, 0),
            handed_off=c.get("handed_off", 0),
            up=c.get("up", 0),
            down=c.get("down", 0),
            taught=c.get("taught", 0),
        )
        for monday, c in zip(days, counts, strict=True)
    ]
