"""The agent's actions: claim, reply, transfer, resolve, and claims that time out (the reads
are `Inbox`'s). Each action is one transaction; what the user is told goes through the outbox
and is delivered after the commit."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock
from bot.delivery import Outbox
from bot.storage import conversations as store
from bot.storage.database import Database
from bot.storage.models import Conversation
from bot.support import queue
from bot.support.inbox import Case, Figures, Inbox, Line, QueueEntry
from bot.support.models import LIVE, RESOLVED, WAITING, Handoff, Staff
from dialogs.locales import text
from dialogs.types import Reply

__all__ = ["Case", "Desk", "Figures", "Line", "QueueEntry"]

MAX_REPLY = 4000


def _rowcount(result: Any) -> int:
    return int(result.rowcount)


class Desk(Inbox):
    def __init__(self, db: Database, outbox: Outbox, clock: Clock) -> None:
        super().__init__(db, clock)
        self.outbox = outbox

    async def claim(self, handoff_id: int, staff_id: int, staff_name: str) -> bool:
        """Of any number of agents claiming one handoff at once, exactly one gets True."""
        now = self.clock()
        async with self.db.transaction() as session:
            won = _rowcount(
                await session.execute(
                    update(Handoff)
                    .where(Handoff.id == handoff_id, Handoff.status == WAITING)
                    .values(
                        status=LIVE, agent_id=staff_id, claimed_at=now, last_agent_reply_at=None
                    )
                    .execution_options(synchronize_session=False)
                )
            )
            if won != 1:
                return False
            handoff = await session.get(Handoff, handoff_id)
            assert handoff is not None
            self._note(session, handoff.user_id, f"claimed by {staff_name}")
            ids = await self._tell(session, handoff, LIVE, "support-joined", agent=staff_name)
        await self.outbox.deliver(ids)
        return True

    async def reply(self, handoff_id: int, staff_id: int, message: str) -> bool:
        message = message.strip()[:MAX_REPLY]
        if not message:
            return False
        now = self.clock()
        async with self.db.transaction() as session:
            handoff = await self._held_by(session, handoff_id, staff_id)
            if handoff is None:
                return False
            handoff.last_agent_reply_at = now
            store.add_transcript(session, handoff.user_id, "agent", message, now)
            staff = await session.get(Staff, staff_id)
            said = Reply(
                message,
                agent=staff.name if staff else "",
                locale=await self._locale(session, handoff.user_id),
            )
            ids = await store.enqueue_replies(session, handoff.user_id, [said], now)
        await self.outbox.deliver(ids)
        return True

    async def transfer(self, handoff_id: int, staff_id: int, to_staff_id: int) -> bool:
        now = self.clock()
        async with self.db.transaction() as session:
            handoff = await self._held_by(session, handoff_id, staff_id)
            other = await session.get(Staff, to_staff_id)
            if handoff is None or other is None or not other.enabled or other.id == staff_id:
                return False
            # the new agent gets the whole claim timeout; claimed_at keeps the wait's end
            handoff.agent_id, handoff.last_agent_reply_at = other.id, now
            self._note(session, handoff.user_id, f"transferred to {other.name}")
            ids = await self._tell(session, handoff, LIVE, "support-transferred", agent=other.name)
        await self.outbox.deliver(ids)
        return True

    async def resolve(self, handoff_id: int, staff_id: int, note: str = "") -> bool:
        """Close the handoff; the bot takes over again where the dialog was."""
        now = self.clock()
        async with self.db.transaction() as session:
            handoff = await self._held_by(session, handoff_id, staff_id)
            if handoff is None:
                return False
            handoff.status, handoff.resolved_at = RESOLVED, now
            handoff.note = note.strip()[:2000] or None
            ids = await self._tell(session, handoff, "bot", "support-resolved")
        await self.outbox.deliver(ids)
        return True

    async def release_stale(self, timeout: timedelta) -> int:
        """Claims without an agent reply for `timeout` go back to the queue, in their place."""
        now = self.clock()
        since = now - timeout
        released = 0
        async with self.db.transaction() as session:
            stale = await session.scalars(
                select(Handoff).where(
                    Handoff.status == LIVE,
                    or_(
                        Handoff.last_agent_reply_at < since,
                        Handoff.last_agent_reply_at.is_(None) & (Handoff.claimed_at < since),
                    ),
                )
            )
            for handoff in stale:
                handoff.status, handoff.agent_id, handoff.claimed_at = WAITING, None, None
                handoff.last_agent_reply_at = None
                await queue.set_mode(session, handoff.user_id, WAITING, now)
                self._note(session, handoff.user_id, "returned to the queue: no agent reply")
                released += 1
        return released

    async def _held_by(
        self, session: AsyncSession, handoff_id: int, staff_id: int
    ) -> Handoff | None:
        handoff = await session.get(Handoff, handoff_id, with_for_update=True)
        if handoff is None or handoff.status != LIVE or handoff.agent_id != staff_id:
            return None
        return handoff

    async def _tell(
        self, session: AsyncSession, handoff: Handoff, mode: str, key: str, **values: str
    ) -> list[int]:
        """Set the conversation's mode and tell the user, in the user's language."""
        now = self.clock()
        await queue.set_mode(session, handoff.user_id, mode, now)
        said = text(await self._locale(session, handoff.user_id), key, **values)
        store.add_transcript(session, handoff.user_id, "bot", said, now)
        return await store.enqueue_replies(session, handoff.user_id, [Reply(said)], now)

    async def _locale(self, session: AsyncSession, user_id: int) -> str:
        conversation = await session.get(Conversation, user_id)
        return conversation.locale if conversation is not None else "zh-CN"

    def _note(self, session: AsyncSession, user_id: int, note: str) -> None:
        """A line for staff in the transcript ("system": not sent to the user)."""
        store.add_transcript(session, user_id, "system", note, self.clock())
