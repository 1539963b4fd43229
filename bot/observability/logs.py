"""Logging: one line per event, JSON when JIFEN_LOG_FORMAT=json.

What users write never goes into a log at info level or above: events name the channel, ids
and outcomes, not texts. The access log leaves out query strings, which carry the web chat's
user key and WeChat's openid and signatures.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any, Literal, TextIO

from aiohttp.abc import AbstractAccessLogger
from aiohttp.web import BaseRequest, StreamResponse

# Attributes every LogRecord has; anything else on a record came in through `extra=`.
_STANDARD = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message",
    "asctime",
}


def extra_fields(record: logging.LogRecord) -> dict[str, Any]:
    return {key: value for key, value in vars(record).items() if key not in _STANDARD}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        event: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            **extra_fields(record),
        }
        if record.exc_info:
            event["exception"] = self.formatException(record.exc_info)
        return json.dumps(event, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        extras = " ".join(f"{key}={value}" for key, value in extra_fields(record).items())
        return f"{line} {extras}" if extras else line


# Libraries that log every message or request at INFO/DEBUG: kept at WARNING unless a level
# is asked for (`jifen serve --log-level info` shows them again).
CHATTY = ("transitions", "aiogram.event", "aiohttp.access", "bm25s", "jieba")
LEVELS = ("debug", "info", "warning", "error")


def configure_logging(
    log_format: Literal["text", "json"], level: str | None = None, stream: TextIO | None = None
) -> None:
    """The root logger writes to stderr (or `stream`) in the chosen format; nothing else.

    Without `level`: our events at INFO, the CHATTY libraries at WARNING. With `level` (one
    of LEVELS): everything at that level."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter() if log_format == "json" else TextFormatter())
    root = logging.getLogger()
    for old in root.handlers[:]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel((level or "info").upper())
    for name in CHATTY:
        logging.getLogger(name).setLevel(logging.NOTSET if level else logging.WARNING)


class AccessLog(AbstractAccessLogger):
    """aiohttp's access log as events: method, path without its query, status, duration."""

    def log(self, request: BaseRequest, response: StreamResponse, time: float) -> None:
        self.logger.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status,
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status,
                "seconds": round(time, 4),
                "remote": request.remote,
            },
        )
