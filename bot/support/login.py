"""Logging in to the console, with limits that hold under parallel attempts (OWASP's
authentication guidance):

- a name from one address: at most `per_name_and_address` failures in the window, then refused;
- one address, whatever the names: at most `per_address` failures in the window, then refused;
- a name from every address: never locked (that would let anyone lock staff out), only slowed:
  after `slow_after` failures each attempt waits, doubling up to `delay_cap` seconds.

An attempt is counted by one upsert per key before the password is checked, and counts as a
failure until it succeeds, so thirty parallel attempts cannot all pass the check. The password
is checked (argon2, ~100 ms of CPU) in a worker thread, with no database connection held, and
at most `LoginGate.at_once` at a time per process.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import case, delete, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.database import Database
from bot.support import accounts
from bot.support.models import LoginCounter, Staff


@dataclass(frozen=True)
class LoginLimits:
    per_name_and_address: int = 5
    per_address: int = 20
    window: timedelta = timedelta(minutes=15)
    slow_after: int = 5
    delay_base: float = 1.0
    delay_cap: float = 30.0

    def delay(self, name_failures: int) -> float:
        """Seconds an attempt waits when its name has failed this often (from anywhere)."""
        over = name_failures - self.slow_after
        if over <= 0:
            return 0.0
        return min(self.delay_cap, self.delay_base * 2 ** min(over - 1, 30))


@dataclass
class LoginGate:
    """At most `at_once` logins counting or checking at a time in this process (so logins
    hold at most that many database connections and worker threads); at most `queue` more
    waiting, beyond that an attempt is told to come back."""

    at_once: int = 4
    queue: int = 32
    _waiting: int = 0
    _slots: asyncio.Semaphore = field(init=False)

    def __post_init__(self) -> None:
        self._slots = asyncio.Semaphore(self.at_once)

    @contextlib.asynccontextmanager
    async def admit(self) -> AsyncIterator[None]:
        if self._waiting >= self.queue:
            raise Busy
        self._waiting += 1
        try:
            async with self._slots:
                yield
        finally:
            self._waiting -= 1


class Busy(Exception):
    pass


class Outcome(enum.Enum):
    OK = "ok"
    WRONG = "wrong"
    REFUSED = "refused"  # too many failures: 429
    BUSY = "busy"  # too many logins in flight in this process: 429


@dataclass(frozen=True)
class Attempt:
    outcome: Outcome
    token: str | None = None


def _keys(name: str, ip: str) -> tuple[str, str, str]:
    return f"pair:{ip}\x1f{name}", f"ip:{ip}", f"name:{name}"


async def _count(session: AsyncSession, key: str, now: datetime, window: timedelta) -> int:
    """One statement: add this attempt to the key's count (a new window if the last one is
    over) and return the count. The row lock serialises parallel attempts on PostgreSQL."""
    dialect = postgresql if session.bind.dialect.name == "postgresql" else sqlite
    stale = LoginCounter.window_start <= now - window
    statement = (
        dialect.insert(LoginCounter)
        .values(key=key, count=1, window_start=now)
        .on_conflict_do_update(
            index_elements=[LoginCounter.key],
            set_={
                "count": case((stale, 1), else_=LoginCounter.count + 1),
                "window_start": case((stale, now), else_=LoginCounter.window_start),
            },
        )
        .returning(LoginCounter.count)
    )
    return int((await session.execute(statement)).scalar_one())


async def _start(
    session: AsyncSession, name: str, ip: str, now: datetime, limits: LoginLimits
) -> tuple[bool, float]:
    """Count the attempt under each key; (refused, seconds to wait)."""
    pair_key, ip_key, name_key = _keys(name, ip)
    pair = await _count(session, pair_key, now, limits.window)
    address = await _count(session, ip_key, now, limits.window)
    named = await _count(session, name_key, now, limits.window)
    refused = pair > limits.per_name_and_address or address > limits.per_address
    return refused, limits.delay(named - 1)


async def _forget(session: AsyncSession, name: str, ip: str) -> None:
    """A success: its own attempt is no failure, and the name and the pair start afresh."""
    pair_key, ip_key, name_key = _keys(name, ip)
    await session.execute(delete(LoginCounter).where(LoginCounter.key.in_([pair_key, name_key])))
    await session.execute(
        update(LoginCounter)
        .where(LoginCounter.key == ip_key, LoginCounter.count > 0)
        .values(count=LoginCounter.count - 1)
    )


async def log_in(
    db: Database,
    gate: LoginGate,
    limits: LoginLimits,
    login: tuple[str, str, str],
    now: datetime,
    lifetime: timedelta,
) -> Attempt:
    """`login` is (name, password, address). OK carries the new session's cookie value."""
    name, password, ip = login
    name, ip = name[:64], ip[:64]
    try:
        async with gate.admit(), db.transaction() as session:
            refused, delay = await _start(session, name, ip, now, limits)
            account = None if refused else await accounts.login_account(session, name)
        if refused:
            return Attempt(Outcome.REFUSED)
        await asyncio.sleep(delay)
        async with gate.admit():
            stored = account.password_hash if account else None
            ok, new_hash = await asyncio.to_thread(accounts.verify_password, stored, password)
    except Busy:
        return Attempt(Outcome.BUSY)
    if not ok or account is None or not account.enabled:
        return Attempt(Outcome.WRONG)
    async with db.transaction() as session:
        await _forget(session, name, ip)
        if new_hash:
            await session.execute(
                update(Staff).where(Staff.id == account.id).values(password_hash=new_hash)
            )
        token = await accounts.open_session(session, account.id, now, lifetime)
    return Attempt(Outcome.OK, token)
