"""What operators watch: Prometheus metrics on their own listener and one log line per event.

/metrics is not on the public listener: it is served by a second one (JIFEN_METRICS_HOST,
127.0.0.1 by default, and JIFEN_METRICS_PORT, 9464; 0 turns it off), which `jifen serve`
starts beside the main one. What the metrics show (queue lengths, traffic per channel) is
nobody's business outside, and the scrape reads the database.

The service, the outbox and the reminder worker import `bot.observability.metrics` directly;
this package imports nothing of theirs at module level, so that does not import in a circle.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST

from bot.observability.metrics import exposition, watch_database

if TYPE_CHECKING:
    from bot.runtime import Runtime

log = logging.getLogger(__name__)


def metrics_app(runtime: Runtime) -> web.Application:
    async def metrics(_request: web.Request) -> web.Response:
        body = await exposition(runtime.db, runtime.clock())
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    watch_database(runtime.db)
    app = web.Application()
    app.router.add_get("/metrics", metrics)
    return app


def metrics_listener(runtime: Runtime) -> Callable[[web.Application], AsyncIterator[None]]:
    """A cleanup context for the main app: the metrics listener lives as long as it does."""

    async def listen(_main: web.Application) -> AsyncIterator[None]:
        host, port = runtime.settings.metrics_host, runtime.settings.metrics_port
        if not port:
            yield
            return
        runner = web.AppRunner(metrics_app(runtime), access_log=None)
        await runner.setup()
        await web.TCPSite(runner, host, port).start()
        log.info("metrics at http://%s:%s/metrics", host, port)
        try:
            yield
        finally:
            await runner.cleanup()

    return listen
