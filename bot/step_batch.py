"""One transaction for a batch of inbound messages: read, step, write, with Core statements.

`steps` is written without I/O: it yields each statement (with its parameters) and is sent
back the rows, so the same code runs on SQLite in one worker thread (one thread hop for the
whole batch, `Database.run_batch`) and on PostgreSQL on an event loop of its own in a thread
(one thread hop, and no round trip waits for the main loop's turn). Per batch it costs
about eight statements, whatever the number of messages; the ORM's unit of work, one
transaction per message and one more per reply sent cost ~40 statements and thread hops each.

Only the plain step runs here: a message of a conversation staff hold, or one whose step
has effects (a handoff, a reminder, deleting data...), gets `None` and goes the full way
(`ConversationService`), after this batch, in order for its user.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Executable, bindparam, insert, select, tuple_, update

from bot.storage.conversations import REPLY_LEASE
from bot.storage.models import Conversation as ConversationRow
from bot.storage.models import OutboxReply, ProcessedMessage, TranscriptLine, User
from bot.support.models import FaqOutcome
from bot.support.ratings import outcome_rows
from dialogs.conversation import Conversation
from dialogs.types import Inbound, Reply, StepResult

USERS, CONVERSATIONS = User.__table__, ConversationRow.__table__
OUTBOX, PROCESSED, TRANSCRIPT = (
    OutboxReply.__table__,
    ProcessedMessage.__table__,
    TranscriptLine.__table__,
)

Query = tuple[Executable, list[dict[str, Any]] | None]
Stepper = Callable[[Conversation, Inbound, datetime], StepResult]
Key = tuple[str, str]


@dataclass(frozen=True)
class Stepped:
    """What a message of the batch came to (the service turns it into `Handled`)."""

    user_id: int
    replies: tuple[Reply, ...]
    outbox_ids: tuple[int, ...]
    duplicate: bool = False
    left_over: tuple[int, ...] = ()  # see `bot.service.Handled`


@dataclass
class _State:
    user_id: int | None
    conversation: Conversation
    version: int | None  # None: no conversation row yet
    mode: str
    unreachable: bool


@dataclass
class _Done:
    key: Key
    inbound: Inbound
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
    lock_rows: bool = False,
) -> Generator[Query, list[Any], list[Stepped | None]]:
    """Results in the order of `inbounds`; None for a message that needs the full way.
    `started`: when this process started (a duplicate's replies pending from before it are
    left over by another process, `Stepped.left_over`).

    `sent_marks` is called for the replies sent since the last mark, as the last statement
    (bot.sent_marks.SentMarks: the sooner a mark is written, the fewer replies a crash repeats)."""
    seen = yield from _processed(inbounds)
    states = yield from _load(inbounds, new_conversation, lock_rows)
    results: list[Stepped | None] = [None] * len(inbounds)
    done: dict[int, _Done] = {}
    first_of: dict[Key, int] = {}  # message key -> index of its first arrival in the batch
    full_way: set[Key] = set()  # users whose later messages must wait for the full way too
    for index, inbound in enumerate(inbounds):
        message, user = (inbound.channel, inbound.message_id), (inbound.channel, inbound.user)
        if message in seen or message in first_of:
            continue  # answered below, from the first result
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
        done[index] = _Done(user, inbound, tuple(result.replies), transcript)
    for key in full_way:  # their messages stepped above are undone: all go the full way
        for index in [i for i, d in done.items() if d.key == key]:
            del done[index]
    if done:
        yield from _new_users(states, now)
        yield from _write_conversations(states, {d.key for d in done.values()}, now)
        yield from _write_transcript(done.values(), states, now)
        outcomes = [row for d in done.values() for row in outcome_rows(d.inbound, d.replies, now)]
        if outcomes:  # what the FAQ made of the questions, for the weekly figures
            yield (insert(FaqOutcome), outcomes)
        outbox_ids = yield from _enqueue(done, states, now)
        yield (
            insert(PROCESSED),
            [
                {
                    "channel": d.inbound.channel,
                    "message_id": d.inbound.message_id,
                    "user_id": states[d.key].user_id,
                    "outbox_ids": list(outbox_ids[index]),
                    "at": now,
                }
                for index, d in done.items()
            ],
        )
        for index, d in done.items():
            user_id = states[d.key].user_id
            assert user_id is not None
            results[index] = Stepped(user_id, d.replies, outbox_ids[index])
    yield from _answer_redeliveries(inbounds, seen, first_of, results, started)
    if marks := sent_marks():
        yield (
            update(OUTBOX).where(OUTBOX.c.id.in_(list(marks))).values(status="sent", sent_at=now),
            None,
        )
    return results


def _processed(
    inbounds: Sequence[Inbound],
) -> Generator[Query, list[Any], dict[Key, tuple[int, list[int]]]]:
    keys = list({(i.channel, i.message_id) for i in inbounds})
    rows = yield (
        select(
            PROCESSED.c.channel, PROCESSED.c.message_id, PROCESSED.c.user_id, PROCESSED.c.outbox_ids
        ).where(tuple_(PROCESSED.c.channel, PROCESSED.c.message_id).in_(keys)),
        None,
    )
    return {(row.channel, row.message_id): (row.user_id, list(row.outbox_ids)) for row in rows}


def _load(
    inbounds: Sequence[Inbound], new_conversation: Callable[[Inbound], Conversation], lock: bool
) -> Generator[Query, list[Any], dict[Key, _State]]:
    """Every user of the batch with their conversation; on PostgreSQL the conversation rows
    are locked (in user id order, so two processes' batches cannot deadlock), so no other
    process changes them before this batch commits."""
    keys = list({(i.channel, i.user) for i in inbounds})
    users = tuple_(USERS.c.channel, USERS.c.external_id).in_(keys)
    conversations = CONVERSATIONS
    if lock:  # (FOR UPDATE may not name the nullable side of an outer join: lock in a CTE)
        conversations = (
            select(CONVERSATIONS)
            .where(CONVERSATIONS.c.user_id.in_(select(USERS.c.id).where(users)))
            .order_by(CONVERSATIONS.c.user_id)
            .with_for_update()
            .cte("locked")
        )
    c = conversations.c
    query = (
        select(
            USERS.c.id,
            USERS.c.channel,
            USERS.c.external_id,
            USERS.c.unreachable,
            c.state,
            c.locale,
            c.answers,
            c.context,
            c.mode,
            c.version,
        )
        .outerjoin(conversations, c.user_id == USERS.c.id)
        .where(users)
    )
    rows = yield (query, None)
    states: dict[Key, _State] = {}
    for row in rows:
        key = (row.channel, row.external_id)
        if row.version is None:  # a user whose conversation was never saved
            conversation = _first_conversation(inbounds, key, new_conversation)
            states[key] = _State(row.id, conversation, None, "bot", row.unreachable)
        else:
            conversation = Conversation.from_record(row.state, row.locale, row.answers, row.context)
            states[key] = _State(row.id, conversation, row.version, row.mode, row.unreachable)
    for key in keys:
        if key not in states:
            conversation = _first_conversation(inbounds, key, new_conversation)
            states[key] = _State(None, conversation, None, "bot", False)
    return states


def _first_conversation(
    inbounds: Sequence[Inbound], key: Key, new_conversation: Callable[[Inbound], Conversation]
) -> Conversation:
    first = next(i for i in inbounds if (i.channel, i.user) == key)
    return new_conversation(first)


def _new_users(states: dict[Key, _State], now: datetime) -> Generator[Query, list[Any], None]:
    new = [key for key, state in states.items() if state.user_id is None]
    if new:
        rows = yield (
            insert(USERS).returning(USERS.c.id, sort_by_parameter_order=True),
            [
                {"channel": c, "external_id": e, "unreachable": False, "created_at": now}
                for c, e in new
            ],
        )
        for key, row in zip(new, rows, strict=True):
            states[key].user_id = row.id
    blocked = [s.user_id for s in states.values() if s.unreachable]
    if blocked:  # they wrote: not blocked any more
        yield (update(USERS).where(USERS.c.id.in_(blocked)).values(unreachable=False), None)


def _write_conversations(
    states: dict[Key, _State], stepped: set[Key], now: datetime
) -> Generator[Query, list[Any], None]:
    fresh, known = [], []
    for key in stepped:
        state = states[key]
        record = {
            **state.conversation.to_record(),
            "user_id": state.user_id,
            "mode": state.mode,
            "updated_at": now,
        }
        if state.version is None:
            fresh.append({**record, "version": 1})
        else:
            known.append({**record, "b_user_id": state.user_id, "version": state.version + 1})
    if fresh:
        yield (insert(CONVERSATIONS), fresh)
    if known:  # the SET clause is made of the parameters' other keys
        yield (
            update(CONVERSATIONS).where(CONVERSATIONS.c.user_id == bindparam("b_user_id")),
            [{k: v for k, v in row.items() if k != "user_id"} for row in known],
        )


def _write_transcript(
    done: Iterable[_Done], states: dict[Key, _State], now: datetime
) -> Generator[Query, list[Any], None]:
    rows = [
        {"user_id": states[d.key].user_id, "author": author, "text": text, "at": now}
        for d in done
        for author, text in d.transcript
    ]
    yield (insert(TRANSCRIPT), rows)


def _enqueue(
    done: dict[int, _Done], states: dict[Key, _State], now: datetime
) -> Generator[Query, list[Any], dict[int, tuple[int, ...]]]:
    """The replies, leased to this process, which sends them right after the commit."""
    owners = [index for index, d in done.items() for _ in d.replies]
    if not owners:
        return {index: () for index in done}
    rows = yield (
        insert(OUTBOX).returning(OUTBOX.c.id, sort_by_parameter_order=True),
        [
            {
                "user_id": states[d.key].user_id,
                "payload": reply.to_json(),
                "status": "pending",
                "attempts": 0,
                "not_before": now + REPLY_LEASE,
                "created_at": now,
            }
            for d in done.values()
            for reply in d.replies
        ],
    )
    ids: dict[int, list[int]] = {index: [] for index in done}
    for index, row in zip(owners, rows, strict=True):
        ids[index].append(row.id)
    return {index: tuple(values) for index, values in ids.items()}


def _answer_redeliveries(
    inbounds: Sequence[Inbound],
    seen: dict[Key, tuple[int, list[int]]],
    first_of: dict[Key, int],
    results: list[Stepped | None],
    started: datetime,
) -> Generator[Query, list[Any], None]:
    """A message handled before (or earlier in this batch) gets the first result again."""
    earlier = {key: seen[key][1] for key in seen}
    payloads: dict[int, Reply] = {}
    left_over: set[int] = set()
    wanted = sorted({i for ids in earlier.values() for i in ids})
    if wanted:
        pending_from_before = (OUTBOX.c.status == "pending") & (OUTBOX.c.created_at < started)
        rows = yield (
            select(OUTBOX.c.id, OUTBOX.c.payload, pending_from_before.label("left_over"))
            .where(OUTBOX.c.id.in_(wanted))
            .order_by(OUTBOX.c.id),
            None,
        )
        payloads = {row.id: Reply.from_json(row.payload) for row in rows}
        left_over = {row.id for row in rows if row.left_over}
    for index, inbound in enumerate(inbounds):
        key = (inbound.channel, inbound.message_id)
        if key in seen:
            user_id, ids = seen[key]
            replies = tuple(payloads[i] for i in ids if i in payloads)
            mine = tuple(i for i in ids if i in left_over)
            results[index] = Stepped(user_id, replies, tuple(ids), True, mine)
        elif first_of.get(key) != index:
            first = results[first_of[key]]
            if first is not None:
                results[index] = Stepped(first.user_id, first.replies, first.outbox_ids, True)
