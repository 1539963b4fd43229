"""What the admin pages read and change: staff and canned replies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.support.models import CannedReply, Staff


@dataclass(frozen=True)
class Member:
    id: int
    name: str
    role: str
    enabled: bool


@dataclass(frozen=True)
class Canned:
    id: int
    title: str
    text: str


async def staff_list(session: AsyncSession) -> list[Member]:
    rows = await session.scalars(select(Staff).order_by(Staff.name))
    return [Member(s.id, s.name, s.role, s.enabled) for s in rows]


async def canned_replies(session: AsyncSession) -> list[Canned]:
    rows = await session.scalars(select(CannedReply).order_by(CannedReply.title))
    return [Canned(c.id, c.title, c.text) for c in rows]


def _storable(said: str) -> str:
    """Without NUL (PostgreSQL text refuses it) and with lone surrogates as "?" (not UTF-8)."""
    return said.encode("utf-8", "replace").decode("utf-8").replace("\x00", "")


def _clean(title: str, text: str) -> tuple[str, str]:
    title, text = _storable(title).strip()[:100], _storable(text).strip()[:4000]
    if not title or not text:
        raise ValueError("title and text: both needed")
    return title, text


async def add_canned(session: AsyncSession, title: str, text: str, now: datetime) -> None:
    title, text = _clean(title, text)
    session.add(CannedReply(title=title, text=text, updated_at=now))


async def change_canned(
    session: AsyncSession, canned_id: int, title: str, text: str, now: datetime
) -> None:
    title, text = _clean(title, text)
    await session.execute(
        update(CannedReply)
        .where(CannedReply.id == canned_id)
        .values(title=title, text=text, updated_at=now)
    )


async def remove_canned(session: AsyncSession, canned_id: int) -> None:
    await session.execute(delete(CannedReply).where(CannedReply.id == canned_id))
