"""One batch of inbound messages: read, step, write, with as few statements as the database
allows.

`steps` is written without I/O: it yields each statement (with its parameters) and is sent
back the rows, so the same code runs on SQLite in one worker thread (one thread hop for the
whole batch, `Database.run_batch`) and on PostgreSQL on an event loop of its own in a thread
(one thread hop, and no round trip waits for the main loop's turn). What is read and written
is decided here, as values (`bot.storage.batch_rows`): `bot.storage.batch_sqlite` writes them
with a few statements in the batch's transaction, `bot.storage.batch_postgresql` with one
statement to read and one to write (two round trips a batch, whatever its size). The ORM's
unit of work, one transaction per message and one more per reply sent cost ~40 statements.

Only the plain step runs here: a message of a conversation staff hold, or one whose step
has effects (a handoff, a reminder, deleting data...), gets `None` and goes the full way
(`ConversationService`), after this batch, in order for its user.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.storage import batch_postgresql, batch_sqlite
from bot.storage.batch_rows import Key, MessageWrite, Query, Read, UserWrite, Writes
from bot.storage.conversations import REPLY_LEASE
from bot.support.ratings import outcome_rows
from dialogs.conversation import Conversation
from dialogs.types import Inbound, Reply, StepResult

Stepper = Callable[[Conversation, Inbound, datetime], StepResult]


@dataclass(frozen=True)
class Handled:
    """What a message came to, in a batch or on the full way."""

    user_id: int
    replies: tuple[Reply, ...]
    outbox_ids: tuple[int, ...]
    duplicate: bool = False
    # Of a duplicate's replies, those still pending that were committed before this process
    # started: a process that died before sending them left them over (`Outbox.take_over`).
    # Nearly always none, and then a redelivery costs no transaction more.
    left_over: tuple[int, ...] = ()


@dataclass
class _State:
    conversation: Conversation
    mode: str


@dataclass(frozen=True)
class _Done:
    index: int  # in the batch
    user: Key
    replies: tuple[Reply, ...]
    transcript: list[tuple[str, str]]


def steps(
    inbounds: Sequence[Inbound],
    now: datetime,
    new_conversation: Callable[[Inbound], Conversation],
    step: Stepper,
    describe: Callable[[Inbound], str],
    sent_marks: Callable[[], Sequence[int]] = tuple,
    *,
    started: datetime,
    postgresql: bool = False,
) -> Generator[Query, list[Any], list[Handled | None]]:
    """Results in the order of `inbounds`; None for a message that needs the full way.
    `started`: when this process started (a duplicate's replies pending from before it are
    left over by another process, `Handled.left_over`).

    `sent_marks` is called for the replies sent since the last mark, just before the write
    (bot.sent_marks.SentMarks: the sooner a mark is written, the fewer replies a crash repeats)."""
    statements = batch_postgresql if postgresql else batch_sqlite
    messages = list(dict.fromkeys((i.channel, i.message_id) for i in inbounds))
    users = list(dict.fromkeys((i.channel, i.user) for i in inbounds))
    read: Read = yield from statements.read(messages, users, started)
    states = {key: _state(key, read, inbounds, new_conversation) for key in users}
    done, first_of = _step_all(inbounds, read, states, now, step, describe)
    writes = _writes(done, inbounds, read, states, now, list(sent_marks()))
    results: list[Handled | None] = [None] * len(inbounds)
    if writes.messages or writes.sent:
        written = yield from statements.write(writes)
        for index, (d, message) in enumerate(zip(done, writes.messages, strict=True)):
            user_id = written.user_ids[message.user]
            results[d.index] = Handled(user_id, d.replies, tuple(written.outbox_ids[index]))
    _answer_redeliveries(inbounds, read, first_of, results)
    return results


def _state(
    user: Key, read: Read, inbounds: Sequence[Inbound], new: Callable[[Inbound], Conversation]
) -> _State:
    stored = read.users.get(user)
    if stored is None or stored.record is None:
        return _State(new(next(i for i in inbounds if (i.channel, i.user) == user)), "bot")
    return _State(Conversation.from_record(**stored.record), stored.mode)


def _step_all(
    inbounds: Sequence[Inbound],
    read: Read,
    states: dict[Key, _State],
    now: datetime,
    step: Stepper,
    describe: Callable[[Inbound], str],
) -> tuple[list[_Done], dict[Key, int]]:
    """The messages stepped here, in arrival order, and the index of each message's first
    arrival (a message can come twice in a batch)."""
    done: list[_Done] = []
    first_of: dict[Key, int] = {}
    full_way: set[Key] = set()  # users whose later messages must wait for the full way too
    for index, inbound in enumerate(inbounds):
        message, user = (inbound.channel, inbound.message_id), (inbound.channel, inbound.user)
        if message in read.seen or message in first_of:
            continue  # answered from the first result
        first_of[message] = index
        state = states[user]
        if user in full_way or state.mode != "bot":
            full_way.add(user)
            continue
        before = state.conversation.to_record()
        result = step(state.conversation, inbound, now)
        if result.effects:
            state.conversation = Conversation.from_record(**before)
            full_way.add(user)
            continue
        transcript = [("user", describe(inbound))] + [("bot", r.text) for r in result.replies]
        done.append(_Done(index, user, tuple(result.replies), transcript))
    # a user with a message on the full way has none stepped here: all go the full way
    return [d for d in done if d.user not in full_way], first_of


def _writes(
    done: list[_Done],
    inbounds: Sequence[Inbound],
    read: Read,
    states: dict[Key, _State],
    now: datetime,
    sent: list[int],
) -> Writes:
    slots: dict[Key, int] = {}
    users: list[UserWrite] = []
    messages: list[MessageWrite] = []
    for d in done:
        if d.user not in slots:
            slots[d.user] = len(users)
            stored = read.users.get(d.user)
            record = states[d.user].conversation.to_record()
            if stored is None:
                users.append(UserWrite(d.user, None, False, record, None))
            else:
                users.append(
                    UserWrite(d.user, stored.user_id, stored.unreachable, record, stored.version)
                )
        inbound = inbounds[d.index]
        messages.append(
            MessageWrite(
                (inbound.channel, inbound.message_id),
                slots[d.user],
                [reply.to_json() for reply in d.replies],
                d.transcript,
                outcome_rows(inbound, d.replies, now),  # for the FAQ's weekly figures
            )
        )
    return Writes(now, now + REPLY_LEASE, users, messages, sent)


def _answer_redeliveries(
    inbounds: Sequence[Inbound],
    read: Read,
    first_of: dict[Key, int],
    results: list[Handled | None],
) -> None:
    """A message handled before (or earlier in this batch) gets the first result again."""
    for index, inbound in enumerate(inbounds):
        key = (inbound.channel, inbound.message_id)
        if (seen := read.seen.get(key)) is not None:
            found = [i for i in seen.outbox_ids if i in read.replies]
            replies = tuple(Reply.from_json(read.replies[i][0]) for i in found)
            left_over = tuple(i for i in found if read.replies[i][1])
            results[index] = Handled(seen.user_id, replies, tuple(seen.outbox_ids), True, left_over)
        elif first_of.get(key) != index:
            first = results[first_of[key]]
            if first is not None:
                results[index] = Handled(first.user_id, first.replies, first.outbox_ids, True)
