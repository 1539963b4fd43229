"""Requests that arrive together, handled together: a queue drained in batches.

No timer: while a batch is being handled, what arrives meanwhile waits and forms the next
batch (group commit), so a lone request is not delayed and a busy process makes big batches.
Up to `in_flight` batches are handled at once (on PostgreSQL a batch mostly waits on round
trips, so a second one in flight keeps the CPU busy meanwhile), but one beside a batch in
flight only once `fill` requests wait for it: started for whatever had arrived, it took one or
two requests, each batch costing its round trips and thread hops whatever its size
(bench/scale.py: ~0.55 statements an update with two processes, ~0.4 with `fill` 8; one
process ~0.38 -> ~0.30). Then two requests of the same
`key` (a user) are never in two batches at once, and a later one waits for the batch of the
earlier, so one user's requests keep their order. The tasks live only while there is work, so
nothing is left running when the app stops.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Batches(Generic[T, R]):
    def __init__(
        self,
        handle: Callable[[list[T]], Awaitable[Sequence[R]]],
        max_size: int,
        *,
        in_flight: int = 1,
        fill: int = 1,
        key: Callable[[T], Hashable] = id,
    ) -> None:
        self._handle = handle
        self._max_size = max_size
        self._in_flight = in_flight
        self._fill = fill
        self._key = key
        self._waiting: list[tuple[T, asyncio.Future[R]]] = []
        self._busy: set[Hashable] = set()  # keys of the batches being handled
        self._workers: set[asyncio.Task[None]] = set()  # draining the queue

    def submit(self, item: T) -> asyncio.Future[R]:
        future: asyncio.Future[R] = asyncio.get_running_loop().create_future()
        self._waiting.append((item, future))
        self._start_worker()
        return future

    def _start_worker(self) -> None:
        enough = self._fill if self._workers else 1  # to start a batch beside one in flight
        if len(self._workers) < self._in_flight and len(self._waiting) >= enough:
            self._workers.add(asyncio.get_running_loop().create_task(self._drain()))

    def _take(self) -> list[tuple[T, asyncio.Future[R]]]:
        """The next batch: in arrival order, none of a key that is in a batch being handled
        (nor after an earlier request of its key that had to wait)."""
        if self._in_flight == 1:
            batch = self._waiting[: self._max_size]
            del self._waiting[: self._max_size]
            return batch
        batch, kept, held = [], [], set(self._busy)
        for entry in self._waiting:
            key = self._key(entry[0])
            if len(batch) < self._max_size and key not in held:
                batch.append(entry)
            else:
                kept.append(entry)
                held.add(key)
        self._waiting = kept
        return batch

    async def _drain(self) -> None:
        try:
            await self._drain_batches()
        finally:  # at once, not in a done callback: a request submitted meanwhile needs a worker
            self._workers.discard(asyncio.current_task())

    async def _drain_batches(self) -> None:
        await asyncio.sleep(0)  # requests read in the same turn of the loop join
        while batch := self._take():
            keys = {self._key(item) for item, _ in batch} if self._in_flight > 1 else set()
            self._busy |= keys
            self._start_worker()  # what waits for none of these keys goes in another batch
            try:
                results = await self._handle([item for item, _ in batch])
            except Exception as error:
                for _, future in batch:
                    if not future.done():
                        future.set_exception(error)
                continue
            except BaseException as stop:  # cancelled: nobody is left waiting forever
                for _, future in batch + self._waiting:
                    if not future.done():
                        future.set_exception(stop)
                self._waiting.clear()
                raise
            finally:
                self._busy -= keys
            for (_, future), result in zip(batch, results, strict=True):
                if not future.done():
                    future.set_result(result)
