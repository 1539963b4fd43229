"""A task stopped while it opens a SQLite connection leaves nothing running past its event loop.

`jifen serve` cancels its background loops when it stops, and one may be opening a connection
then: the WeChat inbox's sweep starts with the app, so a short-lived process (or test) stops it
in its first pass. aiosqlite cannot call off a connect its thread has begun; cancelled, it left
that thread to finish the connect and then post to an event loop already closed ("Exception in
thread ... RuntimeError: Event loop is closed", seen in the suite on PostgreSQL runs), and the
sqlite3 connection to the garbage collector. The connect here is slowed until the loop has
closed (or a second has passed), as a thread starved of CPU would be on a loaded machine."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.storage.database import Database

SLOW = 1.0  # seconds the connect waits at most for the loop to close


def _aiosqlite_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if "connection_worker" in t.name}


@pytest.fixture
def thread_failures() -> Iterator[list[BaseException | None]]:
    """The exceptions raised in any thread meanwhile."""
    failures: list[BaseException | None] = []
    before = threading.excepthook
    threading.excepthook = lambda args: failures.append(args.exc_value)
    try:
        yield failures
    finally:
        threading.excepthook = before


def test_a_task_cancelled_while_connecting_to_sqlite_leaves_no_thread_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, thread_failures: list[BaseException | None]
) -> None:
    loop = asyncio.new_event_loop()
    connect = sqlite3.connect

    def slow_connect(*args: object, **kwargs: object) -> sqlite3.Connection:
        deadline = time.monotonic() + SLOW
        while not loop.is_closed() and time.monotonic() < deadline:
            time.sleep(0.01)
        return connect(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sqlite3, "connect", slow_connect)
    started = _aiosqlite_threads()

    async def stopped_while_connecting() -> None:
        db = Database(f"sqlite+aiosqlite:///{tmp_path / 'jifen.db'}")

        async def first_pass() -> None:
            async with db.engine.connect() as connection:
                await connection.execute(text("SELECT 1"))

        task = asyncio.create_task(first_pass())
        while not _aiosqlite_threads() - started:  # its connect is under way
            await asyncio.sleep(0)
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await db.dispose()

    try:
        loop.run_until_complete(stopped_while_connecting())
    finally:
        loop.close()
    left = _aiosqlite_threads() - started
    for thread in left:
        thread.join(timeout=10 * SLOW)
    assert not [t for t in left if t.is_alive()]
    assert thread_failures == []
