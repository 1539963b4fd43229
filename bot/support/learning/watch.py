"""Every `jifen serve` process follows the FAQ version row: when it changes, the process reads
what is taught, builds a whole new retriever in a worker thread and swaps it in (faq.live).

Polling one tiny row every `POLL_SECONDS` works the same on SQLite and PostgreSQL; a change
is live in a process within a poll plus a rebuild (bench/live_teach.py measures it).
"""

from __future__ import annotations

import asyncio
import logging

from bot.storage.database import DATABASE_UNAVAILABLE, Database
from bot.support.learning import decisions, version
from faq import live

POLL_SECONDS = 1.0
log = logging.getLogger(__name__)


class Follower:
    """The version this process's retriever was built from."""

    def __init__(self, db: Database) -> None:
        self._db = db
        # Version 0 (nothing ever taught) is the data files' retriever, which the app warms
        # at start-up: building it here too would build it twice, concurrently.
        self.built = 0

    async def refresh(self) -> bool:
        """Rebuild when the version moved; True when a new retriever was swapped in. The
        version is read before what is taught, so the build holds at least that version."""
        async with self._db.transaction() as session:
            found = await version.current(session)
            if found == self.built:
                return False
            lessons = await decisions.lessons_now(session)
        retriever = await asyncio.to_thread(live.build, lessons.variants, lessons.negatives)
        live.swap(retriever)
        self.built = found
        return True


async def follow_forever(db: Database, poll: float = POLL_SECONDS) -> None:
    follower = Follower(db)
    while True:
        try:
            if await follower.refresh():
                log.info("faq: taught changes live", extra={"version": follower.built})
        except DATABASE_UNAVAILABLE:
            log.warning("faq: version not read (database unavailable)")
        await asyncio.sleep(poll)
