"""Shared fixtures: migrated databases (SQLite; PostgreSQL when JIFEN_TEST_POSTGRES_URL is set).

Each test gets a database of its own, a copy of one migrated once per test session (a file copy
on SQLite, `CREATE DATABASE ... TEMPLATE` on PostgreSQL): running the migrations for every test
took most of a PostgreSQL test's set-up. A copy gets an identity of its own, as the migration
would have made it (`DatabaseIdentity`: the sent-marks journal of a killed process must never be
taken for another test's database)."""

from __future__ import annotations

import asyncio
import os
import secrets
import shutil
import sqlite3
import tempfile
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from bot.storage.database import Database
from bot.storage.migrate import upgrade

POSTGRES_URL = os.environ.get("JIFEN_TEST_POSTGRES_URL")
IDENTITY = "UPDATE database_identity SET id = '{}'"

# The migrated originals of this test session (one per xdist worker): made at first use.
_templates: dict[str, str] = {}


async def _migrated(url: str) -> str:
    db = Database(url)
    await upgrade(db)
    await db.dispose()
    return url


async def _sqlite_template() -> Path:
    if "sqlite" not in _templates:
        folder = Path(tempfile.mkdtemp(prefix="jifen-test-template-"))
        await _migrated(f"sqlite+aiosqlite:///{folder / 'jifen.db'}")
        _templates["sqlite"] = str(folder / "jifen.db")
    return Path(_templates["sqlite"])


@asynccontextmanager
async def fresh_sqlite(directory: Path) -> AsyncIterator[str]:
    """A migrated SQLite file `jifen.db` in `directory`."""
    path = directory / "jifen.db"
    shutil.copyfile(await _sqlite_template(), path)
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute(IDENTITY.format(secrets.token_hex(16)))
    finally:
        connection.close()
    yield f"sqlite+aiosqlite:///{path}"


def _admin_url() -> str:
    assert POSTGRES_URL
    return make_url(POSTGRES_URL).set(drivername="postgresql").render_as_string(hide_password=False)


def _database_url(name: str, driver: str = "postgresql+asyncpg") -> str:
    assert POSTGRES_URL
    url = make_url(POSTGRES_URL).set(drivername=driver, database=name)
    return url.render_as_string(hide_password=False)


async def _postgres_template() -> str:
    if "postgres" not in _templates:
        name = f"jifen_template_{uuid.uuid4().hex[:12]}"
        await _admin(_admin_url(), f'CREATE DATABASE "{name}"')
        _templates["postgres"] = name  # dropped at the end of the session, even half-made
        await _migrated(_database_url(name))
    return _templates["postgres"]


@asynccontextmanager
async def fresh_postgres() -> AsyncIterator[str]:
    """A fresh, migrated PostgreSQL database of its own, dropped afterwards."""
    if not POSTGRES_URL:
        pytest.skip("JIFEN_TEST_POSTGRES_URL is not set")
    template = await _postgres_template()
    name = f"jifen_test_{uuid.uuid4().hex[:12]}"
    await _admin(_admin_url(), f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    try:
        await _admin(_database_url(name, "postgresql"), IDENTITY.format(secrets.token_hex(16)))
        yield _database_url(name)
    finally:
        await _admin(_admin_url(), f'DROP DATABASE "{name}" WITH (FORCE)')


async def _admin(url: str, sql: str) -> None:
    connection = await asyncpg.connect(url)
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Drop the templates and forget them: a second session in the same process (mutmut runs
    pytest several times in one) makes its own."""
    if "postgres" in _templates:
        drop = f'DROP DATABASE IF EXISTS "{_templates.pop("postgres")}" WITH (FORCE)'
        asyncio.run(_admin(_admin_url(), drop))
    if "sqlite" in _templates:
        shutil.rmtree(Path(_templates.pop("sqlite")).parent, ignore_errors=True)


@pytest.fixture
async def sqlite_url(tmp_path: Path) -> AsyncIterator[str]:
    async with fresh_sqlite(tmp_path) as url:
        yield url


@pytest.fixture
async def postgres_url() -> AsyncIterator[str]:
    async with fresh_postgres() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgres"])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """Run a test on SQLite and on PostgreSQL."""
    fresh = fresh_sqlite(tmp_path) if request.param == "sqlite" else fresh_postgres()
    async with fresh as url:
        yield url
