"""WeChat's passive reply: replies handed over in the HTTP response instead of by a sender.

A reply goes either passively or through the outbox's sender, never both, and counts as sent
only once the response carrying it was written (`Outbox.marks`): WeChat may have closed the
connection by then. The replies a step just committed are leased to its process, which hands
them over without asking. A retried MsgId takes them here first, as a claim would, only when
nobody else may hand them over: their lease ran out, or an attempt was given back (`release`:
the response could not be written), or they were committed before this process started and
never attempted (the process that stepped the message died before answering). Replies of a
step this process is answering right now are not taken, though no attempt shows on them yet:
four copies of one MsgId posted together were all answered with the same passive reply.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import and_, or_, update

from bot.storage.database import Database
from bot.storage.models import OutboxReply

# How long a taken reply is left to the request that took it before the sweep may send it:
# writing the response takes milliseconds; a process that dies meanwhile leaves it to the sweep.
PASSIVE_LEASE = timedelta(seconds=10)


class _NotAll(Exception):
    """Rolls back a take that could not take every reply."""


async def take(db: Database, ids: Sequence[int], now: datetime, started: datetime) -> bool:
    """Lease these replies to the caller if nobody may be handing them over, so it may hand
    them over itself (and mark them sent once it did). All or nothing. `started`: when this
    process started (`Outbox.started`)."""
    try:
        async with db.transaction() as session:
            result = await session.execute(
                update(OutboxReply)
                .where(
                    OutboxReply.id.in_(list(ids)),
                    OutboxReply.status == "pending",
                    or_(
                        OutboxReply.not_before <= now,
                        and_(OutboxReply.attempts == 0, OutboxReply.created_at < started),
                    ),
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
