"""Sent marks written in groups: a reply sent is marked sent with the next write, not alone."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Sequence

from sqlalchemy import Executable, update

from bot.clock import Clock
from bot.storage.database import Database
from bot.storage.models import OutboxReply

log = logging.getLogger(__name__)


class SentMarks:
    """Replies sent whose "sent" is not written yet. The gap between a send and its written mark
    is the only window in which a kill -9 sends a reply twice (bench/crash.py), so a mark waits
    for nothing but the next write: it goes with whichever comes first of the next batch of steps
    (`bot.step_batch` takes the marks with its writes, just before they are committed) and one
    statement for all marks waiting, started as soon as the previous one is done (group commit).

    Marks are taken when their statement is written, never before: a batch that took them at its
    start held them through all its steps, and on SQLite a lone statement that took them then
    waited for the writer lock behind a batch. Under load that was hundreds of milliseconds of
    sends a kill -9 repeats. `take` may be called from the SQLite batch thread, hence the lock."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock
        self._ids: list[int] = []
        self._lock = threading.Lock()
        self._writer: asyncio.Task[None] | None = None

    def add(self, ids: Sequence[int]) -> None:
        with self._lock:
            self._ids += ids
        if self._writer is None:
            self._writer = asyncio.ensure_future(self._write_all())

    def take(self) -> list[int]:
        with self._lock:
            ids, self._ids = self._ids, []
        return ids

    def restore(self, ids: Sequence[int]) -> None:
        """Give back what a failed batch took."""
        if ids:
            self.add(ids)

    async def flush(self) -> None:
        """Write every mark taken so far; at shutdown, what is left (a reply not marked would
        go out again)."""
        if self._writer is None and not self._ids:
            return
        if self._writer is not None:
            await asyncio.gather(self._writer, return_exceptions=True)
        await self._write()

    async def _write_all(self) -> None:
        try:
            await asyncio.sleep(0)  # the marks of sends finishing in this turn join
            while self._ids:
                try:
                    await self._write()
                except Exception:
                    log.warning("writing sent marks failed; the next batch tries", exc_info=True)
                    return
        finally:
            self._writer = None

    async def _write(self) -> None:
        """One statement for the marks waiting when it can be written. On SQLite that is once
        this process's writer lock is held: what a batch wrote meanwhile is not written twice."""
        ids: list[int] = []
        try:
            if self.db.is_sqlite:
                async with self.db.transaction() as session:
                    ids = self.take()
                    if ids:
                        await session.execute(self._statement(ids))
            else:
                ids = self.take()
                if ids:
                    await self.db.execute_alone(self._statement(ids))
        except BaseException:
            with self._lock:
                self._ids[:0] = ids
            raise

    def _statement(self, ids: list[int]) -> Executable:
        return (
            update(OutboxReply)
            .where(OutboxReply.id.in_(ids))
            .values(status="sent", sent_at=self.clock())
        )
