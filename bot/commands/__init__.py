"""One module per `jifen` subcommand; what several of them share is here."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.storage.database import Database
from bot.storage.migrate import prepare


@asynccontextmanager
async def database_session(settings: Settings) -> AsyncIterator[AsyncSession]:
    """For a one-off command: the database made ready, one transaction, then closed."""
    db = Database(settings.database_url)
    try:
        await prepare(db)
        async with db.transaction() as session:
            yield session
    finally:
        await db.dispose()
