"""Small helpers the bot tests share: a settable clock and a web chat client."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from aiohttp.test_utils import TestClient

from bot.clock import SHANGHAI


@dataclass
class FakeClock:
    now: datetime = field(default_factory=lambda: datetime(2026, 11, 23, 10, 0, tzinfo=SHANGHAI))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


async def say(client: TestClient, user: str, text: str) -> list[dict[str, Any]]:
    """What the web chat page does when the user types `text`: the replies it shows."""
    return await _post(client, {"user": user, "text": text})


async def pick(client: TestClient, user: str, choice: str) -> list[dict[str, Any]]:
    """What the page does when the user clicks a choice."""
    return await _post(client, {"user": user, "choice": choice})


async def _post(client: TestClient, body: dict[str, str]) -> list[dict[str, Any]]:
    response = await client.post("/api/chat", json={**body, "message_id": uuid.uuid4().hex})
    assert response.status == 200, await response.text()
    replies: list[dict[str, Any]] = (await response.json())["replies"]
    return replies
