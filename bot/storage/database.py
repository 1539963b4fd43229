"""One async engine per process, for SQLite (aiosqlite, WAL) or PostgreSQL (asyncpg)."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Callable, Generator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import Any, TypeVar

import aiosqlite
from sqlalchemy import Connection, Executable, create_engine, event, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from bot.storage.loop_thread import LoopThread

R = TypeVar("R")
# A batch written as a generator: it yields (statement, parameters or None) and is sent the
# rows each statement returned (see bot.step_batch).
Batch = Generator[tuple[Executable, list[dict[str, Any]] | None], list[Any], R]

# What a request meets when the database is down or unreachable (asyncpg raises a refused or
# reset connection as OSError, not wrapped by SQLAlchemy): the request answers 503 and is tried
# again later, by Telegram, WeChat or the person at the web page.
DATABASE_UNAVAILABLE = (SQLAlchemyError, OSError, TimeoutError)
BATCH_CONNECTIONS = 5  # kept open for batches on PostgreSQL (see `Database.__init__`)


class Database:
    def __init__(self, url: str, *, timeout: float | None = None, **engine_options: Any) -> None:
        """`timeout`: seconds to wait on PostgreSQL to connect, for a pooled connection and
        for each statement (None for no limit, as a migration needs)."""
        self.url = url
        # The random id of this database (bot.storage.models.DatabaseIdentity), once
        # `bot.storage.migrate.require_current` has read it.
        self.identity: str | None = None
        if url.startswith("sqlite"):
            path = make_url(url).database or ":memory:"
            engine_options.setdefault("async_creator", lambda: _sqlite_connection(path))
        else:
            # No pool_pre_ping: its round trip on every checkout costs more than it saves. A
            # connection found dead fails its request once (503, delivered again) and makes the
            # pool drop every connection older than it (tests/production/test_database_outage.py).
            engine_options.setdefault("pool_recycle", 1800)
            if timeout is not None:
                engine_options.setdefault(
                    "connect_args", {"timeout": timeout, "command_timeout": timeout}
                )
                engine_options.setdefault("pool_timeout", timeout)
            # Kept open: a step per concurrent request (Telegram posts up to 40 at once) plus
            # the sends marking their replies. Overflow connections are closed after each use,
            # and opening one costs PostgreSQL a process, so the pool itself is large. Mind
            # max_connections (100 by default) when running several processes.
            engine_options.setdefault("pool_size", 30)
            engine_options.setdefault("max_overflow", 10)
        self.engine: AsyncEngine = create_async_engine(url, **engine_options)
        if self.is_sqlite:
            event.listen(self.engine.sync_engine, "connect", _sqlite_connect)
            event.listen(self.engine.sync_engine, "begin", _sqlite_begin)
        self._sessions = async_sessionmaker(self.engine, expire_on_commit=False)
        self._writer: asyncio.Lock | contextlib.nullcontext[None] = (
            asyncio.Lock() if self.is_sqlite else contextlib.nullcontext()
        )
        # Seconds this process held SQLite's writer lock, in all (bench/telegram.py reports
        # it as a share of the run: near 100 % the lock, not the CPU, is the limit).
        self.writer_busy = 0.0
        if self.is_sqlite:
            # Batches on SQLite: the pysqlite driver, used by one thread only.
            self._batch_engine = create_engine(
                make_url(url).set(drivername="sqlite"), connect_args={"timeout": 30}
            )
            event.listen(self._batch_engine, "connect", _sqlite_connect)
            event.listen(self._batch_engine, "begin", _sqlite_begin)
            self._batch_thread = ThreadPoolExecutor(1, thread_name_prefix="sqlite-batch")
        else:
            # Batches on PostgreSQL: an engine of their own, used on `_batch_loop` only (made
            # at the first batch, so a Database that never runs one starts no thread). Its pool
            # holds what runs there at once: the batches in flight (`bot.batched`), a statement
            # of sent marks, a sweep's claim, WeChat's inbox. A connection past the pool is
            # closed after its use and PostgreSQL forks a backend for the next: with 2 kept, a
            # 3,000-update run of bench/scale.py opened 27 (one process) and 49 (two) sessions.
            self._batch_engine_pg = create_async_engine(
                url,
                **{
                    **engine_options,
                    "pool_size": BATCH_CONNECTIONS,
                    "max_overflow": 4,
                    "isolation_level": "AUTOCOMMIT",
                },
            )
        self._batch_loop: LoopThread | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """A session inside one transaction: committed on success, rolled back on error.

        SQLite has one writer at a time. Queueing this process's transactions on a lock,
        first come first served, replaces SQLite's busy handler, which makes a waiting
        writer sleep in growing steps (up to 100 ms each) and so piles up tail latency.
        """
        async with self._writing(), self._sessions() as session, session.begin():
            yield session

    @asynccontextmanager
    async def _writing(self) -> AsyncIterator[None]:
        async with self._writer:
            if not self.is_sqlite:
                yield
                return
            started = time.perf_counter()
            try:
                yield
            finally:
                self.writer_busy += time.perf_counter() - started

    async def run_batch(self, batch: Callable[[bool], Batch[R]]) -> R:
        """Run the statements of `batch(postgresql)` and return its result.

        The batch runs in a thread of its own, one thread hop each way, not on the event loop.
        SQLite: a plain pysqlite connection there (aiosqlite makes a thread hop per statement),
        in one transaction, queued on this process's writer lock like every other transaction.
        PostgreSQL: asyncpg on that thread's own event loop (`LoopThread`), in autocommit: each
        statement is its own transaction, with no BEGIN and COMMIT round trips around them, so
        a batch that must be all or nothing writes in one statement (bot.storage.batch_postgresql).
        """
        if self.is_sqlite:
            async with self._writing():
                loop = asyncio.get_running_loop()
                return await loop.run_in_executor(self._batch_thread, self._run_here, batch)
        if self._batch_loop is None:
            self._batch_loop = LoopThread("pg-batch")
        return await self._batch_loop.run(self._run_on_batch_loop(batch))

    def _run_here(self, batch: Callable[[bool], Batch[R]]) -> R:
        with self._batch_engine.begin() as connection:
            return _drive(connection, batch(False))

    async def _run_on_batch_loop(self, batch: Callable[[bool], Batch[R]]) -> R:
        async with self._batch_engine_pg.connect() as connection:
            return await connection.run_sync(_drive, batch(True))

    async def execute_alone(self, statement: Executable) -> None:
        """One statement that needs no transaction around it. On PostgreSQL it goes in
        autocommit: one round trip instead of BEGIN, statement, COMMIT."""
        if self.is_sqlite:
            async with self.transaction() as session:
                await session.execute(statement)
            return
        async with self.engine.connect() as connection:
            autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
            await autocommit.execute(statement)

    async def dispose(self) -> None:
        await self.engine.dispose()
        if self.is_sqlite:
            self._batch_engine.dispose()
            self._batch_thread.shutdown(wait=False)
        elif self._batch_loop is not None:
            await self._batch_loop.run(self._batch_engine_pg.dispose())
            await self._batch_loop.close()
            self._batch_loop = None


def _drive(connection: Connection, steps: Batch[R]) -> R:
    """Run a batch's statements on `connection` and return the batch's result."""
    rows: list[Any] | None = None
    try:
        while True:
            statement, parameters = steps.send(rows)  # type: ignore[arg-type]
            result = connection.execute(statement, parameters)
            rows = result.all() if result.returns_rows else []
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]


async def _sqlite_connection(path: str) -> aiosqlite.Connection:
    """A connection opened to its end even when the task asking for it is cancelled (at
    shutdown): aiosqlite cannot call off a connect its thread has begun, and cancelled it left
    the thread to finish it and post to an event loop closed by then, and the connection to
    the garbage collector. tests/production/test_stopped_while_connecting.py."""
    opening = aiosqlite.connect(path, timeout=30)
    opening._thread.daemon = True  # as SQLAlchemy's own aiosqlite connect does
    connecting = asyncio.ensure_future(opening)
    try:
        return await asyncio.shield(connecting)
    except asyncio.CancelledError:
        with contextlib.suppress(Exception):
            await (await connecting).close()
        raise


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, say when a transaction begins (see _sqlite_begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    """Take the write lock up front: a deferred transaction that reads and then writes fails
    at once with SQLITE_BUSY when another writer got in between, instead of waiting."""
    connection.exec_driver_sql("BEGIN IMMEDIATE")
