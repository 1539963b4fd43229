"""An outsider asks the public listener for /metrics (traffic per channel, queue lengths):
it is not there. `jifen serve` serves it on a listener of its own, bound to 127.0.0.1."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import psutil
from aiohttp.test_utils import TestClient, TestServer

from bot.app import build_app
from bot.config import Settings
from bot.runtime import build_runtime
from tests.serve_process import STARTUP_SECONDS


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:  # not listening (yet)
        return 0, ""


async def test_the_public_app_has_no_metrics(sqlite_url: str) -> None:
    app = build_app(build_runtime(Settings(database_url=sqlite_url)))
    async with TestClient(TestServer(app)) as client:
        assert (await client.get("/healthz")).status == 200
        assert (await client.get("/metrics")).status == 404


def test_jifen_serve_has_metrics_on_its_own_loopback_listener(tmp_path: Path) -> None:
    port, metrics_port = free_port(), free_port()
    environment = {k: v for k, v in os.environ.items() if not k.startswith("JIFEN_")}
    environment.update(
        JIFEN_DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'jifen.db'}",
        JIFEN_HOST="0.0.0.0",  # the public listener on every interface, as in a container
        JIFEN_PORT=str(port),
        JIFEN_METRICS_PORT=str(metrics_port),  # JIFEN_METRICS_HOST left at its default
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "serve"], cwd=tmp_path, env=environment
    )
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while get(f"http://127.0.0.1:{port}/healthz")[0] != 200:
            assert server.poll() is None and time.monotonic() < deadline, "serve did not start"
            time.sleep(0.2)

        assert get(f"http://127.0.0.1:{port}/metrics")[0] == 404
        status, body = get(f"http://127.0.0.1:{metrics_port}/metrics")
        assert status == 200 and "jifen_step_seconds" in body
        listening = {
            connection.laddr.port: connection.laddr.ip
            for connection in psutil.Process(server.pid).net_connections(kind="tcp")
            if connection.status == psutil.CONN_LISTEN
        }
        assert listening == {port: "0.0.0.0", metrics_port: "127.0.0.1"}
    finally:
        server.terminate()
        assert server.wait(timeout=30) == 0
