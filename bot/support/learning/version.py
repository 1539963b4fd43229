"""The FAQ version row: bumped with every change to what is taught, read by every process.

On PostgreSQL the bump also sends a NOTIFY on `CHANNEL`, delivered to the listening processes
when the transaction commits (never if it rolls back): bot.support.learning.watch."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.support.learning.models import FaqVersion

ROW = 1
CHANNEL = "jifen_faq_version"


async def bump(session: AsyncSession, now: datetime) -> None:
    """One more; the row is made on the first change. Two admins teaching at once: the UPDATE
    waits for the other's lock on PostgreSQL (SQLite has one writer), so both bumps count."""
    changed = await session.execute(
        update(FaqVersion)
        .where(FaqVersion.id == ROW)
        .values(version=FaqVersion.version + 1, changed_at=now)
    )
    if changed.rowcount == 0:  # type: ignore[attr-defined]
        session.add(FaqVersion(id=ROW, version=1, changed_at=now))
        await session.flush()
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(text(f"NOTIFY {CHANNEL}"))


async def current(session: AsyncSession) -> int:
    """0 before anything was taught."""
    return await session.scalar(select(FaqVersion.version).where(FaqVersion.id == ROW)) or 0
