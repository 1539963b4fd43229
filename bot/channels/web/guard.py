"""What stands between the open internet and the web chat: a rate limit per address, and the
headers that keep the page from being framed by strangers or its API from being sniffed.

The limit is a token bucket per client address, in memory: each process limits on its own,
which bounds what one address can do to N processes at N times the rate. Behind a reverse
proxy the address is the proxy's unless the proxy is trusted to tell the client's.
"""

from __future__ import annotations

import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

# Idle buckets are forgotten once this many addresses are known, so a scan of many
# addresses cannot grow the table without bound.
MAX_ADDRESSES = 10_000


@dataclass
class TokenBucket:
    """`burst` requests at once per key, refilled at `rate` per second; rate 0 = no limit."""

    rate: float
    burst: float
    clock: Callable[[], float] = time.monotonic
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict)

    def wait(self, key: str) -> float:
        """Take one token for `key`: 0 if there was one, else the seconds until there is."""
        if self.rate <= 0:
            return 0.0
        now = self.clock()
        tokens, at = self._buckets.get(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - at) * self.rate)
        if tokens < 1:
            self._buckets[key] = (tokens, now)
            return (1 - tokens) / self.rate
        if len(self._buckets) >= MAX_ADDRESSES and key not in self._buckets:
            self._forget_idle(now)
        self._buckets[key] = (tokens - 1, now)
        return 0.0

    def _forget_idle(self, now: float) -> None:
        full = [
            key
            for key, (tokens, at) in self._buckets.items()
            if tokens + (now - at) * self.rate >= self.burst
        ]
        for key in full:
            del self._buckets[key]


def limited(bucket: TokenBucket, handler: Handler) -> Handler:
    """`handler`, answering 429 with Retry-After to an address that ran out of tokens."""

    async def limited_handler(request: web.Request) -> web.StreamResponse:
        wait = bucket.wait(request.remote or "unknown")
        if wait:
            return web.json_response(
                {"error": "too many requests"},
                status=429,
                headers={"Retry-After": str(math.ceil(wait))},
            )
        return await handler(request)

    return limited_handler


def page_headers(frame_ancestors: str) -> dict[str, str]:
    """Headers of the chat page: its own script, style and API only, framed only by
    `frame_ancestors` (a CSP source list such as "'self' https://www.example.com")."""
    policy = (
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
        f"img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors {frame_ancestors}"
    )
    return {"Content-Security-Policy": policy, **API_HEADERS}


API_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
