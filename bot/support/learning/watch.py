"""Every `jifen serve` process follows the FAQ version row: when it changes, the process reads
what is taught, builds a whole new retriever in a worker thread and swaps it in (faq.live).

On PostgreSQL a teach or undo also sends a NOTIFY with its commit (bot.support.learning.version),
and each process LISTENs on a connection of its own: the rebuild starts as soon as the change is
committed. The version row stays the truth: it is read after every wake-up, on SQLite every
`POLL_SECONDS`, and on PostgreSQL every `FALLBACK_SECONDS` too, so a notification missed (the
listening connection dropped, a change committed while it reconnected) is caught by then. While
the listening connection is down, PostgreSQL is polled like SQLite. bench/live_teach.py measures
how long a change takes to be live.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

import asyncpg
from sqlalchemy import make_url

from bot.storage.database import DATABASE_UNAVAILABLE, Database
from bot.support.learning import decisions, version
from faq import live

POLL_SECONDS = 1.0
FALLBACK_SECONDS = 15.0
CONNECT_SECONDS = 10.0
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


class Listener:
    """A PostgreSQL connection of its own that LISTENs for `version.CHANNEL` and sets `woken`
    on each notification, and when the connection is lost (to reconnect at once)."""

    def __init__(self, database_url: str, woken: asyncio.Event) -> None:
        self._dsn = make_url(database_url).set(drivername="postgresql").render_as_string(False)
        self._woken = woken
        self._connection: asyncpg.Connection | None = None

    @property
    def listening(self) -> bool:
        return self._connection is not None and not self._connection.is_closed()

    async def ensure(self) -> None:
        """Listen, unless already listening; on failure stay silent (the row is polled)."""
        if self.listening:
            return
        await self.close()
        try:
            connection = await asyncpg.connect(self._dsn, timeout=CONNECT_SECONDS)
        except (OSError, TimeoutError, asyncpg.PostgresError):
            log.warning("faq: not listening for taught changes (polling the version row)")
            return
        try:
            await connection.add_listener(version.CHANNEL, self._notified)
        except (OSError, TimeoutError, asyncpg.PostgresError):
            connection.terminate()
            return
        connection.add_termination_listener(self._lost)
        self._connection = connection

    def _notified(self, *_: object) -> None:
        self._woken.set()

    def _lost(self, *_: object) -> None:
        self._woken.set()

    async def close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None and not connection.is_closed():
            with contextlib.suppress(OSError, TimeoutError, asyncpg.PostgresError):
                await connection.close(timeout=CONNECT_SECONDS)


async def follow_forever(
    db: Database,
    poll: float = POLL_SECONDS,
    fallback: float = FALLBACK_SECONDS,
    follower: Follower | None = None,
) -> None:
    """`follower`: one that already built what is taught (`jifen chat` does before its first
    answer), so that it is not built twice. Runs until cancelled: no error of one turn stops
    the process from taking taught changes from then on."""
    follower = follower or Follower(db)
    woken = asyncio.Event()
    listener = None if db.is_sqlite else Listener(db.url, woken)
    try:
        while True:
            if listener is not None:
                # Listening starts before the row is read: a change committed in between is
                # in the row, one committed after wakes us.
                await listener.ensure()
            woken.clear()  # a notification during the rebuild wakes the next wait at once
            wait = fallback if listener is not None and listener.listening else poll
            try:
                if await follower.refresh():
                    log.info("faq: taught changes live", extra={"version": follower.built})
            except DATABASE_UNAVAILABLE:
                log.warning("faq: version not read (database unavailable)")
            except Exception:
                # Whatever else failed (a rebuild), this process must go on following: the
                # version is not marked built, so the next turn tries again, after a longer
                # wait, lest a rebuild that fails every time burn the CPU every second.
                log.exception("faq: taught changes not built (tried again later)")
                wait = max(wait, fallback)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(woken.wait(), wait)
    finally:
        if listener is not None:
            await listener.close()
