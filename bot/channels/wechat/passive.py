"""WeChat's passive reply: replies handed over in the HTTP response instead of by a sender.

A reply goes either passively or through the outbox's sender, never both: it is taken here
only if no send was attempted yet (the sweep counts an attempt when it claims a row), and a
retried request on another process finds it taken.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import update

from bot.storage.database import Database
from bot.storage.models import OutboxReply


class _NotAll(Exception):
    """Rolls back a take_unsent that could not take every reply."""


async def take_unsent(db: Database, ids: Sequence[int], now: datetime) -> bool:
    """Mark these replies sent if no attempt to send any of them was made yet, so the caller
    may hand them over itself. All or nothing."""
    try:
        async with db.transaction() as session:
            result = await session.execute(
                update(OutboxReply)
                .where(
                    OutboxReply.id.in_(list(ids)),
                    OutboxReply.status == "pending",
                    OutboxReply.attempts == 0,
                )
                .values(status="sent", sent_at=now)
            )
            if result.rowcount != len(ids):  # type: ignore[attr-defined]
                raise _NotAll
    except _NotAll:
        return False
    return True


async def release(db: Database, ids: Sequence[int]) -> None:
    """Undo `take_unsent` when the caller could not hand them over after all."""
    async with db.transaction() as session:
        await session.execute(
            update(OutboxReply)
            .where(
                OutboxReply.id.in_(list(ids)),
                OutboxReply.status == "sent",
                OutboxReply.attempts == 0,
            )
            .values(status="pending", sent_at=None)
        )
