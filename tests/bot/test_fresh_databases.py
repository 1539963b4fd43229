"""The tests' databases (tests/conftest.py) are copies of one migrated database: each is at the
newest schema, empty, and has an identity of its own, as a database the migrations made has
(a killed process's sent-marks journal is keyed by it: two tests' databases must not share it)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from bot.storage.database import Database
from bot.storage.migrate import current_revision, head_revision, require_current
from bot.storage.models import OutboxReply
from tests.conftest import fresh_postgres, fresh_sqlite


async def identity_and_replies(url: str) -> tuple[str | None, int]:
    db = Database(url)
    try:
        assert await current_revision(db) == head_revision()
        await require_current(db)
        async with db.transaction() as session:
            replies = await session.scalar(select(func.count()).select_from(OutboxReply))
        return db.identity, int(replies or 0)
    finally:
        await db.dispose()


async def test_each_sqlite_copy_is_migrated_empty_and_its_own(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    async with fresh_sqlite(tmp_path / "a") as first, fresh_sqlite(tmp_path / "b") as second:
        (one, replies_one), (two, replies_two) = [
            await identity_and_replies(url) for url in (first, second)
        ]
    assert one and two and one != two
    assert replies_one == replies_two == 0


async def test_each_postgres_copy_is_migrated_empty_and_its_own() -> None:
    async with fresh_postgres() as first, fresh_postgres() as second:
        (one, replies_one), (two, replies_two) = [
            await identity_and_replies(url) for url in (first, second)
        ]
    assert one and two and one != two
    assert replies_one == replies_two == 0
