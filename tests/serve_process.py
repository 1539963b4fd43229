"""A real `jifen serve` process in Telegram webhook mode on 127.0.0.1, for the tests and benches
that need a whole process: graceful shutdown, kill -9, scale-out, memory."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

REPO = Path(__file__).resolve().parents[1]
# How long a process may take to answer /healthz: start-up took over 60 s at load average 20
# (imports, the FAQ index). A bound on waiting, not a measurement.
STARTUP_SECONDS = 180.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class ServeProcess:
    """Started in `workdir` (so no .env of the repository is read), its output in `log`."""

    database_url: str
    api_base: str
    token: str
    secret: str
    workdir: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    # What python runs before the `serve` arguments; bench/memory.py wraps the CLI to trace it.
    launcher: tuple[str, ...] = ("-m", "bot.cli")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log(self) -> Path:
        return self.workdir / f"jifen-serve-{self.port}.log"

    def settings(self) -> dict[str, str]:
        """The JIFEN_* environment of the process (the only JIFEN_* variables it sees)."""
        return {
            "JIFEN_DATABASE_URL": self.database_url,
            "JIFEN_TELEGRAM_TOKEN": self.token,
            "JIFEN_TELEGRAM_MODE": "webhook",
            "JIFEN_TELEGRAM_WEBHOOK_SECRET": self.secret,
            "JIFEN_TELEGRAM_API_BASE": self.api_base,
            "JIFEN_LOG_FORMAT": "json",
            "JIFEN_METRICS_PORT": "0",  # no metrics listener: parallel runs would share its port
        }

    def start(self) -> None:
        environment = {k: v for k, v in os.environ.items() if not k.startswith("JIFEN_")}
        environment.update(PYTHONPATH=str(REPO), **self.settings())
        command = [sys.executable, *self.launcher, "serve", "--host", "127.0.0.1"]
        with self.log.open("ab") as output:
            self.process = subprocess.Popen(
                [*command, "--port", str(self.port)],
                cwd=self.workdir,
                env=environment,
                stdout=output,
                stderr=subprocess.STDOUT,
            )

    def output(self, lines: int = 40) -> str:
        """The end of what the process logged, for an error message."""
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    async def ready(self, timeout: float = STARTUP_SECONDS) -> None:
        """Wait until /healthz answers 200 (every bench and test that starts a process waits
        here); an exit or `timeout` first is an error with the end of its log."""
        deadline = time.monotonic() + timeout
        async with aiohttp.ClientSession() as http:
            while time.monotonic() < deadline:
                assert self.process is not None
                if self.process.poll() is not None:
                    raise RuntimeError(
                        f"jifen serve exited with {self.process.returncode}:\n{self.output()}"
                    )
                try:
                    async with http.get(f"{self.url}/healthz") as response:
                        if response.status == 200:
                            return
                except aiohttp.ClientError:
                    pass
                await asyncio.sleep(0.1)
        raise TimeoutError(f"jifen serve did not become healthy:\n{self.output()}")

    async def post_update(self, http: aiohttp.ClientSession, update: dict[str, Any]) -> int:
        """Post a Telegram update to the webhook, as Telegram does; returns the status."""
        async with http.post(
            f"{self.url}/telegram/webhook",
            json=update,
            headers={"X-Telegram-Bot-Api-Secret-Token": self.secret},
        ) as response:
            return response.status

    def kill(self) -> None:
        """kill -9: no shutdown, no cleanup."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    def stop(self, timeout: float = 40.0) -> None:
        """SIGTERM, as a service manager stops it; kill -9 if it is not gone in `timeout`."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.kill()


async def pending_replies(database_url: str) -> int:
    """Replies in the outbox not yet sent (nor given up), read straight from the table."""
    engine = create_async_engine(database_url)
    try:
        async with engine.connect() as connection:
            query = text("SELECT count(*) FROM outbox WHERE status = 'pending'")
            return int((await connection.execute(query)).scalar_one())
    finally:
        await engine.dispose()
