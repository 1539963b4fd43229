"""Staff accounts and console sessions, all in the database so that every
`jifen serve` process accepts the same logins."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from zxcvbn import zxcvbn

from bot.support.models import ADMIN, AGENT, Staff, StaffSession

ROLES = (AGENT, ADMIN)
MIN_LENGTH = 10
MIN_SCORE = 3
# For test suites only (tests/conftest.py sets it): argon2's cheapest parameters, thousands of
# times faster than the default's ~0.2-0.5 s of CPU a hash, which the suite's ~170 staff
# accounts and logins paid. Never for a deployment: such hashes fall to a brute force. A hash
# made with them is replaced at its next login by a process without the setting (a hash's
# parameters travel with it; check_needs_rehash).
CHEAP_HASHING_FOR_TESTS = "JIFEN_TEST_CHEAP_PASSWORD_HASHING"


@cache
def hasher() -> PasswordHasher:
    """Read at the first hash, not at import: a test suite sets the variable after imports."""
    if os.environ.get(CHEAP_HASHING_FOR_TESTS) == "1":
        return PasswordHasher.from_parameters(profiles.CHEAPEST)
    return PasswordHasher()


@cache
def _dummy_hash() -> str:
    """Verified when the name is unknown, so that the answer takes as long either way."""
    return hasher().hash(secrets.token_urlsafe(16))


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
    problem = password_problem(password, name)
    if problem:
        raise AccountError(f"password: {problem}")
    if await session.scalar(select(Staff.id).where(Staff.name == name)) is not None:
        raise AccountError(f"name: {name} exists already")
    staff = Staff(name=name, role=role, password_hash=hasher().hash(password), created_at=now)
    session.add(staff)
    await session.flush()
    return staff


def password_problem(password: str, name: str) -> str | None:
    """Why the password is too weak for a staff account, or None. Beyond a length of 10, the
    zxcvbn estimate must say "safely unguessable" or better (score 3 of 4: about 10**8
    guesses): common passwords, keyboard runs, repeats, dates and the account's own name fail."""
    if len(password) < MIN_LENGTH:
        return f"at least {MIN_LENGTH} characters"
    estimate = zxcvbn(password[:100], user_inputs=[name, "jifen", "积分", "shanghai"])
    if estimate["score"] >= MIN_SCORE:
        return None
    feedback = estimate["feedback"]
    reason = feedback.get("warning") or "too easy to guess"
    hints = " ".join(feedback.get("suggestions") or [])
    return f"{reason.rstrip('.')}. {hints}".strip()


async def set_enabled(session: AsyncSession, staff_id: int, enabled: bool) -> bool:
    result = await session.execute(
        update(Staff).where(Staff.id == staff_id).values(enabled=enabled)
    )
    if not enabled:  # a disabled account is logged out everywhere at once
        await session.execute(delete(StaffSession).where(StaffSession.staff_id == staff_id))
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class LoginAccount:
    id: int
    password_hash: str
    enabled: bool


async def login_account(session: AsyncSession, name: str) -> LoginAccount | None:
    row = (
        await session.execute(
            select(Staff.id, Staff.password_hash, Staff.enabled).where(Staff.name == name)
        )
    ).first()
    return LoginAccount(row.id, row.password_hash, row.enabled) if row else None


def verify_password(password_hash: str | None, password: str) -> tuple[bool, str | None]:
    """(right?, a fresh hash when the stored one uses outdated parameters). CPU-heavy: run it
    in a worker thread. An unknown name is checked against a dummy hash, so that the answer
    takes as long either way."""
    if password_hash is None:
        with contextlib.suppress(VerificationError):
            hasher().verify(_dummy_hash(), password)
        return False, None
    try:
        hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False, None
    return True, hasher().hash(password) if hasher().check_needs_rehash(password_hash) else None


async def open_session(
    session: AsyncSession, staff_id: int, now: datetime, lifetime: timedelta
) -> str:
    """A new session; returns the cookie value (never stored as such)."""
    token = secrets.token_urlsafe(32)
    session.add(
        StaffSession(
            token_hash=_token_hash(token),
            staff_id=staff_id,
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
            .join(Staff)  # on the foreign key staff_id
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
