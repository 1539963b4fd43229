"""Memory: distinct users through one process keep no state in it.

Sends /start from each of --users distinct users through ConversationService
on SQLite (a temporary file), and prints the process's RSS after the first 1,000 users and
after all of them (target: within 50 MB of each other for 100,000 users).
Usage: python bench/memory.py [--users 100000] [--concurrency 8]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import itertools
import os
import tempfile
import time
from pathlib import Path

import psutil

from bot.config import Settings
from bot.runtime import build_runtime
from bot.storage.migrate import upgrade
from dialogs.types import Inbound

CHECKPOINT = 1000
ids = itertools.count()


def rss_mb() -> float:
    gc.collect()
    return psutil.Process().memory_info().rss / 2**20


async def run(users: int, concurrency: int, directory: Path) -> None:
    runtime = build_runtime(Settings(database_url=f"sqlite+aiosqlite:///{directory / 'm.db'}"))
    await upgrade(runtime.db)
    service = runtime.service
    queue = iter(range(users))
    done = 0
    at_checkpoint: float | None = None
    started = time.perf_counter()

    async def user_worker() -> None:
        nonlocal done, at_checkpoint
        for n in queue:
            inbound = Inbound("web", f"u{n:07d}", f"m{next(ids)}", runtime.clock(), text="/start")
            await service.handle(inbound)
            done += 1
            if done == CHECKPOINT:
                at_checkpoint = rss_mb()
                print(f"RSS after {CHECKPOINT:,} users: {at_checkpoint:.1f} MB", flush=True)
            elif done % 10_000 == 0:
                rate = done / (time.perf_counter() - started)
                print(f"  {done:,} users, RSS {rss_mb():.1f} MB, {rate:.0f} users/s", flush=True)

    await asyncio.gather(*(user_worker() for _ in range(concurrency)))
    final = rss_mb()
    await runtime.db.dispose()
    print(f"RSS after {users:,} users: {final:.1f} MB")
    if at_checkpoint is not None:
        print(f"growth: {final - at_checkpoint:+.1f} MB (target: within 50 MB)")
    print(f"{users:,} messages in {time.perf_counter() - started:.0f} s; load average "
          + " ".join(f"{x:.2f}" for x in os.getloadavg()))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        asyncio.run(run(args.users, args.concurrency, Path(directory)))


if __name__ == "__main__":
    main()
