"""Memory: distinct users through one `jifen serve` process leave no state in it.

One serve process on PostgreSQL in Telegram webhook mode, its replies going to the fake Bot API
(a process of its own); the load generator (another process, see bench/scale.py) sends one
/start from each of --users distinct chats. Prints the serve process's RSS after the first
1,000 users and every --step users after that (target: within 50 MB of the 1,000-user value
after 100,000 users).

With --tracemalloc FRAMES the serve process starts tracemalloc (FRAMES frames a traceback) after
--trace-from users and writes a snapshot after each --snapshot-at count; the bench prints what
was allocated between the first snapshot and the last and is still alive, by traceback (what is
only replaced in kind, a bounded cache or buffer, cancels out). Tracing slows the process and
adds to its RSS: take the RSS figure from a run without it.
Usage: JIFEN_TEST_POSTGRES_URL=... python bench/memory.py [--users 100000] [--step 10000]
       [--tracemalloc 8 --trace-from 40000 --snapshot-at 50000,100000]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import signal
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import psutil
from scale import Serve, fresh_database, run_generator, spawn_fake_api

FIRST = 1000


def rss_mb(pid: int) -> float:
    return psutil.Process(pid).memory_info().rss / 2**20


async def measure(args: argparse.Namespace, snapshots: Path) -> None:
    fake, api_base = spawn_fake_api()
    try:
        async with fresh_database() as database_url:
            serve = Serve(database_url, api_base)
            if args.tracemalloc:
                serve.launcher = (__file__, "traced", str(args.tracemalloc), str(snapshots))
            serve.start()
            try:
                await serve.ready()
                assert serve.process is not None
                pid = serve.process.pid
                started = time.perf_counter()
                done = 0
                baseline = 0.0
                while done < args.users:
                    # 1,000 first, then up to the next multiple of --step
                    step = args.step - done % args.step
                    batch = FIRST if done == 0 else min(step, args.users - done)
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
                    if args.tracemalloc and done == args.trace_from:
                        await signal_and_wait(pid, snapshots / "tracing")
                    if args.tracemalloc and done in args.snapshot_at:
                        await signal_and_wait(pid, snapshots / f"{done}.snapshot")
            finally:
                serve.stop()
    finally:
        fake.send_signal(signal.SIGTERM)
        fake.wait()
    print(f"growth after {FIRST:,} users: {rss - baseline:+.1f} MB (target: within 50 MB)")
    print("load average: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    taken = sorted(snapshots.glob("*.snapshot"), key=lambda path: int(path.stem))
    if len(taken) >= 2:
        grown(taken[0], taken[-1], args.top)


async def signal_and_wait(pid: int, path: Path) -> None:
    """Ask the traced serve process to start tracing or for a snapshot (SIGUSR1), and wait
    until it wrote `path`."""
    (path.parent / "wanted").write_text(str(path))
    os.kill(pid, signal.SIGUSR1)
    while not path.exists():
        await asyncio.sleep(0.5)


def grown(first: Path, last: Path, top: int) -> None:
    """What was allocated between two snapshots and is still alive, by traceback."""
    own = [tracemalloc.Filter(False, tracemalloc.__file__)]
    before, after = (
        tracemalloc.Snapshot.load(str(path)).filter_traces(own) for path in (first, last)
    )
    total = sum(t.size for t in after.traces) - sum(t.size for t in before.traces)
    print(f"traced Python memory, {first.stem} -> {last.stem} users: {total / 2**20:+.2f} MB")
    for stat in after.compare_to(before, "traceback")[:top]:
        print(f"{stat.size_diff / 2**10:+9.1f} KiB {stat.count_diff:+7d} blocks, allocated at:")
        for line in stat.traceback.format(limit=10, most_recent_first=True):
            print(f"    {line}")


def traced(frames: int, folder: Path, argv: list[str]) -> int:
    """`jifen serve`, tracemalloc off (on from the start, the FAQ index alone would take
    minutes to build); on SIGUSR1 it starts tracing, or once tracing writes a snapshot, to the
    path the bench put in `folder`/wanted (renamed into place once complete)."""

    def write(_signal: int, _frame: object) -> None:
        path = Path((folder / "wanted").read_text())
        if not tracemalloc.is_tracing():
            tracemalloc.start(frames)
            path.touch()
            return
        gc.collect()  # garbage waiting for a collection is not growth
        tracemalloc.take_snapshot().dump(str(path.with_suffix(".part")))
        path.with_suffix(".part").rename(path)

    signal.signal(signal.SIGUSR1, write)
    from bot.cli import main

    return main(argv)


def main() -> None:
    if sys.argv[1:2] == ["traced"]:
        sys.exit(traced(int(sys.argv[2]), Path(sys.argv[3]), sys.argv[4:]))
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--step", type=int, default=10_000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--tracemalloc", type=int, default=0, metavar="FRAMES")
    parser.add_argument("--trace-from", type=int, default=40_000, help="users [40000]")
    parser.add_argument(
        "--snapshot-at",
        type=lambda text: {int(n) for n in text.split(",")},
        default={50_000, 100_000},
        help="user counts after which to take a snapshot [50000,100000]",
    )
    parser.add_argument("--top", type=int, default=12, help="tracebacks to print [12]")
    args = parser.parse_args()
    if args.tracemalloc and not args.trace_from < min(args.snapshot_at):
        parser.error("--trace-from must come before the first --snapshot-at")
    with tempfile.TemporaryDirectory() as snapshots:
        asyncio.run(measure(args, Path(snapshots)))


if __name__ == "__main__":
    main()
