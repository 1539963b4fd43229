"""The aiohttp application of `jifen serve`: web chat, webhooks, console, health, metrics."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from aiohttp import web

from bot import observability
from bot.channels import telegram, wechat
from bot.channels import web as web_channel
from bot.delivery import sweep_forever
from bot.reminders.background import reminder_worker
from bot.retention import retention_forever
from bot.runtime import RUNTIME, Runtime
from bot.storage.migrate import prepare
from bot.support import console
from faq.retrieve import default_retriever

CHANNELS = (web_channel, wechat, telegram, console)


def build_app(runtime: Runtime) -> web.Application:
    app = web.Application(client_max_size=256 * 1024)
    app[RUNTIME] = runtime
    app.cleanup_ctx.append(_database)
    app.on_startup.append(_warm_faq)
    for channel in CHANNELS:
        channel.setup(app, runtime)
    if runtime.settings.reminders_in_serve:  # the worker's jobs, unless a separate worker runs
        app.cleanup_ctx.append(reminder_worker)  # after the channels: it uses their senders
        app.cleanup_ctx.append(_retention)
    app.cleanup_ctx.append(_outbox_sweeper)
    app.router.add_get("/healthz", healthz)
    observability.setup(app, runtime)
    return app


async def _database(app: web.Application) -> AsyncIterator[None]:
    runtime = app[RUNTIME]
    await prepare(runtime.db)
    yield
    await runtime.db.dispose()


async def _warm_faq(_app: web.Application) -> None:
    """Load jieba and build the FAQ index before the first request, off the event loop:
    built lazily, the first question would stall every request (and WeChat's deadline)."""
    await asyncio.to_thread(default_retriever)


async def _outbox_sweeper(app: web.Application) -> AsyncIterator[None]:
    task = asyncio.create_task(sweep_forever(app[RUNTIME].outbox))
    yield
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


async def _retention(app: web.Application) -> AsyncIterator[None]:
    runtime = app[RUNTIME]
    task = asyncio.create_task(
        retention_forever(runtime.db, runtime.settings.transcript_retention_days, runtime.clock)
    )
    yield
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


async def healthz(request: web.Request) -> web.Response:
    runtime = request.app[RUNTIME]
    try:
        async with runtime.db.engine.connect() as connection:
            await connection.exec_driver_sql("SELECT 1")
    except Exception:
        return web.json_response({"status": "database unavailable"}, status=503)
    return web.json_response({"status": "ok"})
