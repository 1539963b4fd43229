from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from scoring.calculator import Score, calculate
from scoring.policy import Edition, edition_in_force
from scoring.profile import Profile

REPO = Path(__file__).resolve().parents[2]
AS_OF = date(2025, 6, 1)

Jifen = Callable[..., subprocess.CompletedProcess[str]]


@dataclass(frozen=True)
class Run:
    status: int
    stdout: str
    stderr: str


Cli = Callable[..., Run]
Scorer = Callable[..., Score]


@pytest.fixture(scope="session")
def edition() -> Edition:
    return edition_in_force(AS_OF)


@pytest.fixture
def score(edition: Edition) -> Scorer:
    """Score a profile given as JSON fields, on AS_OF."""

    def run(**fields: object) -> Score:
        return calculate(Profile.from_json(fields), edition, AS_OF)

    return run


@pytest.fixture(scope="session")
def jifen() -> Jifen:
    """Run `jifen score ...` as a user would, in a fresh interpreter."""

    def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "bot.cli", "score", *args],
            input=stdin,
            capture_output=True,
            text=True,
            cwd=REPO,
            timeout=120,
            check=False,
        )

    return run


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    """Run `jifen score ...` through `bot.cli.main` in this process (cheaper than a subprocess)."""
    from bot.cli import main

    def run(*args: str, stdin: str = "") -> Run:
        capsys.readouterr()
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        status = main(["score", *args])
        out, err = capsys.readouterr()
        return Run(status, out, err)

    return run
