"""How long a variant taught in the console takes to be live in another `jifen serve` process,
on SQLite and on PostgreSQL.

One `jifen serve` process runs on a fresh database; this script plays the console's process:
it commits a teach decision (a variant of points_benefits for a question the bot does not
know), then asks that question through the other process's web chat every 50 ms, each time as
a new visitor, until the topic's answer comes back. Then it undoes the decision and waits for
the question to be unknown again. Each round prints both delays; the end prints the medians
and, for scale, how long one retriever build takes in this process (on SQLite the delay is about
a poll interval, bot.support.learning.watch.POLL_SECONDS, plus a build; on PostgreSQL the commit's
NOTIFY wakes the process at once, so it is about a build).

Measured 2026-11-30 on a 2-CPU machine at load average 16-21 (other sessions' tests), 5 rounds
each, polling on both databases: SQLite taught -> live median 2.67 s (max 3.81), undone -> gone
1.07 s; PostgreSQL taught -> live median 4.72 s (max 4.85), undone -> gone 1.00 s; one retriever
build 2.68 s there. Undoing the only taught variant is quick because the untaught retriever is
kept built.
Again at load average 4, 5 rounds each: PostgreSQL polling taught -> live median 1.68 s (max
1.98), undone -> gone 1.03 s; PostgreSQL with LISTEN/NOTIFY taught -> live median 0.75 s (max
0.84), undone -> gone 0.05 s; SQLite (polling) 1.63 s (max 1.93), undone 0.98 s; one build
0.48-0.76 s. At load average 9-10 with NOTIFY: PostgreSQL taught -> live median 2.32 s (max
2.47), undone 0.18 s; SQLite 2.74 s (max 2.82), undone 1.03 s; one build 1.57 s.

Usage: JIFEN_TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/test \\
       python bench/live_teach.py [--rounds 5] [--databases sqlite postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.scale import fresh_database, fresh_sqlite  # noqa: E402
from bot.clock import shanghai_now  # noqa: E402
from bot.storage.database import Database  # noqa: E402
from bot.support.learning import decisions  # noqa: E402
from bot.support.learning.models import VARIANT  # noqa: E402
from faq import live  # noqa: E402
from tests.learning.web_process import UNKNOWN, answer_of, ask, web_process  # noqa: E402

QUESTION = "积分对办健身卡有用吗"
TOPIC = "points_benefits"
PROBE_EVERY = 0.05


async def until(
    http: aiohttp.ClientSession, base: str, wanted: str, probes: itertools.count[int]
) -> float:
    """Seconds until the other process's answer to QUESTION contains `wanted`."""
    started = time.monotonic()
    while wanted not in await ask(http, base, f"web-visitor-bench-{next(probes):08d}", QUESTION):
        await asyncio.sleep(PROBE_EVERY)
    return time.monotonic() - started


async def change(db: Database, decision: int | None, now: datetime) -> int | None:
    """Teach the variant (decision None) or undo `decision`; the commit is the start."""
    async with db.transaction() as session:
        if decision is None:
            return (await decisions.teach(session, VARIANT, TOPIC, QUESTION, "bench", now)).id
        await decisions.undo(session, decision, "bench", now)
        return None


async def measure(name: str, url: str, rounds: int) -> tuple[list[float], list[float]]:
    server = web_process(url, Path(tempfile.gettempdir()))
    server.start()
    live_after, gone_after = [], []
    probes = itertools.count()
    db = Database(url)
    try:
        await server.ready()
        async with aiohttp.ClientSession() as http:
            assert UNKNOWN in await ask(http, server.url, "web-visitor-bench-first-00", QUESTION)
            for round_ in range(rounds):
                decision = await change(db, None, shanghai_now())
                live_after.append(await until(http, server.url, answer_of(TOPIC), probes))
                await change(db, decision, shanghai_now())
                gone_after.append(await until(http, server.url, UNKNOWN, probes))
                print(
                    f"{name} round {round_ + 1}: live after {live_after[-1]:.2f} s, "
                    f"undone after {gone_after[-1]:.2f} s",
                    flush=True,
                )
    finally:
        await db.dispose()
        server.stop()
    return live_after, gone_after


def build_seconds() -> float:
    live.current()  # jieba and the untaught index first, as a running process has them
    started = time.monotonic()
    live.build({TOPIC: (QUESTION,)}, {})
    return time.monotonic() - started


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--databases", nargs="+", default=["sqlite", "postgres"])
    args = parser.parse_args()
    results = {}
    for name in args.databases:
        fresh = fresh_sqlite() if name == "sqlite" else fresh_database()
        async with fresh as url:
            results[name] = await measure(name, url, args.rounds)
    build = build_seconds()
    for name, (live_after, gone_after) in results.items():
        print(
            f"{name}: taught -> live median {statistics.median(live_after):.2f} s "
            f"(max {max(live_after):.2f}), undone -> gone median "
            f"{statistics.median(gone_after):.2f} s (max {max(gone_after):.2f}); "
            f"one retriever build here {build:.2f} s"
        )


if __name__ == "__main__":
    asyncio.run(main())
