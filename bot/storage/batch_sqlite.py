"""A batch's reads and writes on SQLite: a few Core statements, each cheap there (one thread,
one plain connection, one transaction held under the writer lock: `Database.run_batch`)."""

from __future__ import annotations

from collections.abc import Generator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, insert, select, tuple_, update

from bot.storage.batch_rows import Key, Query, Read, Seen, Stored, Writes, Written
from bot.storage.models import Conversation, OutboxReply, ProcessedMessage, TranscriptLine, User
from bot.support.models import FaqOutcome

USERS, CONVERSATIONS = User.__table__, Conversation.__table__
OUTBOX, PROCESSED, TRANSCRIPT = (
    OutboxReply.__table__,
    ProcessedMessage.__table__,
    TranscriptLine.__table__,
)


def read(
    messages: Sequence[Key], users: Sequence[Key], started: datetime
) -> Generator[Query, list[Any], Read]:
    rows = yield (
        select(
            PROCESSED.c.channel, PROCESSED.c.message_id, PROCESSED.c.user_id, PROCESSED.c.outbox_ids
        ).where(tuple_(PROCESSED.c.channel, PROCESSED.c.message_id).in_(messages)),
        None,
    )
    seen = {(r.channel, r.message_id): Seen(r.user_id, list(r.outbox_ids)) for r in rows}
    replies: dict[int, tuple[dict[str, Any], bool]] = {}
    if wanted := sorted({i for s in seen.values() for i in s.outbox_ids}):
        pending_from_before = (OUTBOX.c.status == "pending") & (OUTBOX.c.created_at < started)
        rows = yield (
            select(OUTBOX.c.id, OUTBOX.c.payload, pending_from_before.label("left_over")).where(
                OUTBOX.c.id.in_(wanted)
            ),
            None,
        )
        replies = {r.id: (r.payload, bool(r.left_over)) for r in rows}
    u, c = USERS.c, CONVERSATIONS.c
    columns = (u.id, u.channel, u.external_id, u.unreachable)
    rows = yield (
        select(*columns, c.state, c.locale, c.answers, c.context, c.mode, c.version)
        .outerjoin(CONVERSATIONS, c.user_id == USERS.c.id)
        .where(tuple_(u.channel, u.external_id).in_(users)),
        None,
    )
    stored = {(r.channel, r.external_id): _stored(r) for r in rows}
    return Read(seen, replies, stored)


def _stored(row: Any) -> Stored:
    if row.version is None:  # a user whose conversation was never saved
        return Stored(row.id, row.unreachable, None, "bot", None)
    record = {
        "state": row.state,
        "locale": row.locale,
        "answers": row.answers,
        "context": row.context,
    }
    return Stored(row.id, row.unreachable, record, row.mode, row.version)


def write(writes: Writes) -> Generator[Query, list[Any], Written]:
    """No version check: the batch's transaction held the database's only write lock since
    its read."""
    now = writes.now
    ids = yield from _user_ids(writes)
    if blocked := [ids[i] for i, u in enumerate(writes.users) if u.reachable_again]:
        yield (update(USERS).where(USERS.c.id.in_(blocked)).values(unreachable=False), None)
    yield from _conversations(writes, ids)
    messages = writes.messages
    if lines := [
        {"user_id": ids[m.user], "author": author, "text": text, "at": now}
        for m in messages
        for author, text in m.transcript
    ]:
        yield (insert(TRANSCRIPT), lines)
    if outcomes := [row for m in messages for row in m.outcomes]:
        yield (insert(FaqOutcome), outcomes)
    outbox_ids = yield from _enqueue(writes, ids)
    if messages:
        yield (
            insert(PROCESSED),
            [
                {
                    "channel": m.key[0],
                    "message_id": m.key[1],
                    "user_id": ids[m.user],
                    "outbox_ids": outbox_ids[index],
                    "at": now,
                }
                for index, m in enumerate(messages)
            ],
        )
    if writes.sent:
        yield (
            update(OUTBOX).where(OUTBOX.c.id.in_(writes.sent)).values(status="sent", sent_at=now),
            None,
        )
    return Written(ids, outbox_ids)


def _user_ids(writes: Writes) -> Generator[Query, list[Any], list[int]]:
    """The users' ids, the new users' inserted."""
    new = [u.key for u in writes.users if u.user_id is None]
    created: dict[Key, int] = {}
    if new:
        rows = yield (
            insert(USERS).returning(USERS.c.id, sort_by_parameter_order=True),
            [
                {"channel": c, "external_id": e, "unreachable": False, "created_at": writes.now}
                for c, e in new
            ],
        )
        created = {key: row.id for key, row in zip(new, rows, strict=True)}
    return [created[u.key] if u.user_id is None else u.user_id for u in writes.users]


def _conversations(writes: Writes, ids: list[int]) -> Generator[Query, list[Any], None]:
    fresh, known = [], []
    for user, user_id in zip(writes.users, ids, strict=True):
        row = {**user.record, "updated_at": writes.now}
        if user.version is None:
            fresh.append({**row, "user_id": user_id, "mode": "bot", "version": 1})
        else:
            known.append({**row, "b_user_id": user_id, "version": user.version + 1})
    if fresh:
        yield (insert(CONVERSATIONS), fresh)
    if known:  # the SET clause is made of the parameters' other keys
        yield (
            update(CONVERSATIONS).where(CONVERSATIONS.c.user_id == bindparam("b_user_id")),
            known,
        )


def _enqueue(writes: Writes, ids: list[int]) -> Generator[Query, list[Any], list[list[int]]]:
    owners = [index for index, m in enumerate(writes.messages) for _ in m.replies]
    outbox_ids: list[list[int]] = [[] for _ in writes.messages]
    if not owners:
        return outbox_ids
    rows = yield (
        insert(OUTBOX).returning(OUTBOX.c.id, sort_by_parameter_order=True),
        [
            {
                "user_id": ids[m.user],
                "payload": payload,
                "status": "pending",
                "attempts": 0,
                "not_before": writes.lease_until,
                "created_at": writes.now,
            }
            for m in writes.messages
            for payload in m.replies
        ],
    )
    for index, row in zip(owners, rows, strict=True):
        outbox_ids[index].append(row.id)
    return outbox_ids
