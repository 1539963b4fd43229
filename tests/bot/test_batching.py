"""Batches on PostgreSQL: a second batch in flight only once enough requests wait for it."""

from __future__ import annotations

import asyncio

from bot.batching import Batches


async def turns(count: int = 10) -> None:
    for _ in range(count):
        await asyncio.sleep(0)


async def test_requests_trickling_in_beside_a_batch_in_flight_wait_to_go_together() -> None:
    """Started for each request as it came, a second batch took one at a time: a batch's round
    trips and thread hops for every update (bench/scale.py with two processes)."""
    started: list[list[int]] = []
    release = asyncio.Event()

    async def handle(items: list[int]) -> list[int]:
        started.append(items)
        await release.wait()
        return [item * 10 for item in items]

    batches: Batches[int, int] = Batches(handle, 16, in_flight=2, fill=3)
    futures = [batches.submit(1)]
    await turns()
    for item in (2, 3):  # one at a time, while the first batch is in flight
        futures.append(batches.submit(item))
        await turns()
    assert started == [[1]], "two waiting are not enough for a batch beside it"
    futures.append(batches.submit(4))
    await turns()
    assert started == [[1], [2, 3, 4]], "three are: a second batch goes beside the first"
    release.set()
    assert await asyncio.gather(*futures) == [10, 20, 30, 40]


async def test_what_waits_goes_in_the_next_batch_once_the_one_in_flight_is_done() -> None:
    started: list[list[int]] = []
    release = asyncio.Event()

    async def handle(items: list[int]) -> list[int]:
        started.append(items)
        await release.wait()
        return items

    batches: Batches[int, int] = Batches(handle, 16, in_flight=2, fill=8)
    futures = [batches.submit(1)]
    await turns()
    futures += [batches.submit(2), batches.submit(3)]
    await turns()
    release.set()
    assert await asyncio.gather(*futures) == [1, 2, 3]
    assert started == [[1], [2, 3]]
