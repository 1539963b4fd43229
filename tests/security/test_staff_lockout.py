"""An attacker tries to guess a staff password, or to lock every staff member out by failing
on purpose, possibly from many addresses, possibly lying in `X-Forwarded-For`.

What happens (OWASP's authentication guidance): a name from one address gets 5 failures in 15
minutes, then 429; one address gets 20 failures across names, then 429; a name is never
locked across addresses, its attempts only slowed (doubling, capped), so the owner still logs
in from elsewhere; `X-Forwarded-For` counts only when the connection comes from a configured
proxy.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.support.login import LoginLimits
from bot.trusted_proxies import client_address, parse
from tests.bot.helpers import FakeClock
from tests.security.conftest import LIMITS, PASSWORD, Site, attempt_login, build_site_app


async def test_five_failures_for_a_name_from_one_address_then_429_there_only(site: Site) -> None:
    await site.add_staff("alice")
    for n in range(5):
        assert await attempt_login(site.client, "alice", f"guess-{n}", "198.51.100.7") == 401
    assert await attempt_login(site.client, "alice", PASSWORD, "198.51.100.7") == 429
    assert await attempt_login(site.client, "alice", PASSWORD, "203.0.113.9") == 303


async def test_twenty_failures_from_one_address_across_names_then_429(site: Site) -> None:
    names = ["alice", "bob", "carol", "dave", "erin"]
    await site.add_staff(*names)
    for n in range(20):
        assert await attempt_login(site.client, names[n % 4], "wrong", "198.51.100.7") == 401
    assert await attempt_login(site.client, "alice", PASSWORD, "198.51.100.7") == 429
    assert await attempt_login(site.client, "alice", PASSWORD, "203.0.113.9") == 303


async def test_failures_from_many_addresses_slow_a_name_but_never_lock_it(site: Site) -> None:
    await site.add_staff("alice")
    for address in range(3):
        for n in range(5):
            status = await attempt_login(site.client, "alice", f"g{n}", f"198.51.100.{address}")
            assert status == 401
    started = time.monotonic()
    assert await attempt_login(site.client, "alice", PASSWORD, "203.0.113.9") == 303
    assert time.monotonic() - started >= LIMITS.delay_cap, "the owner waited the capped delay"


async def test_the_limit_lifts_after_the_window(site: Site) -> None:
    await site.add_staff("alice")
    for n in range(6):
        await attempt_login(site.client, "alice", f"guess-{n}", "198.51.100.7")
    assert await attempt_login(site.client, "alice", PASSWORD, "198.51.100.7") == 429
    site.clock.advance(minutes=16)
    assert await attempt_login(site.client, "alice", PASSWORD, "198.51.100.7") == 303


@pytest.fixture
async def no_proxy_site(sqlite_url: str) -> AsyncIterator[Site]:
    clock = FakeClock()
    runtime, app = build_site_app(sqlite_url, clock, proxies="")
    async with TestClient(TestServer(app)) as client:
        yield Site(runtime, client, clock)
    await runtime.db.dispose()


async def test_x_forwarded_for_from_an_unconfigured_peer_is_ignored(no_proxy_site: Site) -> None:
    site = no_proxy_site
    await site.add_staff("alice")
    for n in range(5):
        await attempt_login(site.client, "alice", f"guess-{n}", f"198.51.100.{n}")
    assert await attempt_login(site.client, "alice", PASSWORD, "203.0.113.9") == 429, (
        "all came from 127.0.0.1, whatever the header said"
    )


def test_the_client_is_the_first_untrusted_address_from_the_right() -> None:
    proxies = parse("10.0.0.0/8, 127.0.0.1")
    assert client_address("127.0.0.1", "1.2.3.4, 10.0.0.5", proxies) == "1.2.3.4"
    assert client_address("127.0.0.1", "6.6.6.6, 1.2.3.4", proxies) == "1.2.3.4", (
        "what the client wrote itself, further left, is not believed"
    )
    assert client_address("127.0.0.1", "junk, 10.0.0.5", proxies) == "10.0.0.5"
    assert client_address("8.8.8.8", "1.2.3.4", proxies) == "8.8.8.8", "not from a proxy"
    assert client_address("127.0.0.1", "1.2.3.4", ()) == "127.0.0.1", "no proxies configured"


def test_a_name_waits_longer_with_each_failure_up_to_thirty_seconds() -> None:
    limits = LoginLimits()
    waits = [limits.delay(failures) for failures in range(4, 13)]
    assert waits == [0, 0, 1, 2, 4, 8, 16, 30, 30]
    assert limits.delay(10**6) == 30
