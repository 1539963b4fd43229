"""The reminder worker inside `jifen serve`, beside the web app, on the shared runtime."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from aiohttp import web

from bot.reminders.worker import ReminderWorker, WorkerOptions
from bot.runtime import RUNTIME, Runtime


async def run_worker(
    runtime: Runtime, stop: asyncio.Event, options: WorkerOptions | None = None
) -> None:
    """Until `stop` is set; the batch in hand is finished first."""
    worker = ReminderWorker(
        runtime.db, runtime.senders, clock=runtime.clock, options=options or WorkerOptions()
    )
    await worker.run(stop)


async def reminder_worker(app: web.Application) -> AsyncIterator[None]:
    """aiohttp cleanup context: append it after the channels', so their senders are in place."""
    stop = asyncio.Event()
    task = asyncio.create_task(run_worker(app[RUNTIME], stop))
    yield
    stop.set()
    await task
