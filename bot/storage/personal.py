"""Forgetting a person: the rows about them, table by table."""

from __future__ import annotations

from sqlalchemy import delete, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.models import InboxMessage, ProcessedMessage
from bot.storage.tables import metadata

# Kept after forgetting: the channel id (to deliver the confirmation and stay unsubscribed),
# a fresh conversation, and the ids of processed messages (no content; they stop redelivered
# messages from running again).
KEPT = {"users", "conversations", "processed_messages"}


async def forget_user(session: AsyncSession, user_id: int) -> None:
    """Delete every row about the user in every table that has a user_id, except KEPT; their
    messages still in the inbox lose what they said (the rows stay: replay guard)."""
    said = select(ProcessedMessage.channel, ProcessedMessage.message_id).where(
        ProcessedMessage.user_id == user_id
    )
    await session.execute(
        update(InboxMessage)
        .where(tuple_(InboxMessage.channel, InboxMessage.message_id).in_(said))
        .values(inbound=None, message_id=None)
        .execution_options(synchronize_session=False)
    )
    for table in reversed(metadata.sorted_tables):
        if table.name not in KEPT and "user_id" in table.c:
            await session.execute(delete(table).where(table.c.user_id == user_id))
