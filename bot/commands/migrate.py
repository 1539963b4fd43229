"""`jifen migrate`: bring the database (JIFEN_DATABASE_URL) up to the current schema."""

from __future__ import annotations

import argparse
import asyncio

from bot.config import Settings
from bot.storage.database import Database
from bot.storage.migrate import current_revision, upgrade


def register(parser: argparse.ArgumentParser) -> None:
    parser.set_defaults(run=run)


def run(_args: argparse.Namespace) -> int:
    return asyncio.run(_migrate(Settings()))


async def _migrate(settings: Settings) -> int:
    db = Database(settings.database_url)
    try:
        await upgrade(db)
        print(f"database schema at revision {await current_revision(db)}")
    finally:
        await db.dispose()
    return 0
