"""Shared fixtures: migrated databases (SQLite; PostgreSQL when JIFEN_TEST_POSTGRES_URL is set)."""

from __future__ import annotations

import os
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


async def _migrated(url: str) -> str:
    db = Database(url)
    await upgrade(db)
    await db.dispose()
    return url


@asynccontextmanager
async def fresh_sqlite(directory: Path) -> AsyncIterator[str]:
    yield await _migrated(f"sqlite+aiosqlite:///{directory / 'jifen.db'}")


@asynccontextmanager
async def fresh_postgres() -> AsyncIterator[str]:
    """A fresh, migrated PostgreSQL database of its own, dropped afterwards."""
    if not POSTGRES_URL:
        pytest.skip("JIFEN_TEST_POSTGRES_URL is not set")
    admin = (
        make_url(POSTGRES_URL).set(drivername="postgresql").render_as_string(hide_password=False)
    )
    name = f"jifen_test_{uuid.uuid4().hex[:12]}"
    await _admin(admin, f'CREATE DATABASE "{name}"')
    url = make_url(POSTGRES_URL).set(drivername="postgresql+asyncpg", database=name)
    try:
        yield await _migrated(url.render_as_string(hide_password=False))
    finally:
        await _admin(admin, f'DROP DATABASE "{name}" WITH (FORCE)')


async def _admin(url: str, sql: str) -> None:
    connection = await asyncpg.connect(url)
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


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
