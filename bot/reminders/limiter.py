"""Send-rate limits of one channel: so many messages per second overall, one per chat per
interval (Telegram: about 30/s overall, 1/s per chat).

Each caller reserves its slot before it sleeps, so concurrent senders get distinct slots.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

Sleep = Callable[[float], Awaitable[None]]
CHATS_KEPT = 10_000


class RateLimiter:
    def __init__(
        self,
        per_second: float,
        chat_interval: float,
        *,
        burst: int = 1,
        clock: Callable[[], float] = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.spacing = 1.0 / per_second
        self.tolerance = (burst - 1) * self.spacing
        self.chat_interval = chat_interval
        self.clock = clock
        self.sleep = sleep
        self._next_global = 0.0  # theoretical arrival time of the next message (GCRA)
        self._next_chat: dict[str, float] = {}

    def reserve(self, chat: str) -> float:
        """Take the next free slot for `chat`; returns how long to wait for it."""
        now = self.clock()
        at = max(now, self._next_global - self.tolerance, self._next_chat.get(chat, now))
        self._next_global = max(self._next_global, at) + self.spacing
        self._next_chat[chat] = at + self.chat_interval
        if len(self._next_chat) > CHATS_KEPT:
            self._next_chat = {key: t for key, t in self._next_chat.items() if t > now}
        return at - now

    async def wait(self, chat: str) -> None:
        delay = self.reserve(chat)
        if delay > 0:
            await self.sleep(delay)
