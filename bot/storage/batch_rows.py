"""What a batch of steps reads and writes, as plain values: `bot.step_batch` decides them, and
`batch_sqlite` or `batch_postgresql` turn them into statements for its database."""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Executable

Key = tuple[str, str]  # (channel, message id) of a message, (channel, external id) of a user
# A statement with its parameters (a list: executemany), sent back the rows it returned.
Query = tuple[Executable, list[dict[str, Any]] | None]
Statements = Generator[Query, list[Any], Any]


@dataclass(frozen=True)
class Seen:
    """A message handled before: whose it was and the replies it got."""

    user_id: int
    outbox_ids: list[int]


@dataclass(frozen=True)
class Stored:
    """A user of the batch as stored, with their conversation (`record` None: never saved)."""

    user_id: int
    unreachable: bool
    record: dict[str, Any] | None
    mode: str
    version: int | None


@dataclass(frozen=True)
class Read:
    seen: dict[Key, Seen]  # by message
    # The replies of the messages seen, by outbox id: the payload, and whether it is still
    # pending from before this process started (`bot.step_batch.Handled.left_over`).
    replies: dict[int, tuple[dict[str, Any], bool]]
    users: dict[Key, Stored]  # by user; a user not stored yet is not here


@dataclass(frozen=True)
class UserWrite:
    """A user with a message stepped: their new conversation (the bot holds it: only then is
    a message stepped in a batch), to save if `version` is still the stored one (None: no
    conversation row yet; `user_id` None: no user row yet)."""

    key: Key
    user_id: int | None
    reachable_again: bool  # they had blocked the bot, and wrote
    record: dict[str, Any]
    version: int | None


@dataclass(frozen=True)
class MessageWrite:
    """A message stepped: its user (an index into `Writes.users`) and what the step left."""

    key: Key
    user: int
    replies: list[dict[str, Any]]  # payloads, in order
    transcript: list[tuple[str, str]]  # (author, text)
    outcomes: list[dict[str, Any]]  # faq_outcomes rows


@dataclass(frozen=True)
class Writes:
    now: datetime
    lease_until: datetime  # the replies are leased to this process until then
    users: list[UserWrite] = field(default_factory=list)
    messages: list[MessageWrite] = field(default_factory=list)  # in arrival order
    sent: list[int] = field(default_factory=list)  # replies sent since the last write


@dataclass(frozen=True)
class Written:
    user_ids: list[int]  # by `Writes.users`
    outbox_ids: list[list[int]]  # by `Writes.messages`
