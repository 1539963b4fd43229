"""An anonymous visitor posts many long, distinct questions the FAQ cannot answer, hoping that
grouping them freezes the service when an admin opens the admin page (it was quadratic, on the
event loop, inside a transaction: 1,500 questions of 4,000 characters froze every request for
117 s).

What happens: a question is cut to 500 characters and grouped when it arrives (its look-alikes
found through MinHash buckets, the CPU work in a worker thread, compared with at most
`unanswered.CANDIDATES` stored questions however many there are); a visitor's questions beyond
ten a day are not kept; the admin page counts the stored groups in SQL and groups nothing.
The time it takes is measured in bench/admin_page.py (20,000 questions); here what must hold
is checked as structure: which thread the grouping code runs on, and how much of it runs.
"""

from __future__ import annotations

import asyncio
import random
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import UTC, datetime
from types import FrameType
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.models import User
from bot.support import similar, unanswered
from bot.support.models import UnansweredBucket, UnansweredQuestion
from tests.bot.helpers import say
from tests.security.conftest import Site
from tests.support.conftest import log_in

STORED = 200  # what 20 visitors may leave in a day
CORE = 60  # characters every flood question shares with the one asked last


class Watch:
    """Every call into `bot.support.similar` (the grouping code) and the thread it ran on,
    seen through the interpreter's profiling hook: the code runs as it is, unreplaced."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, int]] = []

    def __call__(self, frame: FrameType, event: str, _arg: Any) -> None:
        if event == "call" and frame.f_code.co_filename == similar.__file__:
            self.calls.append((frame.f_code.co_name, threading.get_ident()))

    def count(self, name: str) -> int:
        return sum(1 for called, _ in self.calls if called == name)


@contextmanager
def watching(loop: asyncio.AbstractEventLoop) -> Iterator[Watch]:
    """Watch the event loop's thread and the worker threads of a fresh default executor."""
    watch = Watch()
    workers = ThreadPoolExecutor(initializer=sys.setprofile, initargs=(watch,))
    loop.set_default_executor(workers)
    sys.setprofile(watch)
    try:
        yield watch
    finally:
        sys.setprofile(None)
        loop.set_default_executor(ThreadPoolExecutor())
        workers.shutdown(wait=False)


async def test_a_flood_of_long_questions_is_grouped_off_the_loop_a_bounded_amount_at_a_time(
    site: Site,
) -> None:
    await site.add_staff("root", role="admin")
    rng = random.Random(14)
    core = _distinct_chars(rng, CORE)
    async with site.runtime.db.transaction() as session:
        users = [await _visitor(session, n) for n in range(STORED // unanswered.PER_USER_PER_DAY)]
        for n in range(STORED):  # each 4,000 characters, alike the last question only in part
            long = core + _distinct_chars(rng, 4000 - CORE)
            await unanswered.record(session, users[n // 10], long, site.clock())
    asked = core
    leaders = await _leaders_sharing_a_bucket(site, asked)
    assert leaders > unanswered.CANDIDATES, "the new question has more look-alikes than are read"

    loop = asyncio.get_running_loop()
    with watching(loop) as chat:
        replies = await say(site.client, "visitor-flooder-00000000000", asked)
    assert replies, "the flooder is still answered"
    assert await _stored(site, asked), "the question the FAQ could not answer was kept"
    grouping_threads = {thread for _, thread in chat.calls}
    assert chat.count("buckets") == 1 and chat.count("closest") == 1
    assert threading.get_ident() not in grouping_threads, "no grouping on the event loop"
    assert 0 < chat.count("jaccard") <= unanswered.CANDIDATES, (
        f"compared with a bounded number of the {STORED} stored questions, not all"
    )

    with watching(loop) as admin:
        await log_in(site.client, "root")
        page = await site.client.get("/console/admin")
        assert page.status == 200
        html = await page.text()
    assert admin.calls == [], "the admin page groups nothing: it counts stored groups"
    assert html.count("<tr>") <= unanswered.GROUPS_SHOWN + 50

    async with site.runtime.db.transaction() as session:
        longest = await session.scalar(select(func.max(func.length(UnansweredQuestion.question))))
    assert longest == unanswered.QUESTION_CHARS


def _distinct_chars(rng: random.Random, n: int) -> str:
    return "".join(chr(0x4E00 + rng.randrange(20000)) for _ in range(n))


async def _leaders_sharing_a_bucket(site: Site, question: str) -> int:
    """How many stored group leaders share a MinHash bucket with the question."""
    buckets = similar.buckets(similar.shape(question))
    async with site.runtime.db.transaction() as session:
        shared = select(func.count(func.distinct(UnansweredBucket.question_id))).where(
            UnansweredBucket.bucket.in_(buckets)
        )
        return int(await session.scalar(shared) or 0)


async def _stored(site: Site, question: str) -> bool:
    async with site.runtime.db.transaction() as session:
        found = select(UnansweredQuestion.id).where(UnansweredQuestion.question == question)
        return await session.scalar(found) is not None


async def _visitor(session: AsyncSession, n: int) -> int:
    user = User(channel="web", external_id=f"visitor-flood-{n:020d}", created_at=datetime.now(UTC))
    session.add(user)
    await session.flush()
    return user.id
