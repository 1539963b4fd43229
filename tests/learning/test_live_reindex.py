"""Teach in one process, ask in another (PostgreSQL), under chat load: the other process
answers the taught question from its topic within seconds, without a restart, and no request
sees half an index (a known question keeps its answer through every swap)."""

from __future__ import annotations

import asyncio
import itertools
import time
from pathlib import Path

import aiohttp

from bot.storage.database import Database
from bot.support.learning import decisions
from bot.support.learning.models import VARIANT
from tests.bot.helpers import FakeClock
from tests.learning.web_process import UNKNOWN, answer_of, ask, web_process

TAUGHT = "居住证积分可以用来办健身卡吗"
TOPIC = "points_benefits"
KNOWN = ("积分通知书丢了怎么补打？", "notice_reprint")
CHATTERS = 8
LIVENESS = 120.0  # seconds: a bound on waiting, not a measurement (bench/live_teach.py measures)
STARTUP = 300.0  # seconds: a loaded machine builds the FAQ index slowly


async def test_a_variant_taught_in_one_process_is_answered_in_another_under_load(
    postgres_url: str, tmp_path: Path
) -> None:
    server = web_process(postgres_url, tmp_path)
    server.start()
    try:
        await server.ready(timeout=STARTUP)
        async with aiohttp.ClientSession() as http:
            assert UNKNOWN in await ask(http, server.url, "web-visitor-live-before-00", TAUGHT)
            await _teach_and_wait(http, server.url, postgres_url)
    finally:
        server.stop()


async def _teach_and_wait(http: aiohttp.ClientSession, base: str, database_url: str) -> None:
    known_answer, taught_answer = answer_of(KNOWN[1]), answer_of(TOPIC)
    seen: list[str] = []
    stop = asyncio.Event()

    async def chatter(n: int) -> None:
        for turn in itertools.count():
            if stop.is_set():
                return
            seen.append(await ask(http, base, f"web-visitor-live-load-{n:02d}-00", KNOWN[0]))
            said = await ask(http, base, f"web-visitor-live-{n:02d}-{turn:06d}", TAUGHT)
            assert UNKNOWN in said or taught_answer in said, said  # old index or new, no other

    load = [asyncio.create_task(chatter(n)) for n in range(CHATTERS)]
    try:
        await asyncio.sleep(1.0)  # the load is on before the teaching
        db = Database(database_url)
        async with db.transaction() as session:
            await decisions.teach(session, VARIANT, TOPIC, TAUGHT, "alice", FakeClock()())
        await db.dispose()
        deadline = time.monotonic() + LIVENESS
        user = (f"web-visitor-live-after-{n:06d}" for n in itertools.count())
        while taught_answer not in await ask(http, base, next(user), TAUGHT):
            assert time.monotonic() < deadline, "the taught variant never went live"
            await asyncio.sleep(0.2)
    finally:
        stop.set()
        await asyncio.gather(*load)
    assert seen and all(known_answer in said for said in seen)
