"""`jifen staff add` takes its password as an operator's script gives it: one line from a
pipe, `--password-stdin`, or typed twice at a terminal. Run through `bot.cli.main` in the test's
interpreter; tests/test_readme_commands.py runs the piped lines in a process of their own."""

from __future__ import annotations

import asyncio
import io
from typing import NamedTuple

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from bot.cli import main
from bot.storage.database import Database
from bot.support.models import Staff


class Run(NamedTuple):
    returncode: int
    stdout: str
    stderr: str


async def jifen(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *args: str,
    stdin: str,
    url: str,
) -> Run:
    """`jifen ARGS` with `stdin` piped in (not a terminal) on the database at `url`."""
    monkeypatch.setenv("JIFEN_DATABASE_URL", url)
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    try:
        status = await asyncio.to_thread(main, list(args))
    except SystemExit as exit:  # argparse refusing the arguments, as `jifen` exits
        status = int(exit.code or 0)
    out, err = capsys.readouterr()
    return Run(status, out, err)


async def stored_hash(url: str, name: str) -> str:
    db = Database(url)
    async with db.transaction() as session:
        staff = await session.scalar(select(Staff).where(Staff.name == name))
    await db.dispose()
    assert staff is not None
    return staff.password_hash


async def test_a_piped_password_is_read_once_without_a_prompt(
    sqlite_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    result = await jifen(
        capsys, monkeypatch, "staff", "add", "alice", stdin="piped secret 123\n", url=sqlite_url
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "again" not in result.stderr
    assert result.stdout.strip() == "added agent alice"
    assert PasswordHasher().verify(await stored_hash(sqlite_url, "alice"), "piped secret 123")


async def test_password_stdin_takes_the_first_line_only(
    sqlite_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    result = await jifen(
        capsys,
        monkeypatch,
        "staff", "add", "bob", "--role", "admin", "--password-stdin",
        stdin="first line secret\nsecond line\n",
        url=sqlite_url,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert PasswordHasher().verify(await stored_hash(sqlite_url, "bob"), "first line secret")


async def test_an_empty_stdin_is_refused_in_one_line(
    sqlite_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    result = await jifen(capsys, monkeypatch, "staff", "add", "carol", stdin="", url=sqlite_url)
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
