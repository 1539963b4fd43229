"""Staff accounts and console sessions as `jifen staff` and the login page use them: who may be
added (and what the operator is told when not), which password checks pass, and how long a
session opens the console. Through the login page: tests/support/test_security.py."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select, update

from bot.storage.database import Database
from bot.support import accounts
from bot.support.accounts import AccountError, LoggedIn
from bot.support.models import Staff, StaffSession

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
GOOD = "correct horse battery"
HOUR = timedelta(hours=1)


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Database]:
    database = Database(database_url)
    yield database
    await database.dispose()


async def add(db: Database, name: str, role: str = "agent", password: str = GOOD) -> Staff:
    async with db.transaction() as session:
        return await accounts.add_staff(session, name, role, password, NOW)


async def refusal(db: Database, name: str, role: str = "agent", password: str = GOOD) -> str:
    with pytest.raises(AccountError) as refused:
        await add(db, name, role, password)
    return str(refused.value)


async def staff_named(db: Database, name: str) -> Staff | None:
    async with db.transaction() as session:
        return await session.scalar(select(Staff).where(Staff.name == name))


async def test_a_new_account_is_enabled_with_its_role_and_a_hash_of_its_password(
    db: Database,
) -> None:
    await add(db, "  alice \t", "admin")
    alice = await staff_named(db, "alice")
    assert alice is not None, "the name is stored without the spaces around it"
    assert (alice.role, alice.enabled, alice.created_at) == ("admin", True, NOW)
    assert accounts.verify_password(alice.password_hash, GOOD) == (True, None)
    await add(db, "bob", "agent")
    assert (await staff_named(db, "bob")) is not None


@pytest.mark.parametrize("name", ["", "   ", "x" * 65])
async def test_a_name_must_have_1_to_64_characters(db: Database, name: str) -> None:
    assert await refusal(db, name) == "name: 1-64 characters"
    await add(db, "x" * 64)


@pytest.mark.parametrize("role", ["root", "Admin", ""])
async def test_a_role_is_agent_or_admin(db: Database, role: str) -> None:
    assert await refusal(db, "alice", role) == "role: one of agent, admin"


async def test_a_name_is_taken_once(db: Database) -> None:
    await add(db, "alice")
    assert await refusal(db, " alice ", password="another fine passphrase") == (
        "name: alice exists already"
    )
    async with db.transaction() as session:
        assert await session.scalar(select(func.count()).select_from(Staff)) == 1


async def test_a_guessable_password_is_refused_with_the_reason(db: Database) -> None:
    assert await refusal(db, "alice", password="aaaaaaaaaa") == (
        'password: Repeats like "aaa" are easy to guess. Add another word or two. '
        "Uncommon words are better. Avoid repeated words and characters."
    )
    assert await staff_named(db, "alice") is None
    assert (await refusal(db, "xiaoming", password="xiaoming2026!")).startswith("password: ")


def test_a_password_needs_ten_characters() -> None:
    assert accounts.password_problem("Zq8#vL2!p", "alice") == "at least 10 characters"
    assert accounts.password_problem("Zq8#vL2!pX", "alice") is None


def test_a_password_weak_without_a_warning_is_too_easy_to_guess() -> None:
    assert accounts.password_problem("winter-sun-42", "alice") is None  # zxcvbn score 3
    assert accounts.password_problem("shanghai2026!", "alice") == (
        "too easy to guess. Add another word or two. Uncommon words are better."
    )


def test_a_password_built_on_the_account_name_is_refused() -> None:
    assert accounts.password_problem("xiaoming2026!", "xiaoming") is not None
    assert accounts.password_problem("xiaoming2026!", "alice") is None


@pytest.mark.parametrize("password", ["jifenjifen2026", "shanghai2026!"])
def test_a_password_built_on_the_product_or_the_city_is_refused(password: str) -> None:
    """zxcvbn alone scores both 3 (safely unguessable); an attacker tries these words first."""
    assert accounts.password_problem(password, "alice") is not None


async def test_disabling_logs_the_account_out_everywhere_and_only_it(db: Database) -> None:
    alice, bob = await add(db, "alice"), await add(db, "bob")
    async with db.transaction() as session:
        alices = [await accounts.open_session(session, alice.id, NOW, HOUR) for _ in range(2)]
        bobs = await accounts.open_session(session, bob.id, NOW, HOUR)
        assert await accounts.set_enabled(session, alice.id, True)
        assert await accounts.session_of(session, alices[0], NOW) is not None, (
            "enabling an account logs nobody out"
        )
        assert await accounts.set_enabled(session, alice.id, False)
    async with db.transaction() as session:
        assert [await accounts.session_of(session, t, NOW) for t in alices] == [None, None]
        assert await accounts.session_of(session, bobs, NOW) is not None
        assert await session.scalar(select(func.count()).select_from(StaffSession)) == 1
        assert await accounts.set_enabled(session, 10_000, False) is False, "no such account"
        assert await accounts.set_enabled(session, alice.id, True)
        assert (await accounts.login_account(session, "alice")).enabled  # type: ignore[union-attr]


async def test_login_account_reads_the_account_by_its_exact_name(db: Database) -> None:
    alice = await add(db, "alice")
    async with db.transaction() as session:
        found = await accounts.login_account(session, "alice")
        assert found == accounts.LoginAccount(alice.id, alice.password_hash, True)
        assert await accounts.login_account(session, "Alice") is None
        assert await accounts.login_account(session, "nobody") is None


def test_a_password_is_right_only_against_its_own_hash() -> None:
    stored = accounts.hasher().hash(GOOD)
    assert accounts.verify_password(stored, GOOD) == (True, None)
    assert accounts.verify_password(stored, GOOD + " ") == (False, None)
    assert accounts.verify_password("not an argon2 hash", GOOD) == (False, None)


def test_an_unknown_name_is_refused_whatever_the_password() -> None:
    """It is checked against a dummy hash (as long as a real check), and never passes."""
    assert accounts.verify_password(None, GOOD) == (False, None)
    assert accounts.verify_password(None, "") == (False, None)


def test_only_the_test_suites_setting_makes_password_hashes_cheap() -> None:
    """A `jifen` process hashes with argon2's RFC 9106 parameters (64 MiB, 3 passes) unless
    the test-only variable is set, as tests/conftest.py does for the suite and what it starts."""

    def parameters(cheap: bool) -> str:
        environment = {k: v for k, v in os.environ.items() if k != accounts.CHEAP_HASHING_FOR_TESTS}
        if cheap:
            environment[accounts.CHEAP_HASHING_FOR_TESTS] = "1"
        code = "from bot.support.accounts import hasher; print(hasher().hash('x'))"
        made = subprocess.run(
            [sys.executable, "-c", code], env=environment, capture_output=True, text=True
        )
        assert made.returncode == 0, made.stderr
        return made.stdout.split("$")[3]

    assert parameters(cheap=False) == "m=65536,t=3,p=4"
    assert parameters(cheap=True) == "m=8,t=1,p=1"


def test_a_hash_with_outdated_parameters_is_replaced_on_a_right_password() -> None:
    old = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash(GOOD)
    ok, fresh = accounts.verify_password(old, GOOD)
    assert ok and fresh is not None
    assert accounts.verify_password(fresh, GOOD) == (True, None), "current parameters"
    assert accounts.verify_password(old, "wrong password") == (False, None)


async def test_a_session_is_stored_as_a_hash_and_opens_the_console_until_it_expires(
    db: Database,
) -> None:
    alice = await add(db, "alice", "admin")
    async with db.transaction() as session:
        token = await accounts.open_session(session, alice.id, NOW, HOUR)
        stored = await session.scalar(select(StaffSession))
    assert stored is not None and len(token) >= 43
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest() != token
    assert (stored.created_at, stored.expires_at) == (NOW, NOW + HOUR)
    async with db.transaction() as session:
        here = await accounts.session_of(session, token, NOW + HOUR - timedelta(seconds=1))
        assert here == LoggedIn(alice.id, "alice", "admin", stored.csrf_token)
        assert here.is_admin and len(stored.csrf_token) >= 43 and stored.csrf_token != token
        assert await accounts.session_of(session, token, NOW + HOUR) is None, "expired"
        assert await accounts.session_of(session, token + "x", NOW) is None


async def test_an_agent_is_no_admin(db: Database) -> None:
    bob = await add(db, "bob")
    async with db.transaction() as session:
        token = await accounts.open_session(session, bob.id, NOW, HOUR)
        logged_in = await accounts.session_of(session, token, NOW)
    assert logged_in is not None and (logged_in.role, logged_in.is_admin) == ("agent", False)


async def test_opening_a_session_clears_the_expired_ones(db: Database) -> None:
    alice = await add(db, "alice")
    async with db.transaction() as session:
        ends_now = await accounts.open_session(session, alice.id, NOW - HOUR, HOUR)
        ends_later = await accounts.open_session(session, alice.id, NOW - HOUR, 2 * HOUR)
        await accounts.open_session(session, alice.id, NOW, HOUR)
    async with db.transaction() as session:
        hashes = set(await session.scalars(select(StaffSession.token_hash)))
    assert hashlib.sha256(ends_now.encode()).hexdigest() not in hashes
    assert hashlib.sha256(ends_later.encode()).hexdigest() in hashes
    assert len(hashes) == 2


async def test_a_session_of_an_account_disabled_meanwhile_opens_nothing(db: Database) -> None:
    """A login that committed its session just after the account was disabled (the disable
    deleted the sessions it saw) must not open the console."""
    alice = await add(db, "alice")
    async with db.transaction() as session:
        token = await accounts.open_session(session, alice.id, NOW, HOUR)
        await session.execute(update(Staff).where(Staff.id == alice.id).values(enabled=False))
        assert await accounts.session_of(session, token, NOW) is None


async def test_closing_a_session_ends_that_one_only(db: Database) -> None:
    alice = await add(db, "alice")
    async with db.transaction() as session:
        first = await accounts.open_session(session, alice.id, NOW, HOUR)
        second = await accounts.open_session(session, alice.id, NOW, HOUR)
        await accounts.close_session(session, first)
        assert await accounts.session_of(session, first, NOW) is None
        assert await accounts.session_of(session, second, NOW) is not None


def test_a_form_token_matches_only_itself() -> None:
    assert accounts.same_token("abc", "abc")
    assert not accounts.same_token("abd", "abc")
    assert not accounts.same_token("", "abc")
    assert not accounts.same_token(None, "abc")
