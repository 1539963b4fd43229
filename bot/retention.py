"""Retention: what was said more than N days ago (JIFEN_TRANSCRIPT_RETENTION_DAYS) is deleted.

That is the transcript, and the outbox rows of replies already sent or given up on (their
payload is the bot's side of the same conversation: it restates the user's answers). Pending
replies stay. Deleting runs in small batches, each its own transaction, so it never holds
locks long on a busy database; several workers may run it at once (PostgreSQL: SKIP LOCKED).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, delete, select

from bot.clock import Clock, shanghai_now
from bot.storage.database import Database
from bot.storage.models import OutboxReply, TranscriptLine

log = logging.getLogger(__name__)

BATCH = 1000
INTERVAL = 3600.0  # seconds between two passes of the worker's loop


@dataclass(frozen=True)
class Deleted:
    transcript_lines: int
    replies: int


async def delete_transcripts_older_than(db: Database, days: int, now: datetime) -> Deleted:
    if days < 1:
        raise ValueError(f"retention must be at least 1 day, got {days}")
    cutoff = now - timedelta(days=days)
    lines = await _delete_batches(db, TranscriptLine, TranscriptLine.at < cutoff)
    replies = await _delete_batches(
        db,
        OutboxReply,
        (OutboxReply.created_at < cutoff) & OutboxReply.status.in_(["sent", "failed"]),
    )
    return Deleted(lines, replies)


async def _delete_batches(
    db: Database, table: type[TranscriptLine | OutboxReply], condition: ColumnElement[bool]
) -> int:
    deleted = 0
    while True:
        async with db.transaction() as session:
            ids = list(
                await session.scalars(
                    select(table.id)
                    .where(condition)
                    .order_by(table.id)
                    .limit(BATCH)
                    .with_for_update(skip_locked=True)
                )
            )
            if not ids:
                return deleted
            await session.execute(delete(table).where(table.id.in_(ids)))
        deleted += len(ids)


async def retention_forever(
    db: Database, days: int, clock: Clock = shanghai_now, interval: float = INTERVAL
) -> None:
    """Background task of the worker: one pass now, then one every `interval` seconds."""
    while True:
        try:
            deleted = await delete_transcripts_older_than(db, days, clock())
        except Exception:
            log.exception("transcript retention pass failed")
        else:
            if deleted.transcript_lines or deleted.replies:
                log.info(
                    "old transcript deleted",
                    extra={
                        "transcript_lines": deleted.transcript_lines,
                        "replies": deleted.replies,
                        "older_than_days": days,
                    },
                )
        await asyncio.sleep(interval)
