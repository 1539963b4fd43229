"""An event loop in a thread of its own, for work that must not wait on the main loop's turns.

On the main loop, each round trip of a batch on PostgreSQL waits for a whole turn of everything
else the process is doing (when a batch made eight, under load ~280 ms a batch of ~13 messages
in bench/telegram.py; it makes two now, `bot.storage.batch_postgresql`). On a loop of its own,
an answer is read as soon as it arrives; the main loop meanwhile goes on serving requests and
sending replies.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

R = TypeVar("R")


class LoopThread:
    def __init__(self, name: str) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name=name, daemon=True)
        self._thread.start()

    async def run(self, work: Coroutine[Any, Any, R]) -> R:
        """Await `work` on this thread's loop (its exceptions come through as they are)."""
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(work, self._loop))

    async def close(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        await asyncio.to_thread(self._thread.join)
        self._loop.close()
