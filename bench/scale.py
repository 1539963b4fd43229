"""Scale-out: the same Telegram webhook load against 1, then 2 `jifen serve` processes sharing
one PostgreSQL, for several rounds; prints the throughput of each run, the CPU each part used,
and the median ratio.

Every part runs in its own process: the serve processes, the fake Bot API they send replies
to (tests/telegram/fake_bot_api.py), and the load generator, which plays Telegram: each of
its workers owns some chats and sends each chat's updates one after the other (the next
once the last was answered 200), to the serve processes in turn, as a reverse proxy would.
Everything listens on 127.0.0.1 only; the run is bounded by --updates.

Usage: JIFEN_TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/test \\
       python bench/scale.py [--updates 3000] [--chats 300] [--concurrency 32] [--rounds 3]
The helpers here (fresh database, serve processes, fake Bot API, load) serve bench/crash.py,
bench/memory.py and bench/telegram.py too.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import itertools
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp
import asyncpg
import psutil
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.serve_process import ServeProcess  # noqa: E402

TOKEN = "123456:BENCH-token"
SECRET = "bench-Secret_1"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
SCRIPT = ("/start", "算积分", "35", "本科", "有", "没有", "3年", "1倍", "都没有", "否")


# -- PostgreSQL ---------------------------------------------------------------------------


@asynccontextmanager
async def fresh_database(base: str | None = None) -> AsyncIterator[str]:
    """A new PostgreSQL database on the server of `base` (JIFEN_TEST_POSTGRES_URL by default),
    migrated with `jifen migrate`, dropped afterwards."""
    base = base or os.environ.get("JIFEN_TEST_POSTGRES_URL")
    if not base:
        raise SystemExit("set JIFEN_TEST_POSTGRES_URL (e.g. postgresql://postgres@127.0.0.1/test)")
    admin = make_url(base).set(drivername="postgresql").render_as_string(hide_password=False)
    name = f"jifen_bench_{uuid.uuid4().hex[:10]}"
    connection = await asyncpg.connect(admin)
    await connection.execute(f'CREATE DATABASE "{name}"')
    await connection.close()
    url = make_url(base).set(drivername="postgresql+asyncpg", database=name)
    database_url = url.render_as_string(hide_password=False)
    try:
        migrate(database_url)
        yield database_url
    finally:
        connection = await asyncpg.connect(admin)
        await connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        await connection.close()


@asynccontextmanager
async def fresh_sqlite() -> AsyncIterator[str]:
    """A new SQLite database in a temporary directory, migrated with `jifen migrate`."""
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{folder}/bench.db"
        migrate(url)
        yield url


def migrate(database_url: str) -> None:
    """`jifen migrate` on the database, as an operator runs it."""
    subprocess.run(
        [sys.executable, "-m", "bot.cli", "migrate"],
        env={**os.environ, "JIFEN_DATABASE_URL": database_url},
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


# -- processes ----------------------------------------------------------------------------


class Serve(ServeProcess):
    """One `jifen serve` process of the bench, logging to the temporary directory."""

    def __init__(self, database_url: str, api_base: str) -> None:
        super().__init__(database_url, api_base, TOKEN, SECRET, Path(tempfile.gettempdir()))


def spawn_fake_api() -> tuple[subprocess.Popen[str], str]:
    """The fake Bot API in a process of its own; returns it and its base URL."""
    process = subprocess.Popen(
        [sys.executable, __file__, "fake-api"], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    return process, process.stdout.readline().strip()


async def serve_fake_api() -> None:
    """The fake Bot API; on SIGUSR1 it prints the calls it took since the last time, by method."""
    from tests.telegram.fake_bot_api import FakeBotApi

    fake = FakeBotApi(TOKEN)
    print(await fake.start(), flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    reported = 0

    def report() -> None:
        nonlocal reported
        print(json.dumps(Counter(call.method for call in fake.calls[reported:])), flush=True)
        reported = len(fake.calls)

    loop.add_signal_handler(signal.SIGUSR1, report)
    await stop.wait()
    await fake.close()


def api_calls(fake: subprocess.Popen[str]) -> dict[str, int]:
    """The Bot API calls the fake took since the last time this was asked, by method."""
    assert fake.stdout is not None
    fake.send_signal(signal.SIGUSR1)
    calls: dict[str, int] = json.loads(fake.stdout.readline())
    return calls


# -- load ---------------------------------------------------------------------------------


def update(chat_id: int, text: str, turn: int) -> dict[str, Any]:
    """The chat's `turn`-th update (0, 1, ...). Its update_id follows from chat and turn, so
    it is unique across the load generators of one database, each a process of its own (a
    reused id would be dropped as a redelivery)."""
    assert 0 <= turn < 100
    number = chat_id * 100 + turn
    message: dict[str, Any] = {
        "message_id": number,
        "date": int(datetime.now(UTC).timestamp()),
        "chat": {"id": chat_id, "type": "private", "first_name": "Li"},
        "from": {"id": chat_id, "is_bot": False, "first_name": "Li", "language_code": "zh-hans"},
        "text": text,
    }
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text)}]
    return {"update_id": number, "message": message}


@dataclass
class Load:
    answered: dict[int, int] = field(default_factory=dict)  # update_id -> chat id, once 200
    attempts: int = 0
    refused: int = 0  # non-200 answers and connection errors, each retried (as Telegram does)
    retried_chats: set[int] = field(default_factory=set)  # chats of the updates posted again


async def post_until_answered(
    http: aiohttp.ClientSession, targets: Sequence[str], body: dict[str, Any], load: Load,
    turn: itertools.count[int], give_up_at: float,
) -> None:  # fmt: skip
    while time.monotonic() < give_up_at:
        target = targets[next(turn) % len(targets)]
        load.attempts += 1
        try:
            async with http.post(
                f"{target}/telegram/webhook", json=body, headers={SECRET_HEADER: SECRET}
            ) as response:
                if response.status == 200:
                    load.answered[body["update_id"]] = body["message"]["chat"]["id"]
                    return
        except (TimeoutError, aiohttp.ClientError):
            pass
        load.refused += 1
        load.retried_chats.add(body["message"]["chat"]["id"])
        await asyncio.sleep(0.2)


async def drive(
    targets: Sequence[str],
    chats: Sequence[int],
    updates_total: int,
    concurrency: int,
    load: Load,
    give_up_after: float = 300.0,
    per_chat: int = len(SCRIPT),
) -> float:
    """Send `updates_total` updates: each chat goes through the first `per_chat` lines of
    SCRIPT, a chat's updates in order. Returns the seconds it took."""
    queue: asyncio.Queue[int] = asyncio.Queue()
    for chat in chats:
        queue.put_nowait(chat)
    budget = itertools.count()
    turn = itertools.count()
    give_up_at = time.monotonic() + give_up_after

    async def worker(http: aiohttp.ClientSession) -> None:
        while not queue.empty():
            chat = queue.get_nowait()
            for index, text in enumerate(SCRIPT[:per_chat]):
                if next(budget) >= updates_total:
                    return
                body = update(chat, text, index)
                await post_until_answered(http, targets, body, load, turn, give_up_at)

    timeout = aiohttp.ClientTimeout(total=30)
    connector = aiohttp.TCPConnector(limit=concurrency * 2)
    started = time.perf_counter()
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as http:
        await asyncio.gather(*(worker(http) for _ in range(concurrency)))
    return time.perf_counter() - started


