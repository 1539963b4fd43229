"""Requests that arrive together, handled together: a queue drained in batches by one task.

No timer: while a batch is being handled, what arrives meanwhile waits and forms the next
batch (group commit), so a lone request is not delayed and a busy process makes big batches.
The task lives only while there is work, so nothing is left running when the app stops.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Batches(Generic[T, R]):
    def __init__(self, handle: Callable[[list[T]], Awaitable[Sequence[R]]], max_size: int) -> None:
        self._handle = handle
        self._max_size = max_size
        self._waiting: list[tuple[T, asyncio.Future[R]]] = []
        self._worker: asyncio.Task[None] | None = None

    def submit(self, item: T) -> asyncio.Future[R]:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[R] = loop.create_future()
        self._waiting.append((item, future))
        if self._worker is None:
            self._worker = loop.create_task(self._drain())
        return future

    async def _drain(self) -> None:
        try:
            await asyncio.sleep(0)  # requests read in the same turn of the loop join
            while self._waiting:
                batch = self._waiting[: self._max_size]
                del self._waiting[: self._max_size]
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
                for (_, future), result in zip(batch, results, strict=True):
                    if not future.done():
                        future.set_result(result)
        finally:
            self._worker = None
