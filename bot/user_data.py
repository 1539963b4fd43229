"""Everything stored about one person, to export or to erase.

About a person are the `users` row, every row of a table with a `user_id` (conversation,
transcript, outbox, processed messages, reminders, handoffs, unanswered questions, and any
table added later) and, for WeChat, the 订阅通知 consent kept in `api_tokens` under their
openid. `jifen user export|delete` and the retention of inactive users both go through here.

On SQLite a DELETE only marks the space free: the bytes stay in the database file until
reused, and the pages as they were stay in the write-ahead log (-wal) until a checkpoint.
So an erasure overwrites what it deletes (`PRAGMA secure_delete`) and `jifen user delete`, as
the chat's "删除我的数据" (bot/service.py), then checkpoints the log into the database and
truncates it. PostgreSQL: see the README
("Security").
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import ColumnElement, Table, delete, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.database import Database
from bot.storage.models import ApiToken, User
from bot.storage.personal import KEPT, forget_user
from bot.storage.tables import metadata


def personal_tables() -> list[Table]:
    return [table for table in metadata.sorted_tables if "user_id" in table.c]


def consent_tokens(user: User) -> ColumnElement[bool]:
    """Rows of api_tokens that are about this person (see bot/channels/wechat/store.py)."""
    return ApiToken.name == f"{user.channel}-consent:{user.external_id}"


async def export_user(session: AsyncSession, user: User) -> dict[str, Any]:
    tables: dict[str, list[dict[str, Any]]] = {}
    for table in personal_tables():
        rows = await session.execute(
            select(table).where(table.c.user_id == user.id).order_by(*table.primary_key.columns)
        )
        tables[table.name] = [dict(row._mapping) for row in rows]
    tokens = await session.execute(select(ApiToken.__table__).where(consent_tokens(user)))
    tables[ApiToken.__tablename__] = [dict(row._mapping) for row in tokens]
    row = await session.execute(select(User.__table__).where(User.id == user.id))
    return {"user": dict(row.one()._mapping), "tables": tables}


async def erase_user(session: AsyncSession, user: User) -> None:
    """Every row about them, the user row included: if they write again they are new."""
    async with overwriting_deletes(session):
        await forget_user(session, user.id)
        for table in personal_tables():
            if table.name in KEPT:
                await session.execute(delete(table).where(table.c.user_id == user.id))
        await session.execute(delete(ApiToken).where(consent_tokens(user)))
        await session.execute(delete(User).where(User.id == user.id))


@asynccontextmanager
async def overwriting_deletes(session: AsyncSession, on: bool = True) -> AsyncIterator[None]:
    """SQLite: what is deleted or overwritten inside is overwritten with zeros. A
    per-connection setting, set back as it was (Debian builds SQLite with it on) before the
    connection returns to the pool."""
    if not on or session.get_bind().dialect.name != "sqlite":
        yield
        return
    was = int(await session.scalar(text("PRAGMA secure_delete")) or 0)
    await session.execute(text("PRAGMA secure_delete = ON"))
    yield
    await session.execute(text(f"PRAGMA secure_delete = {was}"))


async def truncate_log(db: Database) -> None:
    """SQLite: copy the write-ahead log into the database and empty it, so the page images
    from before an erasure are gone (waits for readers, up to the busy timeout)."""
    if db.is_sqlite:
        async with db.engine.connect() as connection:
            # Outside a transaction, which the engine would open (BEGIN IMMEDIATE) around it.
            raw = (await connection.get_raw_connection()).driver_connection
            assert raw is not None
            await raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
