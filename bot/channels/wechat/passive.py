"""WeChat's passive reply: replies handed over in the HTTP response instead of by a sender.

A reply goes either passively or through the outbox's sender, never both, and counts as sent
only once the response carrying it was written (`Outbox.marks`): WeChat may have closed the
connection by then. The replies a step just committed are leased to its process, which hands
them over without asking; a retried MsgId takes them here first, as a claim would: only if
no send was attempted yet, or an attempt was given back (`release`: the response could not be
written), so the retry gets them again, once.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import or_, update

from bot.storage.database import Database
from bot.storage.models import OutboxReply

# How long a taken reply is left to the request that took it before the sweep may send it:
# writing the response takes milliseconds; a process that dies meanwhile leaves it to the sweep.
PASSIVE_LEASE = timedelta(seconds=10)


class _NotAll(Exception):
    """Rolls back a take that could not take every reply."""


async def take(db: Database, ids: Sequence[int], now: datetime) -> bool:
    """Lease these replies to the caller if nobody is sending them, so it may hand them over
    itself (and mark them sent once it did). All or nothing."""
    try:
        async with db.transaction() as session:
            result = await session.execute(
                update(OutboxReply)
                .where(
                    OutboxReply.id.in_(list(ids)),
                    OutboxReply.status == "pending",
                    or_(OutboxReply.attempts == 0, OutboxReply.not_before <= now),
                )
                .values(attempts=OutboxReply.attempts + 1, not_before=now + PASSIVE_LEASE)
            )
            if result.rowcount != len(ids):  # type: ignore[attr-defined]
                raise _NotAll
    except _NotAll:
        return False
    return True


async def release(db: Database, ids: Sequence[int], now: datetime) -> None:
    """The response carrying these replies was not written: WeChat's retry of the message (or
    else the outbox sweep) is to hand them over."""
    async with db.transaction() as session:
        await session.execute(
            update(OutboxReply)
            .where(OutboxReply.id.in_(list(ids)), OutboxReply.status == "pending")
            .values(not_before=now)
        )
