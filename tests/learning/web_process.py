"""A real `jifen serve` process serving the web chat (no Telegram), for the tests and the bench
that teach in one process and ask in another."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import aiohttp

from faq.retrieve import load_entries
from scoring.policy import edition_in_force
from tests.serve_process import ServeProcess

UNKNOWN = "我不知道"


@dataclass
class WebProcess(ServeProcess):
    """`jifen serve` on `database_url` with the web chat's rate limit off (load comes from one
    address)."""

    def settings(self) -> dict[str, str]:
        return {
            "JIFEN_DATABASE_URL": self.database_url,
            "JIFEN_METRICS_PORT": "0",
            "JIFEN_WEB_RATE_PER_SECOND": "0",
            "JIFEN_LOG_FORMAT": "json",
        }


def web_process(database_url: str, workdir: Path) -> WebProcess:
    return WebProcess(database_url, api_base="", token="", secret="", workdir=workdir)


async def ask(http: aiohttp.ClientSession, base: str, user: str, text: str) -> str:
    """What the web chat shows `user` after typing `text`: every reply's text."""
    body: dict[str, Any] = {"user": user, "text": text, "message_id": os.urandom(8).hex()}
    async with http.post(f"{base}/api/chat", json=body) as response:
        assert response.status == 200, await response.text()
        replies = (await response.json())["replies"]
    return "\n".join(reply["text"] for reply in replies)


def answer_of(topic: str) -> str:
    """The first line of a topic's answer as the bot shows it today: enough to recognise it."""
    entry = next(e for e in load_entries() if e.id == topic)
    values = edition_in_force(date.today()).values()
    return entry.render("zh-CN", values).splitlines()[0]
