"""`jifen reminders plan|run` as a user runs them: in a fresh interpreter, and the plan's other
cases through the same `main` in this one (a process start is most of what they cost)."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.cli import main
from bot.reminders.models import Reminder
from bot.storage.models import OutboxReply

REPO = Path(__file__).resolve().parents[2]


def jifen(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "reminders", "plan", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        check=False,
    )


def plan(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`jifen reminders plan ARGS` in this interpreter: exit status, stdout, stderr."""
    try:
        status = main(["reminders", "plan", *args])
    except SystemExit as exit:  # argparse refusing the arguments, as `jifen` exits
        status = int(exit.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def test_plan_json_is_a_list_of_kind_and_shanghai_time() -> None:
    done = jifen("--expiry", "2025-10-20", "--endorsed", "2025-09-30", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [
        {"kind": "endorsement_window_open", "at": "2025-09-20T09:00:00+08:00"},
        {"kind": "points_confirmation", "at": "2025-10-11T09:00:00+08:00"},
    ]
    assert done.stderr == ""


def test_plan_without_now_lists_past_reminders_too(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = plan(capsys, "--expiry", "2020-05-10", "--json")
    assert [item["kind"] for item in json.loads(out)] == [
        "endorsement_window_open",
        "endorsement_7_days",
        "endorsement_1_day",
    ]


def test_plan_with_now_leaves_out_what_is_past(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = plan(capsys, "--expiry", "2026-12-31", "--now", "2026-12-24T09:30", "--json")
    assert json.loads(out) == [{"kind": "endorsement_1_day", "at": "2026-12-30T09:00:00+08:00"}]


def test_plan_into_an_unknown_year_warns_on_stderr_and_keeps_stdout_json(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = plan(capsys, "--expiry", "2027-03-01", "--endorsed", "2027-02-10", "--json")
    assert status == 0
    assert json.loads(out)[-1] == {
        "kind": "points_confirmation",
        "at": "2027-02-15T09:00:00+08:00",
    }
    assert "warning" in err
    assert "2027" in err


def test_bad_date_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = plan(capsys, "--expiry", "2027-02-30", "--json")
    assert status == 2
    assert "--expiry" in err


async def test_run_delivers_due_reminders_and_stops_on_sigterm(
    database_url, db, users, due_reminders, tmp_path
) -> None:
    """The standalone worker: a web user's due reminder lands in the outbox for the page."""
    [user] = await users(1, channel="web")
    await due_reminders([user])
    environment = {k: v for k, v in os.environ.items() if not k.startswith("JIFEN_")}
    environment["JIFEN_DATABASE_URL"] = database_url
    environment["PYTHONPATH"] = str(REPO)
    worker = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "reminders", "run", "--ignore-quiet-hours"],
        cwd=tmp_path,  # no .env of the repository
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        queued = None
        for _ in range(600):
            async with db.transaction() as session:
                queued = await session.scalar(
                    select(OutboxReply).where(OutboxReply.user_id == user)
                )
            if queued is not None or worker.poll() is not None:
                break
            await asyncio.sleep(0.1)
        assert queued is not None, worker.stdout.read() if worker.stdout else ""
        assert "记得请单位申请积分" in queued.payload["text"]
    finally:
        worker.send_signal(signal.SIGTERM)
        output, _ = worker.communicate(timeout=60)
    assert worker.returncode == 0, output
    async with db.transaction() as session:
        assert await session.scalar(select(Reminder.status)) == "sent"
