"""Sent marks written in groups: a reply sent is marked sent with the next write, not alone."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from sqlalchemy import Executable, update

from bot.clock import Clock
from bot.sent_marks_journal import Journal
from bot.storage.database import Batch, Database
from bot.storage.models import OutboxReply

log = logging.getLogger(__name__)

RECOVER_AT_ONCE = 500  # marks in one statement, when writing those of processes that died
# Seconds a mark waits for a batch of steps to take it before a statement of its own writes it.
ALONE_AFTER = 0.2


class SentMarks:
    """Replies sent whose "sent" is not written yet. A mark goes with the next batch of steps
    (`bot.step_batch` takes the marks with its writes, just before they are committed); a
    statement of its own writes the marks no batch took within `ALONE_AFTER` (an idle process),
    or at once when someone waits for them (`stored`, `flush`).

    Written at once after every send, marks cost a statement (a round trip, a thread hop, on
    SQLite the writer lock) for every 2 updates under load, and more with two processes, whose
    batches are smaller (bench/scale.py). The wait adds nothing to what a kill -9 sends twice:
    a mark is in the journal from the moment its send returned (below).

    Marks are taken when their statement is written, never before: a batch that took them at its
    start held them through all its steps, and on SQLite a lone statement that took them then
    waited for the writer lock behind a batch. Under load that was hundreds of milliseconds of
    sends a kill -9 repeats. `take` may be called from the SQLite batch thread, hence the lock.

    Until written, a mark is in this process's journal (`bot.sent_marks_journal`), where it is
    safe from a kill -9 from the moment its send returned: a process starting writes the marks
    the journals of dead processes hold before it sweeps or takes over (`flush`)."""

    def __init__(self, db: Database, clock: Clock, journal_folder: Path | None = None) -> None:
        self.db = db
        self.clock = clock
        self.journal = Journal(db, journal_folder)
        self._ids: list[int] = []
        self._taken = 0  # marks taken by a statement not yet committed
        self._added = self._stored = 0  # marks added, and written, since the start (`stored`)
        self._progress = asyncio.Event()  # set, and replaced, whenever marks were written
        self._lock = threading.Lock()
        self._writer: asyncio.Task[None] | None = None
        self._hurry = asyncio.Event()  # set: the writer writes what is waiting now
        self._recovered = False

    def add(self, ids: Sequence[int]) -> None:
        self.journal.append(ids)
        self._added += len(ids)
        self._wait(ids)

    async def stored(self) -> None:
        """Until as many marks as were added so far were written (with those of other sends:
        one statement for all of them), or the writer gave up (they wait for the next write,
        safe in the journal meanwhile)."""
        target = self._added
        if self._stored < target:
            self._hurry.set()
        while self._stored < target and self._writer is not None:
            await self._progress.wait()

    def _wait(self, ids: Sequence[int]) -> None:
        with self._lock:
            self._ids += ids
        if self._writer is None:
            self._writer = asyncio.ensure_future(self._write_all())

    def take(self) -> list[int]:
        with self._lock:
            ids, self._ids = self._ids, []
            self._taken += len(ids)
        return ids

    def written(self, ids: Sequence[int]) -> None:
        """The statement that took these was committed."""
        with self._lock:
            self._taken -= len(ids)
            if ids and not self._ids and not self._taken:
                self.journal.empty()
        if ids:
            self._stored += len(ids)
            self._progress.set()
            self._progress = asyncio.Event()

    def restore(self, ids: Sequence[int]) -> None:
        """Give back what a failed batch took (still in the journal)."""
        if ids:
            with self._lock:
                self._taken -= len(ids)
            self._wait(ids)

    async def flush(self) -> None:
        """Write every mark taken so far; at shutdown, what is left (a reply not marked would
        go out again). The first time, the marks of processes that died, from their journals."""
        if not self._recovered:
            await self._recover()
        self._hurry.set()
        if self._writer is not None:
            await asyncio.gather(self._writer, return_exceptions=True)
        if self._ids:
            await self._write()
        with self._lock:
            if not self._ids and not self._taken:
                self.journal.close()

    async def _recover(self) -> None:
        ids, files = self.journal.left_by_the_dead()
        for start in range(0, len(ids), RECOVER_AT_ONCE):
            await self.db.run_batch(
                partial(_one, self._statement(ids[start : start + RECOVER_AT_ONCE]))
            )
        if ids:
            log.warning("%d replies sent by processes that died marked sent", len(ids))
        for path in files:
            path.unlink(missing_ok=True)
        self._recovered = True

    async def _write_all(self) -> None:
        try:
            while self._ids:
                await self._due()
                try:
                    await self._write()
                except Exception:
                    log.warning("writing sent marks failed; the next batch tries", exc_info=True)
                    return
        finally:
            self._writer = None
            self._hurry.clear()
            self._progress.set()  # a writer that gave up: `stored` waits no longer
            self._progress = asyncio.Event()

    async def _due(self) -> None:
        """Until `ALONE_AFTER` passed or someone waits for the marks; batches of steps take
        them meanwhile."""
        timer = asyncio.get_running_loop().call_later(ALONE_AFTER, self._hurry.set)
        try:
            await self._hurry.wait()
        finally:
            timer.cancel()
            self._hurry.clear()

    async def _write(self) -> None:
        """One statement for the marks waiting when it can be written, on the batch thread
        (`Database.run_batch`): one thread hop, where a session on SQLite made one per
        statement, BEGIN and COMMIT included, each waiting for a turn of the busy event loop.
        On SQLite that is once this process's writer lock is held: what a batch wrote
        meanwhile is not written twice."""
        if not self._ids:
            return
        taken: list[int] = []

        def marks(_postgresql: bool) -> Batch[None]:
            taken[:] = self.take()
            if taken:
                yield (self._statement(taken), None)

        try:
            await self.db.run_batch(marks)
        except BaseException:
            with self._lock:
                self._ids[:0] = taken
                self._taken -= len(taken)
            raise
        self.written(taken)

    def _statement(self, ids: list[int]) -> Executable:
        return (
            update(OutboxReply)
            .where(OutboxReply.id.in_(ids))
            .values(status="sent", sent_at=self.clock())
        )


def _one(statement: Executable, _postgresql: bool) -> Batch[None]:
    yield (statement, None)
