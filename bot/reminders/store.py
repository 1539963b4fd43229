"""Scheduling, cancelling and listing a user's reminders, inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.reminders.messages import payload
from bot.reminders.models import CANCELLED, PENDING, Reminder
from bot.reminders.plan import Plan


def schedule(
    session: AsyncSession,
    user_id: int,
    plan: Plan,
    locale: str,
    values: Mapping[str, Any],
    now: datetime,
) -> list[Reminder]:
    rows = [
        Reminder(
            user_id=user_id,
            kind=planned.kind,
            due_at=planned.at,
            status=PENDING,
            attempts=0,
            payload=payload(planned.kind, locale, values),
            created_at=now,
        )
        for planned in plan.reminders
    ]
    session.add_all(rows)
    return rows


async def cancel_pending(
    session: AsyncSession, user_id: int, kinds: Collection[str] | None = None
) -> int:
    """Cancel the user's pending reminders (of these kinds); returns how many."""
    query = update(Reminder).where(Reminder.user_id == user_id, Reminder.status == PENDING)
    if kinds is not None:
        query = query.where(Reminder.kind.in_(list(kinds)))
    result = await session.execute(
        query.values(status=CANCELLED, lease_until=None).execution_options(
            synchronize_session=False
        )
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


async def pending(session: AsyncSession, user_id: int) -> list[Reminder]:
    rows = await session.scalars(
        select(Reminder)
        .where(Reminder.user_id == user_id, Reminder.status == PENDING)
        .order_by(Reminder.due_at, Reminder.id)
    )
    return list(rows)
