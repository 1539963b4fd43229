"""`jifen staff add` takes its password as an operator's script gives it: one line from a
pipe, `--password-stdin`, or typed twice at a terminal."""

from __future__ import annotations

import asyncio
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from bot.cli import main
from bot.storage.database import Database
from bot.support.models import Staff

REPO = Path(__file__).resolve().parents[2]


def jifen(*args: str, stdin: str, url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "JIFEN_DATABASE_URL": url},
        timeout=60,
        check=False,
    )


async def stored_hash(url: str, name: str) -> str:
    db = Database(url)
    async with db.transaction() as session:
        staff = await session.scalar(select(Staff).where(Staff.name == name))
    await db.dispose()
    assert staff is not None
    return staff.password_hash


async def test_a_piped_password_is_read_once_without_a_prompt(sqlite_url: str) -> None:
    result = await asyncio.to_thread(
        jifen, "staff", "add", "alice", stdin="piped secret 123\n", url=sqlite_url
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "again" not in result.stderr
    assert result.stdout.strip() == "added agent alice"
    assert PasswordHasher().verify(await stored_hash(sqlite_url, "alice"), "piped secret 123")


async def test_password_stdin_takes_the_first_line_only(sqlite_url: str) -> None:
    result = await asyncio.to_thread(
        jifen,
        "staff", "add", "bob", "--role", "admin", "--password-stdin",
        stdin="first line secret\nsecond line\n",
        url=sqlite_url,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert PasswordHasher().verify(await stored_hash(sqlite_url, "bob"), "first line secret")


async def test_an_empty_stdin_is_refused_in_one_line(sqlite_url: str) -> None:
    result = await asyncio.to_thread(jifen, "staff", "add", "carol", stdin="", url=sqlite_url)
    assert result.returncode == 2
    assert result.stderr.strip() == "jifen staff: no password on standard input"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("again", "status"), [("typed secret 123", 0), ("typo", 2)])
async def test_at_a_terminal_the_password_is_typed_twice(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch, again: str, status: int
) -> None:
    monkeypatch.setenv("JIFEN_DATABASE_URL", sqlite_url)
    monkeypatch.setattr("sys.stdin", Terminal(""))
    typed = iter(["typed secret 123", again])
    monkeypatch.setattr("getpass.getpass", lambda _prompt="": next(typed))
    assert await asyncio.to_thread(main, ["staff", "add", "dave"]) == status
