"""`jifen chat`, `jifen serve` and `jifen migrate` as a user runs them."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import fresh_postgres
from tests.serve_process import STARTUP_SECONDS

JIFEN = [sys.executable, "-m", "bot.cli"]


def jifen(
    *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*JIFEN, *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def test_chat_takes_a_user_through_the_questions_to_the_score(tmp_path: Path) -> None:
    env = {"JIFEN_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'chat.db'}"}
    answers = "算积分\n35\n本科有学位\n没有\n54个月\n0\n无\n否\n"
    result = jifen("chat", "--user", "alice", stdin=answers, env=env)
    assert result.returncode == 0, result.stderr
    assert "合计：132 分" in result.stdout
    assert "1. " in result.stdout, "choices are numbered"


def test_chat_continues_a_conversation_after_the_program_stopped(tmp_path: Path) -> None:
    env = {"JIFEN_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'chat.db'}"}
    jifen("chat", "--user", "bob", stdin="算积分\n35\n", env=env)
    result = jifen("chat", "--user", "bob", stdin="本科有学位\n没有\n54个月\n0\n无\n否\n", env=env)
    assert "合计：132 分" in result.stdout


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_runs_on_a_fresh_machine_with_sqlite_and_stops_on_sigterm(tmp_path: Path) -> None:
    port = free_port()
    env = {
        **os.environ,
        "JIFEN_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'serve.db'}",
        "JIFEN_METRICS_PORT": "0",  # no metrics listener: parallel runs would share its port
    }
    server = subprocess.Popen(
        [*JIFEN, "serve", "--port", str(port)], env=env, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + STARTUP_SECONDS  # 60 s ran out at load average 10
        while True:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/healthz", timeout=2
                ) as response:
                    assert response.status == 200
                    break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.2)
    finally:
        server.terminate()
        assert server.wait(timeout=30) == 0


@pytest.mark.asyncio
async def test_serve_refuses_a_postgresql_schema_it_does_not_know() -> None:
    async with fresh_postgres() as url:
        env = {"JIFEN_DATABASE_URL": url}
        import asyncpg
        from sqlalchemy.engine import make_url

        plain = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        connection = await asyncpg.connect(plain)
        try:
            await connection.execute("UPDATE alembic_version SET version_num = 'from_the_future'")
        finally:
            await connection.close()
        result = jifen("serve", "--port", str(free_port()), env=env)
        assert result.returncode != 0
        assert "jifen migrate" in result.stderr
        assert "Traceback" not in result.stderr
