"""A batch's reads and writes on PostgreSQL: one statement each, two round trips a batch.

Every round trip of a batch waits on the network and then for the interpreter lock, which
the event loop holds most of the time under load; eight statements inside BEGIN ... COMMIT
were ten round trips. Here the batch's values go as arrays (`unnest`), and no transaction is
opened around the two statements (`Database.run_batch` runs them in autocommit), so:

- `read` takes the messages seen before, their replies and the users' conversations, in one
  snapshot, without locking anything;
- `write` is one statement, so all or nothing, made of data-modifying CTEs. It first locks the
  conversations it saves, in user id order (two processes' batches cannot deadlock), and
  writes nothing unless each still has the version `read` saw; `Overtaken` then sends the
  batch's messages the full way, as a user or message row created meanwhile by another
  process does (the unique index raises IntegrityError).

Ids are drawn with `nextval` row by row over the arrays in their order, so a message's replies,
and two messages of one user, keep their order in the outbox and the transcript.
"""

from __future__ import annotations

import json
from collections.abc import Generator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import text

from bot.storage.batch_rows import Key, Query, Read, Seen, Stored, Writes, Written
from bot.storage.conversations import ConversationOvertaken as Overtaken

READ = text(
    """
WITH seen AS (
    SELECT p.channel, p.message_id, p.user_id, p.outbox_ids
    FROM unnest(CAST(:message_channels AS text[]), CAST(:message_ids AS text[]))
        AS k(channel, message_id)
    JOIN processed_messages AS p ON p.channel = k.channel AND p.message_id = k.message_id
)
SELECT
    (SELECT json_agg(json_build_array(channel, message_id, user_id, outbox_ids)) FROM seen),
    (SELECT json_agg(json_build_array(o.id, o.payload,
                o.status = 'pending' AND o.created_at < CAST(:started AS timestamptz)))
        FROM outbox AS o
        WHERE o.id IN (SELECT CAST(json_array_elements_text(outbox_ids) AS bigint) FROM seen)),
    (SELECT json_agg(json_build_array(
                u.channel, u.external_id, u.id, u.unreachable,
                c.state, c.locale, c.answers, c.context, c.mode, c.version))
        FROM unnest(CAST(:user_channels AS text[]), CAST(:external_ids AS text[]))
            AS k(channel, external_id)
        JOIN users AS u ON u.channel = k.channel AND u.external_id = k.external_id
        LEFT JOIN conversations AS c ON c.user_id = u.id)
"""
)

WRITE = text(
    """
WITH stepped AS MATERIALIZED (
    SELECT s.slot, s.user_id IS NULL AS new,
        coalesce(s.user_id, nextval(pg_get_serial_sequence('users', 'id'))) AS user_id,
        s.channel, s.external_id, s.reachable_again,
        s.state, s.locale, s.answers, s.context, s.version
    FROM unnest(
        CAST(:user_ids AS bigint[]), CAST(:channels AS text[]), CAST(:external_ids AS text[]),
        CAST(:reachable_again AS boolean[]), CAST(:states AS text[]), CAST(:locales AS text[]),
        CAST(:answers AS text[]), CAST(:contexts AS text[]), CAST(:versions AS integer[])
    ) WITH ORDINALITY AS s(
        user_id, channel, external_id, reachable_again, state, locale, answers, context, version,
        slot)
),
locked AS MATERIALIZED (
    SELECT c.user_id, c.version FROM conversations AS c
    WHERE c.user_id IN (SELECT user_id FROM stepped WHERE version IS NOT NULL)
    ORDER BY c.user_id
    FOR UPDATE OF c
),
ok AS MATERIALIZED (
    SELECT NOT EXISTS (
        SELECT FROM stepped AS s LEFT JOIN locked AS l ON l.user_id = s.user_id
        WHERE s.version IS NOT NULL AND l.version IS DISTINCT FROM s.version
    ) AS ok
),
new_users AS (
    INSERT INTO users (id, channel, external_id, unreachable, created_at)
    SELECT user_id, channel, external_id, false, CAST(:now AS timestamptz)
    FROM stepped WHERE new AND (SELECT ok FROM ok)
),
reachable_again AS (
    UPDATE users SET unreachable = false
    WHERE id IN (SELECT user_id FROM stepped WHERE reachable_again) AND (SELECT ok FROM ok)
),
fresh AS (
    INSERT INTO conversations (user_id, state, locale, answers, context, mode, version, updated_at)
    SELECT user_id, state, locale, CAST(answers AS json), CAST(context AS json), 'bot', 1,
        CAST(:now AS timestamptz)
    FROM stepped WHERE version IS NULL AND (SELECT ok FROM ok)
),
saved AS (
    UPDATE conversations AS c
    SET state = s.state, locale = s.locale, answers = CAST(s.answers AS json),
        context = CAST(s.context AS json), version = s.version + 1,
        updated_at = CAST(:now AS timestamptz)
    FROM stepped AS s
    WHERE c.user_id = s.user_id AND s.version IS NOT NULL AND (SELECT ok FROM ok)
),
lines AS (
    INSERT INTO transcript (user_id, author, text, at)
    SELECT s.user_id, t.author, t.text, CAST(:now AS timestamptz)
    FROM unnest(CAST(:line_users AS bigint[]), CAST(:authors AS text[]), CAST(:texts AS text[]))
        WITH ORDINALITY AS t(slot, author, text, ord)
    JOIN stepped AS s ON s.slot = t.slot
    WHERE (SELECT ok FROM ok)
    ORDER BY t.ord
),
outcomes AS (
    INSERT INTO faq_outcomes (at, outcome, topic, channel)
    SELECT CAST(:now AS timestamptz), o.outcome, o.topic, o.channel
    FROM unnest(
        CAST(:outcomes AS text[]), CAST(:topics AS text[]), CAST(:outcome_channels AS text[])
    ) AS o(outcome, topic, channel)
    WHERE (SELECT ok FROM ok)
),
replies AS MATERIALIZED (
    SELECT r.message, r.slot, r.payload, r.ord,
        nextval(pg_get_serial_sequence('outbox', 'id')) AS id
    FROM unnest(CAST(:reply_messages AS bigint[]), CAST(:reply_users AS bigint[]),
        CAST(:payloads AS text[])) WITH ORDINALITY AS r(message, slot, payload, ord)
),
queued AS (
    INSERT INTO outbox (id, user_id, payload, status, attempts, not_before, created_at)
    SELECT r.id, s.user_id, CAST(r.payload AS json), 'pending', 0,
        CAST(:lease_until AS timestamptz), CAST(:now AS timestamptz)
    FROM replies AS r JOIN stepped AS s ON s.slot = r.slot
    WHERE (SELECT ok FROM ok)
),
processed AS (
    INSERT INTO processed_messages (channel, message_id, user_id, outbox_ids, at)
    SELECT m.channel, m.message_id, s.user_id,
        coalesce((SELECT json_agg(r.id ORDER BY r.ord) FROM replies AS r
                  WHERE r.message = m.message), '[]'),
        CAST(:now AS timestamptz)
    FROM unnest(CAST(:message_channels AS text[]), CAST(:message_ids AS text[]),
        CAST(:message_users AS bigint[])) WITH ORDINALITY AS m(channel, message_id, slot, message)
    JOIN stepped AS s ON s.slot = m.slot
    WHERE (SELECT ok FROM ok)
),
sent AS (
    UPDATE outbox SET status = 'sent', sent_at = CAST(:now AS timestamptz)
    WHERE id = ANY(CAST(:sent AS bigint[])) AND (SELECT ok FROM ok)
)
SELECT (SELECT ok FROM ok),
    (SELECT array_agg(user_id ORDER BY slot) FROM stepped),
    (SELECT array_agg(message ORDER BY ord) FROM replies),
    (SELECT array_agg(id ORDER BY ord) FROM replies)
"""
)


