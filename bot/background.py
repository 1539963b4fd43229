"""Background loops that live as long as the aiohttp app: started with it, cancelled at cleanup."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Any

from aiohttp import web

CleanupContext = Callable[[web.Application], AsyncIterator[None]]


def while_app_runs(work: Callable[[web.Application], Coroutine[Any, Any, None]]) -> CleanupContext:
    """An aiohttp cleanup context that runs `work(app)` as a task until the app stops."""

    async def context(app: web.Application) -> AsyncIterator[None]:
        task = asyncio.create_task(work(app))
        yield
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    return context