async def generate(args: argparse.Namespace) -> None:
    """The load generator's own process: prints one JSON line with its figures."""
    targets = args.targets.split(",")
    chats = [args.first_chat + n for n in range(args.chats)]
    load = Load()
    seconds = await drive(
        targets, chats, args.updates, args.concurrency, load, per_chat=args.per_chat
    )
    print(
        json.dumps(
            {
                "answered": len(load.answered),
                "seconds": seconds,
                "refused": load.refused,
                "cpu": time.process_time(),
                "answered_chats": sorted(set(load.answered.values())),
                "retried_chats": sorted(load.retried_chats),
            }
        )
    )


def generator_command(
    targets: Sequence[str], args: argparse.Namespace, first_chat: int
) -> list[str]:
    return [
        sys.executable, __file__, "load", "--targets", ",".join(targets),
        "--updates", str(args.updates), "--chats", str(args.chats),
        "--concurrency", str(args.concurrency), "--first-chat", str(first_chat),
        "--per-chat", str(getattr(args, "per_chat", len(SCRIPT))),
    ]  # fmt: skip


def run_generator(
    targets: Sequence[str], args: argparse.Namespace, first_chat: int
) -> dict[str, Any]:
    command = generator_command(targets, args, first_chat)
    done = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# -- the bench ----------------------------------------------------------------------------


def cpu_seconds(processes: Sequence[psutil.Process]) -> float:
    total = 0.0
    for process in processes:
        with contextlib.suppress(psutil.NoSuchProcess):
            times = process.cpu_times()
            total += times.user + times.system
    return total


@dataclass
class Backends:
    """The PostgreSQL backends serving one database: their CPU counts as PostgreSQL's part.
    A backend that exits during the run (a connection opened past a pool and closed after its
    use) is not counted, so the sessions opened meanwhile are reported beside it: they should
    be 0 under a steady load."""

    database_url: str

    def _admin(self) -> str:
        return (
            make_url(self.database_url)
            .set(drivername="postgresql")
            .render_as_string(hide_password=False)
        )

    async def sample(self) -> tuple[dict[int, float], int]:
        """CPU seconds of each backend of the database now, and the sessions opened so far."""
        connection = await asyncpg.connect(self._admin())
        try:
            name = make_url(self.database_url).database
            pids = await connection.fetch(
                "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
                name,
            )
            sessions = await connection.fetchval(
                "SELECT sessions FROM pg_stat_database WHERE datname = $1", name
            )
        finally:
            await connection.close()
        cpu = {}
        for row in pids:
            with contextlib.suppress(psutil.NoSuchProcess):
                cpu[row["pid"]] = cpu_seconds([psutil.Process(row["pid"])])
        return cpu, int(sessions or 0)


