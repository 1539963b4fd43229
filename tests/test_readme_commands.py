"""Every command line of the README's Commands block, run as written in bash.

Each line runs in a scratch directory holding `examples/`, against a fresh SQLite file, with a
`jifen` on PATH that is this tree's. What a line needs that a terminal would give (a password,
the chat's input) comes on stdin; the long-running ones (serve, the reminder worker) are
started, checked and stopped with SIGTERM. A line no rule below knows must exit 0.
Slow on purpose (about one process start per line): it is the README's promise.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import socket
import stat
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.wechat.fake_wechat_api import FakeWeChatApi

REPO = Path(__file__).resolve().parents[1]
PASSWORD = "readme secret 123"


def commands_block() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Commands") :]
    start = section.index("```bash\n") + len("```bash\n")
    block = section[start : section.index("\n```", start)]
    return [line for line in block.splitlines() if line.strip()]


LINES = commands_block()


@dataclass
class Shell:
    workdir: Path
    env: dict[str, str]

    def run(self, line: str, stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["bash", "-c", line],
            input=stdin,
            capture_output=True,
            text=True,
            cwd=self.workdir,
            env={**self.env, **env},
            timeout=120,
            check=False,
        )

    def start(self, line: str, **env: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            ["bash", "-c", f"exec {line}"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=self.workdir,
            env={**self.env, **env},
        )


@pytest.fixture
def shell(tmp_path: Path) -> Shell:
    (tmp_path / "examples").symlink_to(REPO / "examples")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    jifen = bin_dir / "jifen"
    jifen.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m bot.cli "$@"\n')
    jifen.chmod(jifen.stat().st_mode | stat.S_IEXEC)
    env = {k: v for k, v in os.environ.items() if not k.startswith("JIFEN_")}
    env.update(
        PATH=f"{bin_dir}:{env.get('PATH', '/usr/bin:/bin')}",
        PYTHONPATH=str(REPO),
        JIFEN_DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'jifen.db'}",
        STAFF_PASSWORD=PASSWORD,
    )
    return Shell(tmp_path, env)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(url: str, process: subprocess.Popen[str], seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                assert response.status == 200
                return
        except OSError:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            assert time.monotonic() < deadline, f"{url} did not answer"
            time.sleep(0.3)


def post_chat(port: int, text: str) -> None:
    body = json.dumps({"user": "readme-visitor-0000000000001", "text": text}).encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/chat", body, {"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert json.loads(response.read())["replies"]


def stop(process: subprocess.Popen[str]) -> str:
    process.send_signal(signal.SIGTERM)
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    return err


def check_serve(shell: Shell, line: str) -> None:
    port = free_port()
    command = line.split("#")[0].replace("--port 8080", f"--port {port}")
    process = shell.start(command, JIFEN_PORT=str(port), JIFEN_METRICS_PORT=str(free_port()))
    wait_for(f"http://127.0.0.1:{port}/healthz", process)
    post_chat(port, "算积分")
    post_chat(port, "积分通知书丢了怎么办")
    log = stop(process)
    chatty = [name for name in ("transitions", "aiohttp.access", "jieba", "bm25s") if name in log]
    if "--log-level" in command:
        assert "aiohttp.access" in log and "transitions" in log
    else:
        assert chatty == [], log


def check_worker(shell: Shell, line: str) -> None:
    process = shell.start(line.split("#")[0])
    assert process.stderr is not None
    deadline = time.monotonic() + 90
    seen = ""
    while "reminder worker" not in seen:
        assert time.monotonic() < deadline and process.poll() is None, seen
        seen += process.stderr.readline()
    stop(process)


def check_once(shell: Shell, line: str) -> None:
    """A line that runs and ends: what it needs on stdin, and what its output must hold."""
    stdin, env = "", {}
    if " chat " in line:
        stdin = "算积分\n30\n"
    if "staff add" in line and "--password-stdin" not in line:
        stdin = f"{PASSWORD}\n"  # not a terminal: one line, as a script would give it
    if "user " in line:
        assert shell.run("jifen chat --user alice", "你好\n").returncode == 0
    if "wechat-menu" in line:
        env = asyncio.run(with_fake_wechat(shell, line))
        return
    result = shell.run(line, stdin, **env)
    assert result.returncode == 0, f"{line}\n{result.stderr}"
    out = result.stdout
    assert out.strip(), line
    if "score examples/*.json --json" in line:
        files = sorted((REPO / "examples").glob("*.json"))
        assert [json.loads(row)["policy"] for row in out.splitlines()] == ["2018-01-01"] * len(
            files
        )
    elif "--details" in line:
        assert "下一步" in out and "准备材料" in out
    elif "jifen score" in line and "--json" not in line:
        assert "合计：" in out and "准备材料" not in out
    elif " chat " in line:
        assert "最高学历" in out  # the second question, after the age
    elif "faq" in line:
        assert json.loads(out)["id"]
    elif "user export" in line:
        assert json.loads(out)["user"]


async def with_fake_wechat(shell: Shell, line: str) -> dict[str, str]:
    fake = FakeWeChatApi()
    await fake.start()
    try:
        env = {
            "JIFEN_WECHAT_APPID": fake.appid,
            "JIFEN_WECHAT_SECRET": fake.secret,
            "JIFEN_WECHAT_API_BASE": fake.base_url,
        }
        result = await asyncio.to_thread(shell.run, line, "", **env)
        assert result.returncode == 0, result.stderr
        assert fake.sent("menu/create"), "the menu was created"
    finally:
        await fake.close()
    return env


@pytest.mark.parametrize("line", LINES, ids=[re.sub(r"\s+#.*", "", line) for line in LINES])
def test_readme_command_runs_as_written(shell: Shell, line: str) -> None:
    if "reminders run" in line or "wechat-menu" in line:  # they refuse an unmigrated file
        assert shell.run("jifen migrate").returncode == 0
    if "jifen serve" in line:
        check_serve(shell, line)
    elif "reminders run" in line:
        check_worker(shell, line)
    else:
        check_once(shell, line)
