"""The inbox: messages written down as they arrive, before they are answered.

`record` is a batch (see `Database.run_batch`): the messages of requests that arrive together
are written in one transaction. `left_over` finds the messages that were written down but never
stepped (no `processed_messages` row), and the events never applied (their work is cleared by
`done` in the transaction that applies them), for the sweep to step or apply them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import Update, and_, exists, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from bot.storage.database import Batch, Database
from bot.storage.models import InboxMessage, ProcessedMessage
from dialogs.types import Inbound

INBOX, PROCESSED = InboxMessage.__table__, ProcessedMessage.__table__
KEY_LENGTH = 64  # inbox.key


@dataclass(frozen=True)
class Arrived:
    key: str  # the signed (timestamp, nonce) pair of the request
    digest: str  # of the body as posted
    channel: str
    message_id: str | None  # of a message to step (its dedupe key)
    work: dict[str, Any] | None  # what is to be done, as JSON; None for nothing
    expires_at: datetime  # when the pair leaves the replay window


def to_json(inbound: Inbound) -> dict[str, Any]:
    values = {f.name: getattr(inbound, f.name) for f in fields(inbound)}
    return {**values, "at": inbound.at.isoformat()}


def from_json(data: dict[str, Any]) -> Inbound:
    return Inbound(**{**data, "at": datetime.fromisoformat(data["at"])})


def record(arrived: Sequence[Arrived], now: datetime, sqlite: bool) -> Batch[list[bool]]:
    """Write each arrival unless its pair is known; True for those whose pair is new or came
    before with the same body (WeChat posting the same request again), False for a pair used
    before with another body."""
    insert = sqlite_insert if sqlite else postgresql_insert
    yield (
        insert(INBOX).on_conflict_do_nothing(index_elements=[INBOX.c.key]),
        [
            {
                "key": a.key,
                "digest": a.digest,
                "channel": a.channel,
                "message_id": a.message_id,
                "inbound": a.work,
                "received_at": now,
                "expires_at": a.expires_at,
            }
            for a in arrived
        ],
    )
    rows = yield (
        select(INBOX.c.key, INBOX.c.digest).where(INBOX.c.key.in_({a.key for a in arrived})),
        None,
    )
    stored = {row.key: row.digest for row in rows}
    return [stored.get(a.key) == a.digest for a in arrived]


async def left_over(
    db: Database, since: datetime, until: datetime, limit: int
) -> list[tuple[datetime, str, dict[str, Any]]]:
    """Work received in (since, until] and never done, oldest first: (received, key, work)."""
    stepped = exists().where(
        and_(PROCESSED.c.channel == INBOX.c.channel, PROCESSED.c.message_id == INBOX.c.message_id)
    )
    query = (
        select(INBOX.c.received_at, INBOX.c.key, INBOX.c.inbound)
        .where(
            INBOX.c.received_at > since,
            INBOX.c.received_at <= until,
            INBOX.c.inbound.is_not(None),
            ~stepped,
        )
        .order_by(INBOX.c.received_at)
        .limit(limit)
    )
    async with db.engine.connect() as connection:
        rows = (await connection.execute(query)).all()
    return [(row.received_at, row.key, row.inbound) for row in rows]


def done(key: str) -> Update:
    """The row's work is done (for work that leaves no `processed_messages` row)."""
    return update(INBOX).where(INBOX.c.key == key).values(inbound=None)
