"""`jifen serve`: web chat, webhooks, staff console and background workers in one process,
and /metrics on a listener of its own (JIFEN_METRICS_HOST:JIFEN_METRICS_PORT)."""

from __future__ import annotations

import argparse
import gc
import logging
import sys

from aiohttp import web

from bot.app import build_app
from bot.config import Settings
from bot.observability import metrics_listener
from bot.observability.logs import LEVELS, AccessLog, configure_logging
from bot.runtime import build_runtime
from bot.storage.migrate import SchemaOutOfDate


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", help="address to listen on [JIFEN_HOST or 127.0.0.1]")
    parser.add_argument("--port", type=int, help="port to listen on [JIFEN_PORT or 8080]")
    parser.add_argument(
        "--log-level",
        choices=LEVELS,
        type=str.lower,
        help="log everything at this level [our events at info, chatty libraries at warning]",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    overrides = {
        key: value for key in ("host", "port") if (value := getattr(args, key)) is not None
    }
    settings = Settings(**overrides)
    configure_logging(settings.log_format, args.log_level)
    try:
        _serve(settings)
    except SchemaOutOfDate as error:
        print(f"jifen serve: {error}", file=sys.stderr)
        return 2
    return 0


def _serve(settings: Settings) -> None:
    """run_app stops accepting on SIGTERM/SIGINT, lets requests in flight finish, then runs
    the cleanup hooks (background workers stop, the database closes)."""
    runtime = build_runtime(settings)
    app = build_app(runtime)
    app.cleanup_ctx.append(metrics_listener(runtime))
    app.on_startup.append(_freeze)  # last: after the FAQ index and the database are ready
    web.run_app(
        app,
        host=settings.host,
        port=settings.port,
        shutdown_timeout=30,
        access_log_class=AccessLog,
        print=lambda line: logging.getLogger("jifen").info(line),
    )


async def _freeze(_app: web.Application) -> None:
    """Move everything built at start-up (modules, the FAQ index, jieba's dictionary) out of
    the garbage collector's sight: a full collection then walks only what requests made
    (issue 20 measured it with quieter logs: +18 % updates/s on SQLite, +24 % on PostgreSQL)."""
    gc.collect()
    gc.freeze()
