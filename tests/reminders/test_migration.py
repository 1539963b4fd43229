"""Migration 0002 creates the reminders table with its due-scan index, and drops it again."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from bot.storage.database import Database
from bot.storage.migrate import _config, upgrade


async def reminder_indexes(db: Database) -> set[str] | None:
    async with db.engine.connect() as connection:

        def read(sync) -> set[str] | None:  # type: ignore[no-untyped-def]
            found = inspect(sync)
            if not found.has_table("reminders"):
                return None
            return {index["name"] for index in found.get_indexes("reminders")}

        return await connection.run_sync(read)


async def test_reminders_migration_upgrades_and_downgrades(database_url: str) -> None:
    db = Database(database_url)
    try:
        assert await reminder_indexes(db) == {
            "ix_reminders_status_due_at",
            "ix_reminders_user_id_status",
        }
        async with db.engine.begin() as connection:
            await connection.run_sync(lambda sync: command.downgrade(_config(sync), "0001"))
        assert await reminder_indexes(db) is None
        await upgrade(db)
        assert await reminder_indexes(db) == {
            "ix_reminders_status_due_at",
            "ix_reminders_user_id_status",
        }
    finally:
        await db.dispose()
