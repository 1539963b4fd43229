"""Shared fixtures: migrated databases (SQLite; PostgreSQL when JIFEN_TEST_POSTGRES_URL is set).

Each test gets a database of its own, a copy of one migrated once per test session (a file copy
on SQLite, `CREATE DATABASE ... TEMPLATE` on PostgreSQL): running the migrations for every test
took most of a PostgreSQL test's set-up. A copy gets an identity of its own, as the migration
would have made it (`DatabaseIdentity`: the sent-marks journal of a killed process must never be
taken for another test's database)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
import shutil
import sqlite3
import tempfile
import threading
import uuid
from collections.abc import AsyncIterator, Coroutine
from concurrent.futures import Future
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from bot.storage.database import Database
from bot.storage.migrate import upgrade
from bot.support.accounts import CHEAP_HASHING_FOR_TESTS

POSTGRES_URL = os.environ.get("JIFEN_TEST_POSTGRES_URL")
# Staff passwords hashed with argon2's cheapest parameters in the tests' process (and in a
# process started with its environment): the default's 0.2-0.5 s of CPU a hash and a login was
# a good part of the suite. Read at the first hash (accounts.hasher); never set in a deployment.
os.environ[CHEAP_HASHING_FOR_TESTS] = "1"
IDENTITY = "UPDATE database_identity SET id = '{}'"
T = TypeVar("T")

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


class _PostgresDatabases:
    """Copies of the migrated template, made by a thread of their own one test ahead and dropped
    behind: a copy (CREATE DATABASE ... TEMPLATE) and its drop took about 0.5 s of each
    PostgreSQL test's set-up and tear-down, while PostgreSQL has a core of its own to do them on.
    A copy commits without waiting for its WAL to reach the disk (synchronous_commit off): what
    one connection committed is still what every other one sees at once; only a crash of the
    PostgreSQL server could lose it, and no test crashes that server."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.template: str | None = None
        self.spare: Future[str] | None = None
        self.drops: list[Future[None]] = []
        self.one_at_a_time = asyncio.Lock()

    def _run(self, work: Coroutine[Any, Any, T]) -> Future[T]:
        return asyncio.run_coroutine_threadsafe(work, self.loop)

    async def _copy(self) -> str:
        async with self.one_at_a_time:
            if self.template is None:
                name = f"jifen_template_{uuid.uuid4().hex[:12]}"
                await _admin(_admin_url(), f'CREATE DATABASE "{name}"')
                self.template = name  # dropped at the end of the session, even half-made
                await _migrated(_database_url(name))
            name = f"jifen_test_{uuid.uuid4().hex[:12]}"
            await _admin(_admin_url(), f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
            fast = f'ALTER DATABASE "{name}" SET synchronous_commit = off'
            await _admin(_admin_url(), fast)
            await _admin(_database_url(name, "postgresql"), IDENTITY.format(secrets.token_hex(16)))
            return name

    def take(self) -> Future[str]:
        """The next copy; the one after it is made while the test runs."""
        taken = self.spare or self._run(self._copy())
        self.spare = self._run(self._copy())
        return taken

    def drop(self, name: str) -> None:
        self.drops.append(self._run(_admin(_admin_url(), _drop(name))))

    def close(self) -> None:
        """Drop the spare copy and the template once the drops under way are done."""
        with contextlib.suppress(Exception):  # a spare that failed is nothing to drop
            if self.spare is not None:
                self.drop(self.spare.result())
        for drop in self.drops:
            drop.result()
        if self.template is not None:
            self._run(_admin(_admin_url(), _drop(self.template))).result()
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join()
        self.loop.close()


def _drop(name: str) -> str:
    return f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'


_postgres: list[_PostgresDatabases] = []  # this session's, made at first use


@asynccontextmanager
async def fresh_postgres() -> AsyncIterator[str]:
    """A fresh, migrated PostgreSQL database of its own, dropped afterwards."""
    if not POSTGRES_URL:
        pytest.skip("JIFEN_TEST_POSTGRES_URL is not set")
    if not _postgres:
        _postgres.append(_PostgresDatabases())
    databases = _postgres[0]
    name = await asyncio.wrap_future(databases.take())
    try:
        yield _database_url(name)
    finally:
        databases.drop(name)


async def _admin(url: str, sql: str) -> None:
    connection = await asyncpg.connect(url)
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Drop the templates and forget them: a second session in the same process (mutmut runs
    pytest several times in one) makes its own."""
    if _postgres:
        _postgres.pop().close()
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
