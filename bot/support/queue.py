"""The waiting queue as the user's step sees it, inside the step's transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.models import Conversation, TranscriptLine
from bot.support.models import CANCELLED, LIVE, WAITING, Handoff


async def open_handoff(session: AsyncSession, user_id: int) -> Handoff | None:
    return await session.scalar(
        select(Handoff)
        .where(Handoff.user_id == user_id, Handoff.status.in_([WAITING, LIVE]))
        .order_by(Handoff.id.desc())
        .limit(1)
    )


async def enqueue(session: AsyncSession, user_id: int, reason: str, now: datetime) -> Handoff:
    handoff = Handoff(user_id=user_id, status=WAITING, reason=reason, created_at=now)
    session.add(handoff)
    await session.flush()
    return handoff


async def place_in_queue(session: AsyncSession, handoff: Handoff) -> int:
    """1 for the first in line; a claim that timed out keeps its old place."""
    ahead = await session.scalar(
        select(func.count())
        .select_from(Handoff)
        .where(Handoff.status == WAITING, Handoff.id < handoff.id)
    )
    return int(ahead or 0) + 1


async def cancel(session: AsyncSession, handoff_id: int, now: datetime) -> bool:
    """Withdraw a waiting request; False when an agent claimed it in the meantime."""
    result = await session.execute(
        update(Handoff)
        .where(Handoff.id == handoff_id, Handoff.status == WAITING)
        .values(status=CANCELLED, resolved_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


async def end(session: AsyncSession, handoff_id: int, now: datetime) -> None:
    """End a waiting or live handoff for the user (they asked to delete their data)."""
    await session.execute(
        update(Handoff)
        .where(Handoff.id == handoff_id, Handoff.status.in_([WAITING, LIVE]))
        .values(status=CANCELLED, resolved_at=now)
        .execution_options(synchronize_session=False)
    )


async def user_lines_since(
    session: AsyncSession, user_id: int, since: datetime
) -> tuple[int, datetime | None]:
    """How many messages the user sent from `since` on, and when the last of them came."""
    row = (
        await session.execute(
            select(func.count(), func.max(TranscriptLine.at)).where(
                TranscriptLine.user_id == user_id,
                TranscriptLine.author == "user",
                TranscriptLine.at >= since,
            )
        )
    ).one()
    return int(row[0]), row[1]


async def set_mode(session: AsyncSession, user_id: int, mode: str, now: datetime) -> None:
    """Change who holds the conversation from outside a step of the user.

    The version bump makes a step of the same user that runs meanwhile start again and see
    the new mode (see `bot.storage.conversations.save_conversation`).
    """
    await session.execute(
        update(Conversation)
        .where(Conversation.user_id == user_id)
        .values(mode=mode, version=Conversation.version + 1, updated_at=now)
        .execution_options(synchronize_session=False)
    )
