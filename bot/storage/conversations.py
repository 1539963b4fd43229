"""Reading and writing what one step of a conversation touches, inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.models import Conversation, OutboxReply, ProcessedMessage, TranscriptLine, User
from dialogs.types import Reply

REPLY_LEASE = timedelta(seconds=60)


class ConversationOvertaken(Exception):
    """Another step of the same user committed first; the caller runs its step again."""


async def find_user(session: AsyncSession, channel: str, external_id: str) -> User | None:
    return await session.scalar(
        select(User).where(User.channel == channel, User.external_id == external_id)
    )


async def get_or_create_user(
    session: AsyncSession, channel: str, external_id: str, now: datetime
) -> User:
    """The user who just wrote: new, or known (and reachable again if they had blocked us)."""
    user = await find_user(session, channel, external_id)
    if user is None:
        return await add_user(session, channel, external_id, now)
    user.unreachable = False  # they wrote: not blocked (an UPDATE only if it was set)
    return user


async def add_user(session: AsyncSession, channel: str, external_id: str, now: datetime) -> User:
    user = User(channel=channel, external_id=external_id, unreachable=False, created_at=now)
    session.add(user)
    await session.flush()
    return user


async def user_and_conversation(
    session: AsyncSession, channel: str, external_id: str, now: datetime
) -> tuple[User, Conversation | None]:
    """The user who just wrote (created if new, reachable again if they had blocked us) and
    their conversation, read in one round trip: this runs for every inbound message."""
    found = (
        await session.execute(
            select(User, Conversation)
            .outerjoin(Conversation, Conversation.user_id == User.id)
            .where(User.channel == channel, User.external_id == external_id)
        )
    ).first()
    if found is None:
        return await add_user(session, channel, external_id, now), None
    user, conversation = found
    user.unreachable = False
    return user, conversation


async def processed(
    session: AsyncSession, channel: str, message_id: str
) -> ProcessedMessage | None:
    return await session.get(ProcessedMessage, (channel, message_id))


async def save_conversation(
    session: AsyncSession,
    user_id: int,
    record: dict[str, Any],
    mode: str,
    expected_version: int | None,
    now: datetime,
) -> None:
    """Write the new state if nobody else did since it was read (optimistic concurrency)."""
    if expected_version is None:
        session.add(Conversation(user_id=user_id, mode=mode, version=1, updated_at=now, **record))
        await session.flush()
        return
    result = await session.execute(
        update(Conversation)
        .where(Conversation.user_id == user_id, Conversation.version == expected_version)
        .values(mode=mode, version=expected_version + 1, updated_at=now, **record)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise ConversationOvertaken(user_id)


def add_transcript(
    session: AsyncSession, user_id: int, author: str, text: str, at: datetime
) -> None:
    session.add(TranscriptLine(user_id=user_id, author=author, text=text, at=at))


async def add_transcript_lines(
    session: AsyncSession, user_id: int, lines: Sequence[tuple[str, str]], at: datetime
) -> None:
    """All lines of a step in one executemany (SQLite cannot batch INSERT ... RETURNING)."""
    if lines:
        await session.execute(
            insert(TranscriptLine),
            [{"user_id": user_id, "author": a, "text": t, "at": at} for a, t in lines],
        )


async def enqueue_replies(
    session: AsyncSession, user_id: int, replies: Sequence[Reply], now: datetime
) -> list[int]:
    """Queue replies, leased to the process committing them: it sends them right after the
    commit (`Outbox.deliver`); other processes' sweeps step in only once the lease ran out."""
    rows = [
        OutboxReply(
            user_id=user_id,
            payload=reply.to_json(),
            status="pending",
            attempts=0,
            not_before=now + REPLY_LEASE,
            created_at=now,
        )
        for reply in replies
    ]
    session.add_all(rows)
    await session.flush()
    return [row.id for row in rows]


def mark_processed(
    session: AsyncSession,
    channel: str,
    message_id: str,
    user_id: int,
    outbox_ids: list[int],
    at: datetime,
) -> None:
    session.add(
        ProcessedMessage(
            channel=channel, message_id=message_id, user_id=user_id, outbox_ids=outbox_ids, at=at
        )
    )


async def outbox_replies(session: AsyncSession, ids: Sequence[int]) -> list[OutboxReply]:
    if not ids:
        return []
    rows = await session.scalars(
        select(OutboxReply).where(OutboxReply.id.in_(ids)).order_by(OutboxReply.id)
    )
    return list(rows)


async def recent_transcript(
    session: AsyncSession, user_id: int, limit: int
) -> list[tuple[str, str]]:
    """The user's last `limit` transcript lines, oldest first, as (author, text): what the
    user saw, so without staff-only "system" notes."""
    rows = await session.execute(
        select(TranscriptLine.author, TranscriptLine.text)
        .where(TranscriptLine.user_id == user_id, TranscriptLine.author != "system")
        .order_by(TranscriptLine.id.desc())
        .limit(limit)
    )
    return [(author, text) for author, text in reversed(rows.all())]
