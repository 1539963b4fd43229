"""The service's only source of "now", so tests can set the time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")

Clock = Callable[[], datetime]


def shanghai_now() -> datetime:
    return datetime.now(SHANGHAI)
