"""Reminder outbox at scale: bulk-schedule N reminders, time the due-scan + claim of one batch
and the whole drain through a fake channel (no rate limit), print rows/s, RSS and the query
plans of the due-scan, on SQLite and on PostgreSQL.

Usage: python bench/reminders.py [--rows 1000000] [--users 100000] [--batch 1000]
                                 [--databases sqlite,postgres]
PostgreSQL: JIFEN_BENCH_POSTGRES_URL or JIFEN_TEST_POSTGRES_URL (a scratch database is created
and dropped there). Every reminder is due when the drain starts, spread over the last 30 days.
The default 1,000,000 rows takes about 6 min on SQLite and 11 min on PostgreSQL on a busy
2-CPU machine; `--rows 100000 --users 10000` runs both in about a minute.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import tempfile
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psutil
from scale import fresh_database
from sqlalchemy import text
from sqlalchemy.sql import ClauseElement

from bot.reminders.messages import payload
from bot.reminders.worker import (
    ReminderWorker,
    WorkerOptions,
    claim,
    claim_statement,
    due_scan,
)
from bot.storage.database import Database
from bot.storage.migrate import upgrade
from dialogs.types import Reply

LEASE = timedelta(minutes=5)


class CountingChannel:
    def __init__(self) -> None:
        self.sent = 0

    async def send(self, user: str, reply: Reply) -> None:
        self.sent += 1


def rss_mb() -> float:
    return float(psutil.Process().memory_info().rss) / 2**20


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@asynccontextmanager
async def sqlite_database() -> AsyncIterator[Database]:
    with tempfile.TemporaryDirectory() as directory:
        db = Database(f"sqlite+aiosqlite:///{Path(directory) / 'bench.db'}")
        try:
            yield db
        finally:
            await db.dispose()


@asynccontextmanager
async def postgres_database(url: str) -> AsyncIterator[Database]:
    async with fresh_database(url) as scratch:
        db = Database(scratch)
        try:
            yield db
        finally:
            await db.dispose()


async def schedule(db: Database, rows: int, users: int, now: datetime) -> float:
    """Users and reminders generated in the database itself (one INSERT ... SELECT each)."""
    body = json.dumps(payload("goal_month", "zh-CN", {"year": 2027, "month": 9}))
    started = time.perf_counter()
    async with db.transaction() as session:
        if db.is_sqlite:
            numbers = (
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :count)"
            )
            stamp = now.strftime("%Y-%m-%d %H:%M:%S.%f")
            await session.execute(
                text(
                    f"{numbers} INSERT INTO users (channel, external_id, unreachable, created_at) "
                    "SELECT 'bench', 'u' || i, 0, :now FROM n"
                ),
                {"count": users, "now": stamp},
            )
            await session.execute(
                text(
                    f"{numbers} INSERT INTO reminders "
                    "(user_id, kind, due_at, status, attempts, payload, created_at) "
                    "SELECT (i % :users) + 1, 'goal_month', "
                    "strftime('%Y-%m-%d %H:%M:%f000', :now, '-' || (i % 2592000) || ' seconds'), "
                    "'pending', 0, :payload, :now FROM n"
                ),
                {"count": rows, "users": users, "now": stamp, "payload": body},
            )
        else:
            await session.execute(
                text(
                    "INSERT INTO users (channel, external_id, unreachable, created_at) "
                    "SELECT 'bench', 'u' || i, false, :now FROM generate_series(1, :count) i"
                ),
                {"count": users, "now": now},
            )
            await session.execute(
                text(
                    "INSERT INTO reminders "
                    "(user_id, kind, due_at, status, attempts, payload, created_at) "
                    "SELECT (i % :users) + 1, 'goal_month', "
                    "CAST(:now AS timestamptz) - make_interval(secs => i % 2592000), "
                    "'pending', 0, CAST(:payload AS json), :now "
                    "FROM generate_series(1, :count) i"
                ),
                {"count": rows, "users": users, "now": now, "payload": body},
            )
    elapsed = time.perf_counter() - started
    async with db.engine.connect() as connection:
        await connection.exec_driver_sql("ANALYZE")
        await connection.commit()
    return elapsed


async def query_plans(db: Database, now: datetime, batch: int) -> list[tuple[str, list[str]]]:
    def literal(statement: ClauseElement) -> str:
        return str(
            statement.compile(dialect=db.engine.dialect, compile_kwargs={"literal_binds": True})
        )

    statements: Sequence[tuple[str, ClauseElement]] = [
        ("due-scan", due_scan(now, batch)),
        ("claim", claim_statement(db.is_sqlite, now, batch, LEASE)),
    ]
    prefix = "EXPLAIN QUERY PLAN " if db.is_sqlite else "EXPLAIN "
    plans = []
    async with db.engine.connect() as connection:
        for name, statement in statements:
            result = await connection.exec_driver_sql(prefix + literal(statement))
            plans.append((name, [" | ".join(str(v) for v in row) for row in result]))
        await connection.rollback()
    return plans


async def bench(db: Database, rows: int, users: int, batch: int) -> None:
    await upgrade(db)
    now = datetime.now(UTC)
    print(f"  schedule {rows:,} reminders for {users:,} users: ", end="", flush=True)
    elapsed = await schedule(db, rows, users, now)
    print(f"{elapsed:.1f} s, {rows / elapsed:,.0f} rows/s")

    for name, lines in await query_plans(db, now, batch):
        print(f"  plan of {name}:")
        for line in lines:
            print(f"    {line}")

    claims = []
    for _ in range(5):
        started = time.perf_counter()
        claimed = await claim(db, now, batch, LEASE)
        claims.append(time.perf_counter() - started)
        assert len(claimed) == batch
    median = statistics.median(claims) * 1000
    print(
        f"  due-scan + claim of {batch} (of {rows:,} due): median {median:.1f} ms,"
        f" first {claims[0] * 1000:.1f} ms"
    )

    channel = CountingChannel()
    # The five batches claimed above come back after their lease: drain as of then.
    clock = lambda: now + LEASE  # noqa: E731
    options = WorkerOptions(batch_size=batch, rate=None, quiet_hours=False, concurrency=batch)
    worker = ReminderWorker(db, {"bench": channel}, clock=clock, options=options)
    before = rss_mb()
    started = time.perf_counter()
    while await worker.run_once() > 0:
        pass
    elapsed = time.perf_counter() - started
    assert channel.sent == rows, (channel.sent, rows)
    print(
        f"  drain {rows:,} through the fake channel: {elapsed:.1f} s, {rows / elapsed:,.0f} rows/s;"
        f" RSS {before:.0f} -> {rss_mb():.0f} MB (peak {peak_rss_mb():.0f} MB)"
    )


async def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--databases", default="sqlite,postgres")
    args = parser.parse_args()
    postgres_url = os.environ.get("JIFEN_BENCH_POSTGRES_URL") or os.environ.get(
        "JIFEN_TEST_POSTGRES_URL"
    )
    for name in args.databases.split(","):
        if name == "sqlite":
            print("SQLite")
            async with sqlite_database() as db:
                await bench(db, args.rows, args.users, args.batch)
        elif postgres_url:
            print("PostgreSQL")
            async with postgres_database(postgres_url) as db:
                await bench(db, args.rows, args.users, args.batch)
        else:
            print("PostgreSQL: skipped (set JIFEN_BENCH_POSTGRES_URL)")


if __name__ == "__main__":
    asyncio.run(main())
