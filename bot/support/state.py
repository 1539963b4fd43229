"""What the console's handlers share, taken from the runtime once when the console is set up."""

from __future__ import annotations

from dataclasses import dataclass, field

from aiohttp import web

from bot.clock import Clock
from bot.runtime import Runtime
from bot.storage.database import Database
from bot.support.desk import Desk
from bot.support.learning.guard_jobs import GuardJobs
from bot.support.login import LoginGate
from bot.support.options import SupportOptions

LARGEST_ID = 2**63 - 1  # a BIGINT: a larger id cannot exist, and the database would refuse it


@dataclass(frozen=True)
class ConsoleState:
    db: Database
    clock: Clock
    desk: Desk
    options: SupportOptions
    guard_jobs: GuardJobs
    logins: LoginGate = field(default_factory=LoginGate)

    @classmethod
    def of(cls, runtime: Runtime, options: SupportOptions) -> ConsoleState:
        desk = Desk(runtime.db, runtime.outbox, runtime.clock)
        guard_jobs = GuardJobs(runtime.db, runtime.clock)
        return cls(runtime.db, runtime.clock, desk, options, guard_jobs)


STATE = web.AppKey("support_console", ConsoleState)


def number(request: web.Request, name: str = "id") -> int:
    """A positive id from the URL; anything else (junk, 10**23) is a 404, never a 500."""
    text = request.match_info[name]
    if not text.isascii() or not text.isdigit() or len(text) > 19:
        raise web.HTTPNotFound()
    value = int(text)
    if not 0 < value <= LARGEST_ID:
        raise web.HTTPNotFound()
    return value
