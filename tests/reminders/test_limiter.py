"""The send-rate limiter, on a fake monotonic clock whose sleep moves time forward."""

from __future__ import annotations

import asyncio
import itertools

import pytest

from bot.reminders.limiter import RateLimiter


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


def telegram(fake_time: FakeTime, burst: int = 1) -> RateLimiter:
    return RateLimiter(30, 1.0, burst=burst, clock=fake_time, sleep=fake_time.sleep)


async def test_same_chat_gets_one_message_per_second(fake_time: FakeTime) -> None:
    limiter = telegram(fake_time)
    sent_at = []
    for _ in range(3):
        await limiter.wait("chat-1")
        sent_at.append(fake_time.now - 1000)
    assert sent_at == pytest.approx([0.0, 1.0, 2.0])


async def test_different_chats_share_thirty_per_second(fake_time: FakeTime) -> None:
    limiter = telegram(fake_time)
    sent_at = []
    for chat in range(61):
        await limiter.wait(f"chat-{chat}")
        sent_at.append(fake_time.now - 1000)
    assert sent_at[30] == pytest.approx(1.0)
    assert sent_at[60] == pytest.approx(2.0)
    assert all(b - a == pytest.approx(1 / 30) for a, b in itertools.pairwise(sent_at))


async def test_burst_lets_the_first_messages_go_at_once(fake_time: FakeTime) -> None:
    limiter = telegram(fake_time, burst=30)
    for chat in range(30):
        await limiter.wait(f"chat-{chat}")
    assert fake_time.sleeps == []
    await limiter.wait("chat-30")
    assert fake_time.now - 1000 == pytest.approx(1 / 30)


async def test_concurrent_callers_get_distinct_slots(fake_time: FakeTime) -> None:
    limiter = telegram(fake_time)
    delays = [limiter.reserve(f"chat-{i % 2}") for i in range(4)]
    # chats 0, 1, 0, 1: the global spacing separates 0 and 1, the per-chat second the rest
    assert delays == pytest.approx([0.0, 1 / 30, 1.0, 1.0 + 1 / 30])
    await asyncio.gather(*(limiter.wait("chat-9") for _ in range(2)))
    assert len(fake_time.sleeps) == 2


async def test_idle_time_is_not_saved_up_beyond_the_burst(fake_time: FakeTime) -> None:
    limiter = telegram(fake_time)
    await limiter.wait("a")
    fake_time.now += 60
    await limiter.wait("b")
    await limiter.wait("c")
    assert fake_time.sleeps == pytest.approx([1 / 30])
