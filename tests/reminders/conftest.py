"""Fakes for the reminder tests: a settable clock and a recording channel sender."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import datetime, timedelta

import pytest
from sqlalchemy import insert

from bot.clock import SHANGHAI
from bot.delivery import RetryLater
from bot.reminders.messages import payload
from bot.reminders.models import Reminder
from bot.storage.database import Database
from bot.storage.models import User
from dialogs.types import Reply


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


class FakeSender:
    """A channel that records what it was asked to send; `failures` maps a user to the
    exception their next sends raise; `hold` makes every send wait until it is set."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []
        self.failures: dict[str, Exception] = {}
        self.hold: asyncio.Event | None = None
        self.started = asyncio.Event()

    async def send(self, user: str, reply: Reply) -> None:
        self.started.set()
        if self.hold is not None:
            await self.hold.wait()
        failure = self.failures.get(user)
        if failure is not None:
            if isinstance(failure, RetryLater):
                del self.failures[user]
            raise failure
        await asyncio.sleep(0)
        self.sent.append((user, reply.text))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI))


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Database]:
    database = Database(database_url)
    yield database
    await database.dispose()


async def add_users(
    db: Database, count: int, *, channel: str = "telegram", now: datetime, unreachable: bool = False
) -> list[int]:
    async with db.transaction() as session:
        rows = [
            {
                "channel": channel,
                "external_id": f"{channel}-{i}",
                "unreachable": unreachable,
                "created_at": now,
            }
            for i in range(count)
        ]
        result = await session.execute(insert(User).returning(User.id), rows)
        return list(result.scalars())


async def add_due_reminders(
    db: Database, user_ids: list[int], *, due: datetime, per_user: int = 1
) -> None:
    """One goal-month reminder per user and month, due at `due` (its text names the month)."""
    rows = [
        {
            "user_id": user_id,
            "kind": "goal_month",
            "due_at": due,
            "status": "pending",
            "attempts": 0,
            "payload": payload("goal_month", "zh-CN", {"year": 2027, "month": month + 1}),
            "created_at": due,
        }
        for user_id in user_ids
        for month in range(per_user)
    ]
    async with db.transaction() as session:
        await session.execute(insert(Reminder), rows)


@pytest.fixture
def sender() -> FakeSender:
    return FakeSender()


@pytest.fixture
def make_sender() -> type[FakeSender]:
    return FakeSender


@pytest.fixture
def users(db: Database, clock: FakeClock) -> Callable[..., Awaitable[list[int]]]:
    """`await users(count, channel=..., unreachable=...)` -> their ids."""

    async def make(count: int, **options: object) -> list[int]:
        return await add_users(db, count, now=clock(), **options)  # type: ignore[arg-type]

    return make


@pytest.fixture
def due_reminders(db: Database, clock: FakeClock) -> Callable[..., Awaitable[None]]:
    """`await due_reminders(user_ids, per_user=1)`: goal-month reminders due now."""

    async def make(user_ids: list[int], per_user: int = 1) -> None:
        await add_due_reminders(db, user_ids, due=clock(), per_user=per_user)

    return make
