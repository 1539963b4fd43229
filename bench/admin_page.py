"""The admin page under a flood of unanswered questions (issue 14, point 1).

Stores N distinct questions of up to 4,000 characters the way they arrive (each cut, grouped
and bucketed by `bot.support.unanswered.record`, from enough visitors and days to stay under
the daily caps), then serves the app on 127.0.0.1 and, while an admin opens the admin page
again and again, a visitor chats one message after another and a ticker on the event loop
measures how late it wakes up (the longest stall). Prints the admin page time (median, worst)
with no questions and with N, their ratio, the longest stall and the chatting visitor's worst
reply time.

Usage: python bench/admin_page.py [--questions 20000] [--loads 10] [--postgres URL]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import re
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
from aiohttp import web
from sqlalchemy import insert, select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.scale import fresh_database  # noqa: E402
from bot.app import build_app  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.runtime import build_runtime  # noqa: E402
from bot.storage.database import Database  # noqa: E402
from bot.storage.migrate import upgrade  # noqa: E402
from bot.storage.models import User  # noqa: E402
from bot.support import unanswered  # noqa: E402
from bot.support.accounts import add_staff  # noqa: E402
from tests.bot.helpers import FakeClock  # noqa: E402

PASSWORD = "bench-password-1"
WORDS = "居住证积分社保个税学历职称人才引进落户签注续签通知书材料窗口受理审核公示加分扣分"


def question(rng: random.Random, n: int) -> str:
    length = rng.randint(20, 4000)
    return f"{n} " + "".join(rng.choice(WORDS) for _ in range(length))


async def store(db: Database, clock: FakeClock, count: int) -> float:
    """`count` questions as they would arrive, at most the daily caps a day; seconds taken."""
    rng = random.Random(14)
    per_day = unanswered.PER_DAY
    visitors = per_day // unanswered.PER_USER_PER_DAY
    started = time.perf_counter()
    async with db.transaction() as session:
        await session.execute(
            insert(User),
            [
                {"channel": "web", "external_id": f"bench-{i:022d}", "created_at": clock()}
                for i in range(visitors)
            ],
        )
        users = list(await session.scalars(select(User.id).order_by(User.id)))
    for day_start in range(0, count, per_day):
        clock.advance(days=1, minutes=1)
        for batch in range(day_start, min(count, day_start + per_day), 200):
            async with db.transaction() as session:
                for n in range(batch, min(count, day_start + per_day, batch + 200)):
                    user = users[(n - day_start) // unanswered.PER_USER_PER_DAY]
                    assert await unanswered.record(session, user, question(rng, n), clock())
    return time.perf_counter() - started


@contextlib.asynccontextmanager
async def served(url: str, clock: FakeClock) -> AsyncIterator[str]:
    runtime = build_runtime(Settings(database_url=url, reminders_in_serve=False), clock=clock)
    runner = web.AppRunner(build_app(runtime), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


async def log_in(http: aiohttp.ClientSession, base: str) -> None:
    page = await (await http.get(f"{base}/console/login")).text()
    token = re.search(r'name="csrf" value="([^"]+)"', page)
    assert token
    form = {"name": "admin", "password": PASSWORD, "csrf": token.group(1)}
    response = await http.post(f"{base}/console/login", data=form)
    assert response.status == 200, response.status


class Ticker:
    """Wakes every 10 ms; the longest it overslept is how long the loop was stalled."""

    def __init__(self) -> None:
        self.worst = 0.0
        self.running = True

    async def run(self) -> None:
        while self.running:
            before = time.perf_counter()
            await asyncio.sleep(0.01)
            self.worst = max(self.worst, time.perf_counter() - before - 0.01)


async def chat(http: aiohttp.ClientSession, base: str, stop: asyncio.Event) -> list[float]:
    visitor, times = f"bench-chat-{uuid.uuid4().hex}", []
    while not stop.is_set():
        started = time.perf_counter()
        body = {"user": visitor, "text": "你好", "message_id": uuid.uuid4().hex}
        async with http.post(f"{base}/api/chat", json=body) as response:
            assert response.status == 200, response.status
            await response.read()
        times.append(time.perf_counter() - started)
    return times


async def admin_loads(base: str, loads: int) -> tuple[list[float], float, list[float], str]:
    jar = aiohttp.CookieJar(unsafe=True)  # cookies for 127.0.0.1
    async with aiohttp.ClientSession(cookie_jar=jar) as http, aiohttp.ClientSession() as visitor:
        await log_in(http, base)
        await chat_once(visitor, base)  # the FAQ index is warm
        ticker, stop = Ticker(), asyncio.Event()
        ticking = asyncio.create_task(ticker.run())
        chatting = asyncio.create_task(chat(visitor, base, stop))
        times, page = [], ""
        for _ in range(loads):
            started = time.perf_counter()
            async with http.get(f"{base}/console/admin") as response:
                assert response.status == 200, response.status
                page = await response.text()
            times.append(time.perf_counter() - started)
        stop.set()
        chat_times = await chatting
        ticker.running = False
        await ticking
    return times, ticker.worst, chat_times, page


async def chat_once(http: aiohttp.ClientSession, base: str) -> None:
    body = {"user": f"bench-warm-{uuid.uuid4().hex}", "text": "你好", "message_id": "w"}
    async with http.post(f"{base}/api/chat", json=body) as response:
        await response.read()


async def bench(args: argparse.Namespace) -> None:
    async with database(args.postgres) as url:
        db, clock = Database(url), FakeClock()
        await upgrade(db)
        async with db.transaction() as session:
            await add_staff(session, "admin", "admin", PASSWORD, clock())
        async with served(url, clock) as base:
            empty, _, _, _ = await admin_loads(base, args.loads)
        stored = await store(db, clock, args.questions)
        await db.dispose()
        async with served(url, clock) as base:
            full, stall, chats, page = await admin_loads(base, args.loads)
    rows = page.count("<tr>") - 1
    print(
        f"database: {'PostgreSQL' if args.postgres else 'SQLite'}; load average {os.getloadavg()}"
    )
    print(
        f"stored {args.questions} questions of up to 4,000 chars in {stored:.1f} s "
        f"({stored / args.questions * 1000:.2f} ms each, grouping included)"
    )
    print(f"admin page, no questions: median {statistics.median(empty) * 1000:.0f} ms")
    ratio = statistics.median(full) / statistics.median(empty)
    print(
        f"admin page, {args.questions} questions: median {statistics.median(full) * 1000:.0f} ms, "
        f"worst {max(full) * 1000:.0f} ms, ratio to no questions {ratio:.1f}x; "
        f"its tables show {rows} rows"
    )
    print(f"longest event-loop stall meanwhile: {stall * 1000:.0f} ms")
    print(
        f"a chatting visitor meanwhile: {len(chats)} replies, worst {max(chats) * 1000:.0f} ms, "
        f"median {statistics.median(chats) * 1000:.0f} ms"
    )


@contextlib.asynccontextmanager
async def database(postgres: str | None) -> AsyncIterator[str]:
    if postgres:
        async with fresh_database(postgres) as url:
            yield url
        return
    with tempfile.TemporaryDirectory() as directory:
        yield f"sqlite+aiosqlite:///{directory}/bench.db"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=20000)
    parser.add_argument("--loads", type=int, default=10)
    parser.add_argument("--postgres", help="a PostgreSQL server URL; SQLite otherwise")
    asyncio.run(bench(parser.parse_args()))


if __name__ == "__main__":
    main()