def read(
    messages: Sequence[Key], users: Sequence[Key], started: datetime
) -> Generator[Query, list[Any], Read]:
    (row,) = yield (
        READ.bindparams(
            message_channels=[c for c, _ in messages],
            message_ids=[m for _, m in messages],
            started=started,
            user_channels=[c for c, _ in users],
            external_ids=[e for _, e in users],
        ),
        None,
    )
    # json comes decoded: the asyncpg dialect sets the codec on each connection
    seen_rows, reply_rows, user_rows = (value or [] for value in row)
    return Read(
        {(c, m): Seen(user_id, ids) for c, m, user_id, ids in seen_rows},
        {id_: (payload, left_over) for id_, payload, left_over in reply_rows},
        {(r[0], r[1]): _stored(*r[2:]) for r in user_rows},
    )


def _stored(
    user_id: int, unreachable: bool, state: str | None, locale: str, answers: Any, context: Any,
    mode: str, version: int | None,
) -> Stored:  # fmt: skip
    if version is None:  # a user whose conversation was never saved
        return Stored(user_id, unreachable, None, "bot", None)
    record = {"state": state, "locale": locale, "answers": answers, "context": context}
    return Stored(user_id, unreachable, record, mode, version)


def write(writes: Writes) -> Generator[Query, list[Any], Written]:
    users, messages = writes.users, writes.messages
    # slots are 1-based: WITH ORDINALITY counts from 1
    (row,) = yield (
        WRITE.bindparams(
            now=writes.now,
            lease_until=writes.lease_until,
            user_ids=[u.user_id for u in users],
            channels=[u.key[0] for u in users],
            external_ids=[u.key[1] for u in users],
            reachable_again=[u.reachable_again for u in users],
            states=[u.record["state"] for u in users],
            locales=[u.record["locale"] for u in users],
            answers=[_json(u.record["answers"]) for u in users],
            contexts=[_json(u.record["context"]) for u in users],
            versions=[u.version for u in users],
            line_users=[m.user + 1 for m in messages for _ in m.transcript],
            authors=[author for m in messages for author, _ in m.transcript],
            texts=[line for m in messages for _, line in m.transcript],
            outcomes=[o["outcome"] for m in messages for o in m.outcomes],
            topics=[o["topic"] for m in messages for o in m.outcomes],
            outcome_channels=[o["channel"] for m in messages for o in m.outcomes],
            reply_messages=[i + 1 for i, m in enumerate(messages) for _ in m.replies],
            reply_users=[m.user + 1 for m in messages for _ in m.replies],
            payloads=[_json(payload) for m in messages for payload in m.replies],
            message_channels=[m.key[0] for m in messages],
            message_ids=[m.key[1] for m in messages],
            message_users=[m.user + 1 for m in messages],
            sent=writes.sent,
        ),
        None,
    )
    ok, user_ids, reply_messages, reply_ids = row
    if not ok:
        raise Overtaken("a conversation of the batch was saved by another step meanwhile")
    outbox_ids: list[list[int]] = [[] for _ in messages]
    for message, reply_id in zip(reply_messages or (), reply_ids or (), strict=True):
        outbox_ids[message - 1].append(reply_id)
    return Written(list(user_ids or ()), outbox_ids)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
