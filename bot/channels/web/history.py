"""The conversation as the page drew it, for a returning visitor: the transcript's lines with
what the transcript leaves out taken from the replies as they were sent (the outbox keeps
each reply whole: its choices, buttons, staff mark and structured form). A pressed button is
shown by its label, not its id, and the last question comes back with its buttons."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.conversations import recent_transcript
from bot.storage.models import Conversation, OutboxReply

PRESSED = re.compile(r"^\[(.+)\]$")  # how the transcript records a pressed button


async def conversation_locale(session: AsyncSession, user_id: int) -> str | None:
    return await session.scalar(select(Conversation.locale).where(Conversation.user_id == user_id))


async def history_lines(session: AsyncSession, user_id: int, limit: int) -> list[dict[str, Any]]:
    lines = await recent_transcript(session, user_id, limit)
    sent = list(
        reversed(
            (
                await session.scalars(
                    select(OutboxReply.payload)
                    .where(OutboxReply.user_id == user_id)
                    .order_by(OutboxReply.id.desc())
                    .limit(2 * limit)
                )
            ).all()
        )
    )
    drawn: list[dict[str, Any]] = []
    next_sent = 0
    for author, text in lines:
        if author == "user":
            drawn.append(_pressed(text, drawn) or {"author": "user", "text": text})
            continue
        line: dict[str, Any] = {"author": author, "text": text}
        for index in range(next_sent, len(sent)):
            if sent[index].get("text") == text:
                line = {**sent[index], "author": author}
                next_sent = index + 1
                break
        drawn.append(line)
    return drawn


def _pressed(text: str, before: list[dict[str, Any]]) -> dict[str, Any] | None:
    """A pressed button as the user saw it: its label, from the latest reply that offered it."""
    found = PRESSED.match(text)
    if found is None:
        return None
    choice = found.group(1)
    for line in reversed(before):
        for option in [*line.get("choices", ()), *line.get("buttons", ()), *line.get("rating", ())]:
            if option.get("id") == choice:
                return {"author": "user", "text": option["label"], "choice": choice}
    return None
