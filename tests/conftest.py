"""Shared fixtures: migrated databases (SQLite; PostgreSQL when JIFEN_TEST_POSTGRES_URL is set)."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator

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


@pytest.fixture
async def sqlite_url(tmp_path) -> str:  # type: ignore[no-untyped-def]
    return await _migrated(f"sqlite+aiosqlite:///{tmp_path / 'jifen.db'}")


@pytest.fixture
async def postgres_url() -> AsyncIterator[str]:
    """A fresh, migrated PostgreSQL database of its own, dropped afterwards."""
    if not POSTGRES_URL:
        pytest.skip("JIFEN_TEST_POSTGRES_URL is not set")
    import asyncpg

    admin = make_url(POSTGRES_URL).set(drivername="postgresql")
    name = f"jifen_test_{uuid.uuid4().hex[:12]}"
    connection = await asyncpg.connect(admin.render_as_string(hide_password=False))
    try:
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    url = make_url(POSTGRES_URL).set(drivername="postgresql+asyncpg", database=name)
    yield await _migrated(url.render_as_string(hide_password=False))
    connection = await asyncpg.connect(admin.render_as_string(hide_password=False))
    try:
        await connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    finally:
        await connection.close()


@pytest.fixture(params=["sqlite", "postgres"])
async def database_url(request: pytest.FixtureRequest) -> str:
    """Run a test on SQLite and on PostgreSQL."""
    return str(request.getfixturevalue(f"{request.param}_url"))
