"""What operators watch: Prometheus metrics at /metrics and one log line per event.

The service, the outbox and the reminder worker import `bot.observability.metrics` directly;
this package imports nothing of theirs at module level, so that does not import in a circle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST

from bot.observability.metrics import exposition, watch_database

if TYPE_CHECKING:
    from bot.runtime import Runtime


def setup(app: web.Application, runtime: Runtime) -> None:
    async def metrics(_request: web.Request) -> web.Response:
        body = await exposition(runtime.db, runtime.clock())
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    watch_database(runtime.db)
    app.router.add_get("/metrics", metrics)
