"""The aiohttp application of `jifen serve`: web chat, webhooks, console, health.

Metrics have their own listener (bot.observability.metrics_listener, started by serve)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from importlib import import_module

from aiohttp import web

from bot import trusted_proxies
from bot.background import while_app_runs
from bot.config import Settings
from bot.delivery import sweep_forever
from bot.observability.metrics import watch_database
from bot.reminders.background import reminder_worker
from bot.retention import Periods, retention_forever
from bot.runtime import RUNTIME, Runtime
from bot.storage.migrate import prepare
from bot.support.learning.watch import follow_forever
from faq.retrieve import default_retriever

# Each channel's package, in the order they are set up, and the setting without which it does
# not run (None: always). One not set is not imported: aiogram alone took 3 s of CPU to import,
# a third of a `jifen serve` start without Telegram.
CHANNELS = (
    ("bot.channels.web", None),
    ("bot.channels.wechat", "wechat_token"),
    ("bot.channels.telegram", "telegram_token"),
    ("bot.support.console", None),
)


def channels(settings: Settings) -> list[str]:
    """The packages of the channels `settings` turn on."""
    return [name for name, needs in CHANNELS if not needs or getattr(settings, needs) is not None]


def build_app(runtime: Runtime) -> web.Application:
    proxies = trusted_proxies.parse(runtime.settings.trusted_proxies)
    app = web.Application(
        client_max_size=256 * 1024, middlewares=[trusted_proxies.middleware(proxies)]
    )
    app[RUNTIME] = runtime
    app.cleanup_ctx.append(_database)
    app.on_startup.append(_warm_faq)
    for channel in channels(runtime.settings):
        import_module(channel).setup(app, runtime)
    if runtime.settings.reminders_in_serve:  # the worker's jobs, unless a separate worker runs
        app.cleanup_ctx.append(reminder_worker)  # after the channels: it uses their senders
        app.cleanup_ctx.append(while_app_runs(_retention))
    app.cleanup_ctx.append(while_app_runs(lambda started: sweep_forever(started[RUNTIME].outbox)))
    app.cleanup_ctx.append(while_app_runs(lambda started: follow_forever(started[RUNTIME].db)))
    app.router.add_get("/healthz", healthz)
    watch_database(runtime.db)
    return app


async def _database(app: web.Application) -> AsyncIterator[None]:
    runtime = app[RUNTIME]
    await prepare(runtime.db)
    yield
    await runtime.outbox.marks.flush()
    await runtime.db.dispose()


async def _warm_faq(_app: web.Application) -> None:
    """Load jieba and build the FAQ index before the first request, off the event loop:
    built lazily, the first question would stall every request (and WeChat's deadline)."""
    await asyncio.to_thread(default_retriever)


async def _retention(app: web.Application) -> None:
    runtime = app[RUNTIME]
    await retention_forever(runtime.db, Periods.of(runtime.settings), runtime.clock)


async def healthz(request: web.Request) -> web.Response:
    runtime = request.app[RUNTIME]
    try:
        async with runtime.db.engine.connect() as connection:
            await connection.exec_driver_sql("SELECT 1")
    except Exception:
        return web.json_response({"status": "database unavailable"}, status=503)
    return web.json_response({"status": "ok"})
