"""PostgreSQL: a teach decision wakes every listening process when it commits (NOTIFY), and a
listening connection the server drops wakes it too, so that it listens again and reads the
version row for what it may have missed."""

from __future__ import annotations

import asyncio

import asyncpg
from sqlalchemy import make_url

from bot.storage.database import Database
from bot.support.learning import decisions
from bot.support.learning.models import VARIANT
from bot.support.learning.watch import Follower, Listener
from tests.bot.helpers import FakeClock

BOUND = 60.0  # seconds: a bound on waiting for a wake-up, not a measurement


async def _teach(url: str, text: str) -> None:
    db = Database(url)
    try:
        async with db.transaction() as session:
            await decisions.teach(session, VARIANT, "points_benefits", text, "alice", FakeClock()())
    finally:
        await db.dispose()


async def test_a_committed_teach_wakes_a_listening_process(postgres_url: str) -> None:
    woken = asyncio.Event()
    listener = Listener(postgres_url, woken)
    await listener.ensure()
    try:
        assert listener.listening
        await _teach(postgres_url, "积分能不能用来办健身卡")
        await asyncio.wait_for(woken.wait(), BOUND)
        db = Database(postgres_url)
        try:
            assert await Follower(db).refresh()  # what the woken process does next
        finally:
            await db.dispose()
    finally:
        await listener.close()


async def test_a_dropped_listening_connection_wakes_the_process_to_listen_again(
    postgres_url: str,
) -> None:
    woken = asyncio.Event()
    listener = Listener(postgres_url, woken)
    await listener.ensure()
    admin = await asyncpg.connect(
        make_url(postgres_url).set(drivername="postgresql").render_as_string(False)
    )
    try:
        await admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND query LIKE 'LISTEN%'"
        )
        await asyncio.wait_for(woken.wait(), BOUND)
        assert not listener.listening
        woken.clear()
        await listener.ensure()
        assert listener.listening
        await _teach(postgres_url, "积分能不能用来办健身卡")
        await asyncio.wait_for(woken.wait(), BOUND)
    finally:
        await admin.close()
        await listener.close()
