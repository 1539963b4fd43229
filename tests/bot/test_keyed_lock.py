"""KeyedLock: one user's steps run one after the other, and no lock outlives its users."""

from __future__ import annotations

import asyncio

from bot.keyed_lock import KeyedLock


async def test_holders_of_one_key_take_turns_and_other_keys_do_not_wait() -> None:
    locks, trace = KeyedLock(), []

    async def hold(key: str, name: str) -> None:
        async with locks.hold(key):
            trace.append(f"{name} in")
            await asyncio.sleep(0.01)
            trace.append(f"{name} out")

    await asyncio.gather(hold("alice", "a1"), hold("alice", "a2"), hold("bob", "b1"))
    assert trace.index("a1 out") < trace.index("a2 in"), "alice's two steps never overlap"
    assert trace.index("b1 in") < trace.index("a1 out"), "bob does not wait for alice"


async def test_no_lock_is_kept_once_nobody_holds_or_awaits_it() -> None:
    locks = KeyedLock()

    async def hold(key: int) -> None:
        async with locks.hold(key):
            await asyncio.sleep(0)

    await asyncio.gather(*(hold(n % 7) for n in range(100)))
    assert len(locks) == 0
