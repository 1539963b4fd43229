from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.config import Settings
from bot.runtime import Runtime, build_runtime
from dialogs.conversation import Conversation
from dialogs.machine import step
from dialogs.types import Choice, Effect, Inbound, Reply, StepResult
from tests.bot.helpers import FakeClock

# 16:00 in Shanghai on 2026-11-23 (a Monday).
NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


class Chat:
    """One user talking to the dialog through `step`, the way the service does it: the
    conversation is stored as its four-column record (through JSON) between messages."""

    def __init__(self, locale: str = "zh-CN", now: datetime = NOW, durable: bool = True) -> None:
        self.now = now
        self.durable = durable
        self.conversation = Conversation.new(locale)
        self.results: list[StepResult] = []

    def send(
        self, text: str | None = None, *, choice: str | None = None, command: str | None = None
    ) -> StepResult:
        if self.durable:
            record = json.loads(json.dumps(self.conversation.to_record(), ensure_ascii=False))
            self.conversation = Conversation.from_record(**record)
        inbound = Inbound(
            "console",
            "tester",
            str(len(self.results)),
            self.now,
            text=text,
            choice=choice,
            command=command,
        )
        result = step(self.conversation, inbound, self.now)
        self.results.append(result)
        return result

    def say(self, *messages: str) -> StepResult:
        """Several typed messages in a row; the result of the last one."""
        for message in messages:
            result = self.send(message)
        return result

    def later(self, days: int) -> None:
        self.now += timedelta(days=days)

    @property
    def last(self) -> StepResult:
        return self.results[-1]

    @property
    def text(self) -> str:
        return "\n".join(reply.text for reply in self.last.replies)

    @property
    def choices(self) -> list[Choice]:
        return [c for reply in self.last.replies for c in reply.choices]

    @property
    def choice_ids(self) -> list[str]:
        return [c.id for c in self.choices]

    @property
    def buttons(self) -> list[str]:
        return [b.id for reply in self.last.replies for b in reply.buttons]

    @property
    def effects(self) -> list[Effect]:
        return list(self.last.effects)

    @property
    def state(self) -> str:
        return self.conversation.state

    @property
    def answers(self) -> dict[str, Any]:
        return self.conversation.answers

    def all_replies(self) -> list[Reply]:
        return [reply for result in self.results for reply in result.replies]


@pytest.fixture
def chat() -> Chat:
    return Chat()


@pytest.fixture
def chat_en() -> Chat:
    return Chat("en")


@pytest.fixture
def make_chat() -> type[Chat]:
    return Chat


@pytest.fixture
def now() -> datetime:
    return NOW


@pytest.fixture
async def runtime(sqlite_url: str) -> AsyncIterator[Runtime]:
    """The whole service (ConversationService on SQLite), for tests through it."""
    built = build_runtime(Settings(database_url=sqlite_url), clock=FakeClock())
    yield built
    await built.db.dispose()
