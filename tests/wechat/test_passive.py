"""A reply goes to a WeChat user either passively (in the HTTP response) or through the
customer-service API by the outbox, never both; a passive reply whose response could not be
written is given back, for WeChat's retry or the outbox."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.channels.wechat import passive
from bot.channels.wechat.passive import PASSIVE_LEASE
from bot.delivery import Outbox
from bot.storage import conversations as store
from bot.storage.conversations import REPLY_LEASE
from bot.storage.database import Database
from bot.storage.models import OutboxReply
from dialogs.types import Reply

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
# When the process taking the replies started: after the step that queued them (at NOW)
# committed, so the process that stepped the message has died; or before it, so the process
# may be the one answering that message right now.
AFTER_THE_STEP = NOW + timedelta(seconds=1)
BEFORE_THE_STEP = NOW - timedelta(minutes=5)


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


class SlowCustomerService:
    """The customer-service sender, taking its time; says when a send has started."""

    def __init__(self) -> None:
        self.sent: list[str] = []
        self.started = asyncio.Event()
        self.go_on = asyncio.Event()

    async def send(self, user: str, reply: Reply) -> None:
        self.started.set()
        await self.go_on.wait()
        self.sent.append(reply.text)


@pytest.fixture
async def db(database_url: str):  # type: ignore[no-untyped-def]
    database = Database(database_url)
    yield database
    await database.dispose()


async def _queued(db: Database, *texts: str) -> list[int]:
    async with db.transaction() as session:
        user = await store.get_or_create_user(session, "wechat", "openid-1", NOW)
        return await store.enqueue_replies(session, user.id, [Reply(t) for t in texts], NOW)


async def _statuses(db: Database) -> list[str]:
    async with db.transaction() as session:
        return list(await session.scalars(select(OutboxReply.status).order_by(OutboxReply.id)))


async def test_unsent_replies_are_taken_for_the_passive_reply_once(db: Database) -> None:
    ids = await _queued(db, "一", "二")
    assert await passive.take(db, ids, NOW, AFTER_THE_STEP)
    assert not await passive.take(db, ids, NOW, AFTER_THE_STEP), "a retry does not take them again"
    assert await _statuses(db) == ["pending", "pending"], "sent only once the response went"


async def test_a_retry_does_not_take_the_replies_its_own_process_is_handing_over(
    db: Database,
) -> None:
    """Copies of one MsgId posted together: the first copy's request answers with the step's
    replies without taking them, so a copy stepped meanwhile must not take them too."""
    ids = await _queued(db, "只回一次")
    assert not await passive.take(db, ids, NOW, BEFORE_THE_STEP)
    assert not await passive.take(db, ids, NOW + REPLY_LEASE / 2, BEFORE_THE_STEP)
    assert await passive.take(db, ids, NOW + REPLY_LEASE, BEFORE_THE_STEP), "lease ran out"


async def test_a_reply_the_sweep_is_sending_is_not_taken_for_the_passive_reply(
    db: Database,
) -> None:
    clock, customer_service = Clock(), SlowCustomerService()
    ids = await _queued(db, "只发一次")
    clock.now += REPLY_LEASE * 2  # the step's process died; another's sweep picks it up
    sweep = asyncio.create_task(Outbox(db, {"wechat": customer_service}, clock).deliver_due())
    await customer_service.started.wait()
    taken = await passive.take(db, ids, clock(), AFTER_THE_STEP)
    customer_service.go_on.set()
    await sweep
    assert not taken
    assert customer_service.sent == ["只发一次"]


async def test_taking_is_all_or_nothing(db: Database) -> None:
    first, second = await _queued(db, "一", "二")
    assert await passive.take(db, [first], NOW, AFTER_THE_STEP)
    assert not await passive.take(db, [first, second], NOW, AFTER_THE_STEP)
    assert await passive.take(db, [second], NOW, AFTER_THE_STEP)


async def test_a_taken_reply_is_not_swept_before_its_lease_ends(db: Database) -> None:
    clock, customer_service = Clock(), SlowCustomerService()
    customer_service.go_on.set()
    ids = await _queued(db, "正在被动回复")
    assert await passive.take(db, ids, NOW, AFTER_THE_STEP)
    assert await Outbox(db, {"wechat": customer_service}, clock).deliver_due() == 0
    clock.now += PASSIVE_LEASE  # the process that took it died before writing the response
    await Outbox(db, {"wechat": customer_service}, clock).deliver_due()
    assert customer_service.sent == ["正在被动回复"]


async def test_a_released_reply_goes_once_to_the_retry_or_through_the_outbox(
    db: Database,
) -> None:
    clock, customer_service = Clock(), SlowCustomerService()
    customer_service.go_on.set()
    outbox = Outbox(db, {"wechat": customer_service}, clock)
    retried, swept = await _queued(db, "重试拿到"), await _queued(db, "客服消息发出")
    for ids in (retried, swept):
        assert await passive.take(db, ids, NOW, AFTER_THE_STEP)
        await passive.release(db, ids, NOW)  # the response could not be written
    assert await passive.take(db, retried, NOW, BEFORE_THE_STEP), "WeChat's retry hands it over"
    await outbox.deliver_due()
    assert customer_service.sent == ["客服消息发出"]
    assert not await passive.take(db, swept, NOW, AFTER_THE_STEP), "the sweep sent it: success"
