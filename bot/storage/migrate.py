"""Alembic owns the schema: `jifen migrate` upgrades, `jifen serve` checks it is current."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import select

from bot.storage.database import Database
from bot.storage.models import DatabaseIdentity

MIGRATIONS = Path(__file__).with_name("migrations")


class SchemaOutOfDate(RuntimeError):
    pass


def _config(connection: Any = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(_config()).get_current_head()


async def upgrade(db: Database, revision: str = "head") -> None:
    async with db.engine.begin() as connection:
        await connection.run_sync(lambda sync: command.upgrade(_config(sync), revision))


async def current_revision(db: Database) -> str | None:
    async with db.engine.connect() as connection:
        return await connection.run_sync(
            lambda sync: MigrationContext.configure(sync).get_current_revision()
        )


async def require_current(db: Database) -> None:
    """Refuse to run on a schema this code does not know (older, newer or none). On one that
    it knows, learn the database's identity (`Database.identity`)."""
    current, head = await current_revision(db), head_revision()
    if current != head:
        raise SchemaOutOfDate(
            f"database schema is at {current or 'nothing'}, this version needs {head}: "
            "run `jifen migrate`"
        )
    async with db.engine.connect() as connection:
        db.identity = await connection.scalar(select(DatabaseIdentity.id).limit(1))


async def prepare(db: Database) -> None:
    """Make the database ready for `jifen serve` and `jifen chat`.

    The default SQLite file is migrated in place, so a fresh machine needs no extra step;
    any other database (PostgreSQL, shared by several processes) is migrated explicitly with
    `jifen migrate`, and a schema that differs from this code's is refused.
    """
    if db.is_sqlite:
        await upgrade(db)
    await require_current(db)
