"""An attacker creates visitors by the thousand from one address (1,000 in 15 s before): each
address gets a burst, then a trickle; the rest is refused with 429 before any work is done."""

from __future__ import annotations

import asyncio
import uuid

from sqlalchemy import func, select

from bot.channels.web.guard import MAX_ADDRESSES, TokenBucket
from bot.storage.models import User
from tests.security.web_site import VISITOR, web_site


async def test_a_flood_of_new_visitors_from_one_address_is_cut_off(database_url: str) -> None:
    async with web_site(database_url) as (client, runtime):
        burst = runtime.settings.web_rate_burst

        async def new_visitor() -> int:
            body = {"user": f"flood-{uuid.uuid4().hex}", "text": "/start"}
            return (await client.post("/api/chat", json=body)).status

        statuses = await asyncio.gather(*(new_visitor() for _ in range(burst + 100)))
        async with runtime.db.transaction() as session:
            created = await session.scalar(select(func.count()).select_from(User))
    assert statuses.count(429) >= 90
    assert set(statuses) == {200, 429}
    assert created == statuses.count(200) <= burst + 10


async def test_a_refused_visitor_is_told_when_to_come_back(sqlite_url: str) -> None:
    async with web_site(sqlite_url, web_rate_burst=2, web_rate_per_second=0.5) as (client, _):
        for _ in range(2):
            assert (await client.post("/api/chat", json={"user": VISITOR, "text": "hi"})).ok
        refused = await client.post("/api/chat", json={"user": VISITOR, "text": "hi"})
    assert refused.status == 429
    assert refused.headers["Retry-After"] == "2"


async def test_polling_has_its_own_budget_so_a_chatty_page_can_still_send(
    sqlite_url: str,
) -> None:
    async with web_site(sqlite_url, web_poll_rate_burst=3, web_poll_rate_per_second=0.01) as (
        client,
        _,
    ):
        headers = {"X-Jifen-User": VISITOR}
        polls = [(await client.get("/api/chat/updates", headers=headers)).status for _ in range(5)]
        sent = await client.post("/api/chat", json={"user": VISITOR, "text": "/start"})
    assert polls == [200, 200, 200, 429, 429]
    assert sent.status == 200


class Ticks:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_each_address_has_its_own_bucket_refilled_over_time() -> None:
    clock = Ticks()
    bucket = TokenBucket(rate=1.0, burst=2, clock=clock)
    assert [bucket.wait("10.0.0.1") for _ in range(3)] == [0, 0, 1.0]
    assert bucket.wait("10.0.0.2") == 0, "another address is not held back"
    clock.now = 1.0
    assert bucket.wait("10.0.0.1") == 0, "a second later one more"


def test_a_scan_of_many_addresses_does_not_grow_the_table_without_bound() -> None:
    clock = Ticks()
    bucket = TokenBucket(rate=1.0, burst=5, clock=clock)
    for n in range(MAX_ADDRESSES):
        bucket.wait(f"10.{n // 65536}.{n // 256 % 256}.{n % 256}")
    clock.now = 10.0  # every bucket is full again: idle
    bucket.wait("192.0.2.1")
    assert len(bucket._buckets) == 1
