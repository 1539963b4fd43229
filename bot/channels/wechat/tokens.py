"""The access token, shared by every process through the api_tokens table.

One process at a time refreshes it: the row is locked (FOR UPDATE on PostgreSQL; SQLite's
BEGIN IMMEDIATE takes the write lock) while the new token is fetched, and a process that
waited finds the fresh token and uses it. WeChat keeps the old token valid for five minutes
after a refresh, so the others' in-flight calls still succeed.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from bot.clock import Clock
from bot.storage.database import Database
from bot.storage.models import ApiToken

EARLY = timedelta(minutes=5)  # refresh this long before the expiry WeChat announced
NEVER_VALID = datetime(2000, 1, 1, tzinfo=UTC)

Fetch = Callable[[], Awaitable[tuple[str, int]]]  # -> (token, seconds it lives)


class AccessTokens:
    def __init__(self, db: Database, name: str, fetch: Fetch, clock: Clock) -> None:
        self._db = db
        self._name = name
        self._fetch = fetch
        self._clock = clock
        self._cached: tuple[str, datetime] | None = None
        self._refreshing = asyncio.Lock()

    async def current(self) -> str:
        if self._cached is not None and self._fresh(self._cached[1]):
            return self._cached[0]
        async with self._db.transaction() as session:
            row = await session.get(ApiToken, self._name)
            stored = (row.value, row.expires_at) if row is not None else None
        if stored is not None and self._fresh(stored[1]):
            self._cached = stored
            return stored[0]
        return await self.refresh(stale=stored[0] if stored else None)

    async def refresh(self, stale: str | None) -> str:
        """A new token, unless someone already replaced `stale` with a fresh one."""
        async with self._refreshing:
            await self._ensure_row()
            async with self._db.transaction() as session:
                row = await session.scalar(
                    select(ApiToken).where(ApiToken.name == self._name).with_for_update()
                )
                assert row is not None  # rows are never deleted
                if row.value == stale or not self._fresh(row.expires_at):
                    row.value, seconds = await self._fetch()
                    row.expires_at = self._clock() + timedelta(seconds=seconds)
                self._cached = (row.value, row.expires_at)
            return self._cached[0]

    async def _ensure_row(self) -> None:
        """An (expired) row to lock: FOR UPDATE cannot lock a row that does not exist yet."""
        try:
            async with self._db.transaction() as session:
                if await session.get(ApiToken, self._name) is None:
                    session.add(ApiToken(name=self._name, value="", expires_at=NEVER_VALID))
        except IntegrityError:  # another process inserted it meanwhile
            pass

    def _fresh(self, expires_at: datetime) -> bool:
        return expires_at - EARLY > self._clock()
