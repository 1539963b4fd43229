"""Memory: distinct users through one `jifen serve` process leave no state in it.

One serve process on PostgreSQL in Telegram webhook mode, its replies going to the fake Bot API
(a process of its own); the load generator (another process, see bench/scale.py) sends one
/start from each of --users distinct chats. Prints the serve process's RSS after the first
1,000 users and every --step users after that (target: within 50 MB of the 1,000-user value
after 100,000 users).
Usage: JIFEN_TEST_POSTGRES_URL=... python bench/memory.py [--users 100000] [--step 10000]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import time

import psutil
from scale import Serve, fresh_database, run_generator, spawn_fake_api

FIRST = 1000


def rss_mb(pid: int) -> float:
    return psutil.Process(pid).memory_info().rss / 2**20


async def measure(args: argparse.Namespace) -> None:
    fake, api_base = spawn_fake_api()
    try:
        async with fresh_database() as database_url:
            serve = Serve(database_url, api_base)
            serve.start()
            try:
                await serve.ready()
                assert serve.process is not None
                pid = serve.process.pid
                started = time.perf_counter()
                done = 0
                baseline = 0.0
                while done < args.users:
                    batch = FIRST if done == 0 else min(args.step, args.users - done)
                    load = argparse.Namespace(
                        updates=batch, chats=batch, concurrency=args.concurrency, per_chat=1
                    )
                    result = run_generator([serve.url], load, first_chat=1 + done)
                    if result["answered"] != batch:
                        raise SystemExit(f"only {result['answered']} of {batch} answered 200")
                    done += batch
                    rss = rss_mb(pid)
                    baseline = baseline or rss
                    rate = done / (time.perf_counter() - started)
                    print(
                        f"{done:>7,} users: RSS {rss:6.1f} MB ({rss - baseline:+.1f} MB), "
                        f"{rate:.0f} users/s overall",
                        flush=True,
                    )
            finally:
                serve.stop()
    finally:
        fake.send_signal(signal.SIGTERM)
        fake.wait()
    print(f"growth after {FIRST:,} users: {rss - baseline:+.1f} MB (target: within 50 MB)")
    print("load average: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--step", type=int, default=10_000)
    parser.add_argument("--concurrency", type=int, default=16)
    asyncio.run(measure(parser.parse_args()))


if __name__ == "__main__":
    main()
