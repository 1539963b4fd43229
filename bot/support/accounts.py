"""Staff accounts, console sessions and login limits, all in the database so that every
`jifen serve` process accepts the same logins."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.support.models import ADMIN, AGENT, LoginFailure, Staff, StaffSession

ROLES = (AGENT, ADMIN)
HASHER = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """Verified when the name is unknown, so that the answer takes as long either way."""
    return HASHER.hash(secrets.token_urlsafe(16))


class AccountError(ValueError):
    pass


@dataclass(frozen=True)
class LoggedIn:
    """The staff member behind a valid session cookie."""

    staff_id: int
    name: str
    role: str
    csrf_token: str

    @property
    def is_admin(self) -> bool:
        return self.role == ADMIN


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def same_token(given: str | None, expected: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


async def add_staff(
    session: AsyncSession, name: str, role: str, password: str, now: datetime
) -> Staff:
    name = name.strip()
    if not name or len(name) > 64:
        raise AccountError("name: 1-64 characters")
    if role not in ROLES:
        raise AccountError(f"role: one of {', '.join(ROLES)}")
    if len(password) < 10:
        raise AccountError("password: at least 10 characters")
    if await session.scalar(select(Staff.id).where(Staff.name == name)) is not None:
        raise AccountError(f"name: {name} exists already")
    staff = Staff(
        name=name, role=role, password_hash=HASHER.hash(password), enabled=True, created_at=now
    )
    session.add(staff)
    await session.flush()
    return staff


async def set_enabled(session: AsyncSession, staff_id: int, enabled: bool) -> bool:
    result = await session.execute(
        update(Staff).where(Staff.id == staff_id).values(enabled=enabled)
    )
    if not enabled:  # a disabled account is logged out everywhere at once
        await session.execute(delete(StaffSession).where(StaffSession.staff_id == staff_id))
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


async def login_limited(
    session: AsyncSession, name: str, ip: str, now: datetime, limit: int, window: timedelta
) -> bool:
    """Too many recent failures for this name, or from this address."""
    since = now - window
    for column, value in ((LoginFailure.name, name), (LoginFailure.ip, ip)):
        failures = await session.scalar(
            select(func.count())
            .select_from(LoginFailure)
            .where(column == value, LoginFailure.at > since)
        )
        if (failures or 0) >= limit:
            return True
    return False


async def check_password(
    session: AsyncSession, name: str, password: str, ip: str, now: datetime
) -> Staff | None:
    """The enabled account with this name and password; a failure is recorded."""
    staff = await session.scalar(select(Staff).where(Staff.name == name))
    try:
        HASHER.verify(staff.password_hash if staff else _dummy_hash(), password)
        ok = staff is not None and staff.enabled
    except (VerificationError, InvalidHashError):
        ok = False
    if not ok or staff is None:
        session.add(LoginFailure(name=name[:64], ip=ip[:64], at=now))
        return None
    if HASHER.check_needs_rehash(staff.password_hash):
        staff.password_hash = HASHER.hash(password)
    return staff


async def open_session(
    session: AsyncSession, staff: Staff, now: datetime, lifetime: timedelta
) -> str:
    """A new session; returns the cookie value (never stored as such)."""
    token = secrets.token_urlsafe(32)
    session.add(
        StaffSession(
            token_hash=_token_hash(token),
            staff_id=staff.id,
            csrf_token=secrets.token_urlsafe(32),
            created_at=now,
            expires_at=now + lifetime,
        )
    )
    await session.execute(delete(StaffSession).where(StaffSession.expires_at <= now))
    return token


async def session_of(session: AsyncSession, token: str, now: datetime) -> LoggedIn | None:
    row = (
        await session.execute(
            select(Staff.id, Staff.name, Staff.role, StaffSession.csrf_token)
            .join(Staff, Staff.id == StaffSession.staff_id)
            .where(
                StaffSession.token_hash == _token_hash(token),
                StaffSession.expires_at > now,
                Staff.enabled.is_(True),
            )
        )
    ).first()
    return LoggedIn(row.id, row.name, row.role, row.csrf_token) if row else None


async def close_session(session: AsyncSession, token: str) -> None:
    await session.execute(delete(StaffSession).where(StaffSession.token_hash == _token_hash(token)))


async def forget_failures(session: AsyncSession, name: str, ip: str) -> None:
    """A successful login clears the failures of its name from its address."""
    await session.execute(
        delete(LoginFailure).where(LoginFailure.name == name, LoginFailure.ip == ip)
    )