async def cpu_split(
    serves: Sequence[Serve], fake: subprocess.Popen[str], backends: Backends,
    run: Callable[[], dict[str, Any]],
) -> dict[str, Any]:  # fmt: skip
    """Run the load and note the CPU seconds each part used: where a 2-core machine's time
    goes decides how much a second serve process can add."""
    parts = {
        "serve": [psutil.Process(s.process.pid) for s in serves if s.process is not None],
        "fake Bot API": [psutil.Process(fake.pid)],
    }
    before = {name: cpu_seconds(group) for name, group in parts.items()}
    postgres_before, sessions_before = await backends.sample()
    result = await asyncio.to_thread(run)
    used = {name: cpu_seconds(group) - before[name] for name, group in parts.items()}
    postgres_after, sessions_after = await backends.sample()
    used["PostgreSQL"] = sum(
        seconds - postgres_before.get(pid, 0.0) for pid, seconds in postgres_after.items()
    )
    used["load generator"] = result["cpu"]
    result["cpu_ms_per_update"] = {
        name: 1000 * seconds / max(result["answered"], 1) for name, seconds in used.items()
    }
    result["sessions_opened"] = sessions_after - sessions_before
    return result


async def one_run(
    processes: int, api_base: str, fake: subprocess.Popen[str], args: argparse.Namespace
) -> dict[str, Any]:
    """The load against `processes` fresh serve processes on a fresh database."""
    async with fresh_database() as database_url:
        serves = [Serve(database_url, api_base) for _ in range(processes)]
        for serve in serves:
            serve.start()
        try:
            for serve in serves:
                await serve.ready()
            # warm-up: the first requests of a process load jieba, the FAQ index ...
            warm = argparse.Namespace(**{**vars(args), "updates": 20 * processes, "chats": 4})
            targets = [s.url for s in serves]
            run_generator(targets, warm, first_chat=9_000_000)
            api_calls(fake)  # the warm-up's
            result = await cpu_split(
                serves, fake, Backends(database_url),
                functools.partial(run_generator, targets, args, 1),
            )  # fmt: skip
            calls = api_calls(fake)
        finally:
            for serve in serves:
                serve.stop()
    result["rate"] = result["answered"] / result["seconds"]
    split = ", ".join(f"{name} {ms:.1f}" for name, ms in result["cpu_ms_per_update"].items())
    per_update = ", ".join(
        f"{method} {count / max(result['answered'], 1):.2f}"
        for method, count in sorted(calls.items())
    )
    print(
        f"{processes} serve process(es): {result['answered']} updates answered 200 in "
        f"{result['seconds']:.1f} s = {result['rate']:.0f} updates/s "
        f"(refused and retried: {result['refused']}); CPU ms per update: {split} "
        f"(PostgreSQL sessions opened meanwhile: {result['sessions_opened']}); "
        f"Bot API calls per update: {per_update}",
        flush=True,
    )
    return result


async def scale(args: argparse.Namespace) -> None:
    """1 then 2 processes, --rounds times over: this shared machine's speed drifts, so each
    round's ratio compares runs a minute apart, and the median ratio is the figure."""
    fake, api_base = spawn_fake_api()
    ratios = []
    try:
        for _ in range(args.rounds):
            one = await one_run(1, api_base, fake, args)
            two = await one_run(2, api_base, fake, args)
            ratios.append(two["rate"] / one["rate"])
            print(f"  ratio 2/1 this round: {ratios[-1]:.2f}x", flush=True)
    finally:
        fake.send_signal(signal.SIGTERM)
        fake.wait()
    load1, load5, load15 = os.getloadavg()
    print(f"median ratio 2/1 of {len(ratios)} rounds: {statistics.median(ratios):.2f}x "
          "(target >= 1.3x)")  # fmt: skip
    print(f"cpus: {os.cpu_count()}, load average: {load1:.2f} {load5:.2f} {load15:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("mode", nargs="?", default="bench", choices=["bench", "load", "fake-api"])
    parser.add_argument("--updates", type=int, default=3000)
    parser.add_argument("--chats", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--targets", default="")
    parser.add_argument("--first-chat", type=int, default=1)
    parser.add_argument("--per-chat", type=int, default=len(SCRIPT))
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if args.mode == "fake-api":
        asyncio.run(serve_fake_api())
    elif args.mode == "load":
        asyncio.run(generate(args))
    else:
        asyncio.run(scale(args))


if __name__ == "__main__":
    main()
