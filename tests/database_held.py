"""Another client holding the database, so that what our code writes waits: the stalls the
inbox, sent-marks and crash tests need, on SQLite and on PostgreSQL."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import AsyncIterator

from sqlalchemy import make_url, text
from sqlalchemy.ext.asyncio import create_async_engine


@contextlib.asynccontextmanager
async def table_locked(database_url: str, table: str) -> AsyncIterator[None]:
    """PostgreSQL: another client holds `table`, so whatever writes it waits."""
    engine = create_async_engine(database_url)
    try:
        async with engine.begin() as connection:
            await connection.execute(text(f"LOCK TABLE {table} IN EXCLUSIVE MODE"))
            yield
    finally:
        await engine.dispose()


@contextlib.asynccontextmanager
async def held(database_url: str, table: str) -> AsyncIterator[None]:
    """SQLite: another client holds the write lock (everything waits); PostgreSQL: `table`."""
    if not database_url.startswith("sqlite"):
        async with table_locked(database_url, table):
            yield
        return
    holder = sqlite3.connect(make_url(database_url).database or "", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()
