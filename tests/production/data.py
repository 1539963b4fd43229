"""Conversations and rows the personal-data and retention tests start from."""

from __future__ import annotations

import asyncio
import itertools

from sqlalchemy import func, select
from sqlalchemy.sql.schema import Table

from bot.channels.wechat.store import record_consent
from bot.cli import main
from bot.commands.user import Who as Person
from bot.config import Settings
from bot.reminders.models import Reminder
from bot.runtime import Runtime, build_runtime
from bot.storage.models import User
from bot.storage.tables import metadata
from bot.support.models import Handoff
from dialogs.types import Inbound
from tests.bot.helpers import FakeClock

POINTS = ["/start", "算积分", "30", "本科", "有", "没有", "3年", "1倍", "都没有", "否"]
_ids = itertools.count()


def runtime_on(database_url: str, clock: FakeClock) -> Runtime:
    return build_runtime(Settings(database_url=database_url), clock=clock)


async def converse(runtime: Runtime, person: Person, *texts: str) -> None:
    for text in texts:
        await runtime.service.handle(
            Inbound(
                person.channel, person.external_id, f"m{next(_ids)}", runtime.clock(), text=text
            )
        )


async def with_everything(runtime: Runtime, person: Person) -> int:
    """A user who went through the points questions, has a reminder, asked for a person,
    and (on WeChat) accepted a subscription message; returns their user id."""
    await converse(runtime, person, *POINTS)
    now = runtime.clock()
    async with runtime.db.transaction() as session:
        user_id = await session.scalar(
            select(User.id).where(
                User.channel == person.channel, User.external_id == person.external_id
            )
        )
        assert user_id is not None
        session.add(
            Reminder(
                user_id=user_id, kind="endorse", due_at=now, status="pending", attempts=0,
                payload={"locale": "zh-CN", "key": "k", "values": {}}, created_at=now,
            )
        )  # fmt: skip
        session.add(Handoff(user_id=user_id, status="waiting", reason="asked", created_at=now))
    if person.channel == "wechat":
        await record_consent(runtime.db, person.external_id, "template-1", now)
    return user_id


def personal_tables() -> list[Table]:
    return [table for table in metadata.sorted_tables if "user_id" in table.c]


async def rows_of(runtime: Runtime, user_id: int) -> dict[str, int]:
    """How many rows each table holds about the user (the users row included)."""
    counts: dict[str, int] = {}
    async with runtime.db.transaction() as session:
        for table in personal_tables():
            counts[table.name] = int(
                await session.scalar(
                    select(func.count()).select_from(table).where(table.c.user_id == user_id)
                )
                or 0
            )
        counts["users"] = int(
            await session.scalar(select(func.count()).select_from(User).where(User.id == user_id))
            or 0
        )
    return counts


async def jifen(*args: str) -> int:
    """The command line, as an operator runs it (in a thread: it runs its own event loop)."""
    return await asyncio.to_thread(main, list(args))
