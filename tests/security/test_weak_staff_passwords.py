"""Someone sets a staff password that an attacker would guess first: a common password, a
keyboard run, a repeat, the account's own name twice, a city and a year.

What happens: `jifen staff add` refuses it (exit 2) and says why; nothing is stored. A long
passphrase is accepted.
"""

from __future__ import annotations

import asyncio
import io

import pytest
from sqlalchemy import select

from bot.cli import main
from bot.storage.database import Database
from bot.support.models import Staff

WEAK = {
    "aaaaaaaaaa": "Repeats",
    "1234567890": "common password",
    "qwertyuiop": "common password",
    "password123": "common password",
    "alicealice": "Repeats",
    "shanghai2024": "too easy to guess",
    "short1!": "at least 10 characters",
}


async def _names(url: str) -> list[str]:
    db = Database(url)
    async with db.transaction() as session:
        names = list(await session.scalars(select(Staff.name)))
    await db.dispose()
    return names


@pytest.mark.parametrize(("password", "why"), WEAK.items())
async def test_jifen_staff_add_refuses_a_guessable_password_and_says_why(
    sqlite_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    password: str,
    why: str,
) -> None:
    monkeypatch.setenv("JIFEN_DATABASE_URL", sqlite_url)
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    assert await asyncio.to_thread(main, ["staff", "add", "alice", "--password-stdin"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("jifen staff: password: ")
    assert why in error
    assert await _names(sqlite_url) == []


async def test_a_long_passphrase_is_accepted(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JIFEN_DATABASE_URL", sqlite_url)
    monkeypatch.setattr("sys.stdin", io.StringIO("plum kettle orbit mosaic\n"))
    assert await asyncio.to_thread(main, ["staff", "add", "alice", "--password-stdin"]) == 0
    assert await _names(sqlite_url) == ["alice"]
