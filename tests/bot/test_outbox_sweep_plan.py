"""The outbox sweep's query reads the pending rows through their partial index and reaches each
row's user by primary key, even on a PostgreSQL that has never analyzed its tables: a plan that
loops over every user took 3.8 s a pass there (issue 20, 5b b)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import create_async_engine

from bot.delivery import claimable, claiming
from bot.storage.models import OutboxReply

USERS = 20_000


def _nodes(plan: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield plan
    for child in plan.get("Plans", []):
        yield from _nodes(child)


async def test_the_sweep_starts_from_the_pending_rows_on_a_never_analyzed_database(
    postgres_url: str,
) -> None:
    engine = create_async_engine(postgres_url)
    try:
        async with engine.begin() as connection:
            for table in ("users", "outbox"):  # no statistics: as right after a restore
                await connection.execute(
                    text(f"ALTER TABLE {table} SET (autovacuum_enabled = false)")
                )
            await connection.execute(
                text(
                    "INSERT INTO users (channel, external_id, unreachable, created_at) "
                    "SELECT 'telegram', g::text, false, now() FROM generate_series(1, :n) g"
                ),
                {"n": USERS},
            )
            await connection.execute(
                text(
                    "INSERT INTO outbox (user_id, payload, status, attempts, not_before, "
                    "created_at, sent_at) SELECT id, '{}', "
                    "CASE WHEN id % 1000 = 0 THEN 'pending' ELSE 'sent' END, 0, now(), now(), "
                    "now() FROM users"
                )
            )
            analyzed = await connection.scalar(
                text(
                    "SELECT count(*) FROM pg_stat_user_tables WHERE relname IN "
                    "('users', 'outbox') AND (last_analyze IS NOT NULL OR "
                    "last_autoanalyze IS NOT NULL)"
                )
            )
            assert analyzed == 0
            query = claimable(OutboxReply.not_before <= func.now(), ["telegram", "wechat"], 100)
            sql = query.compile(
                dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}
            )
            explained = await connection.scalar(text(f"EXPLAIN (FORMAT JSON) {sql}"))
            claim = claiming(
                OutboxReply.not_before <= func.now(), ["telegram", "wechat"], 100, datetime.now(UTC)
            )
            sql = claim.compile(
                dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}
            )
            explained_claim = await connection.scalar(text(f"EXPLAIN (FORMAT JSON) {sql}"))
            due = (await connection.execute(query)).all()
            claimed = (await connection.execute(claim)).all()
    finally:
        await engine.dispose()
    _assert_starts_from_the_pending_rows(explained)  # the sweep's query alone
    _assert_starts_from_the_pending_rows(explained_claim)  # the claim, as it runs
    assert len(due) == USERS // 1000
    assert sorted(row.id for row in claimed) == [row.id for row in due]


def _assert_starts_from_the_pending_rows(explained: Any) -> None:
    plan = (json.loads(explained) if isinstance(explained, str) else explained)[0]["Plan"]
    nodes = list(_nodes(plan))
    user_scans = [n for n in nodes if n.get("Relation Name") == "users"]
    assert "ix_outbox_pending" in {n.get("Index Name") for n in nodes}, plan
    assert not any(n["Node Type"] == "Seq Scan" for n in nodes), plan
    assert user_scans and all(
        n["Node Type"].startswith("Index") and n.get("Parent Relationship") == "SubPlan"
        for n in user_scans
    ), plan
    assert not any("Join" in n["Node Type"] for n in nodes), plan
