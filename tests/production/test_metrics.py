"""GET /metrics: what an operator's Prometheus scrapes from each `jifen serve` process."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import text

from bot.clock import shanghai_now
from bot.observability.metrics import (
    count_inbound,
    count_reminder,
    count_reply,
    step_timer,
    watch_database,
)
from bot.reminders.models import Reminder
from bot.storage.database import Database
from bot.storage.models import User
from bot.support.models import Handoff
from tests.bot.helpers import say
from tests.production.conftest import Service, running


async def scrape(service: Service) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    response = await service.client.get("/metrics")
    assert response.status == 200
    assert response.headers["Content-Type"].startswith("text/plain")
    samples = {}
    for family in text_string_to_metric_families(await response.text()):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


def value(
    samples: dict[tuple[str, tuple[tuple[str, str], ...]], float], name: str, **labels: str
) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


async def test_queue_gauges_are_read_from_the_database(service: Service) -> None:
    before = await scrape(service)
    assert value(before, "jifen_handoff_queue_length") == 0
    assert value(before, "jifen_reminders_due") == 0
    now = shanghai_now()
    async with service.runtime.db.transaction() as session:
        user = User(
            channel="web", external_id="visitor-gauges-1", unreachable=False, created_at=now
        )
        session.add(user)
        await session.flush()
        session.add(Handoff(user_id=user.id, status="waiting", reason="asked", created_at=now))
        session.add(
            Reminder(
                user_id=user.id, kind="endorse", due_at=now, status="pending", attempts=0,
                payload={}, created_at=now,
            )
        )  # fmt: skip
    after = await scrape(service)
    assert value(after, "jifen_handoff_queue_length") == 1
    assert value(after, "jifen_reminders_due") == 1


async def test_a_web_reply_waits_in_the_outbox_gauge_until_the_page_takes_it(
    service: Service,
) -> None:
    # The web channel has no sender: the replies of a step are taken in the same request.
    await say(service.client, "visitor-outbox-1", "/start")
    assert value(await scrape(service), "jifen_outbox_pending") == 0


async def test_counted_events_show_in_the_scrape(service: Service) -> None:
    before = await scrape(service)
    count_inbound("telegram")
    count_inbound("telegram", duplicate=True)
    count_reply("telegram", "sent")
    count_reply("wechat", "unreachable")
    count_reminder("wechat", "failed")
    with step_timer():
        pass
    after = await scrape(service)

    def grew(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert grew("jifen_inbound_messages_total", channel="telegram") == 2
    assert grew("jifen_duplicate_messages_total", channel="telegram") == 1
    assert grew("jifen_replies_total", channel="telegram", outcome="sent") == 1
    assert grew("jifen_replies_total", channel="wechat", outcome="unreachable") == 1
    assert grew("jifen_reminders_total", channel="wechat", outcome="failed") == 1
    assert grew("jifen_step_seconds_count") == 1


async def test_database_errors_are_counted_and_metrics_still_answer(
    service: Service, tmp_path: Path
) -> None:
    before = await scrape(service)
    broken = Database(f"sqlite+aiosqlite:///{tmp_path / 'no-such-dir' / 'jifen.db'}")
    watch_database(broken)
    with pytest.raises(Exception, match="unable to open database file"):
        async with broken.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    await broken.dispose()
    after = await scrape(service)
    assert value(after, "jifen_database_errors_total", kind="OperationalError") == (
        value(before, "jifen_database_errors_total", kind="OperationalError") + 1
    )


async def test_scrape_without_a_database_serves_the_counters(tmp_path: Path) -> None:
    async with running(f"sqlite+aiosqlite:///{tmp_path / 'jifen.db'}") as service:
        await service.runtime.db.dispose()
        (tmp_path / "jifen.db").unlink()
        (tmp_path / "jifen.db").mkdir()  # the file is gone and cannot be opened again
        response = await service.client.get("/metrics")
        body = await response.text()
    assert response.status == 200
    assert "# TYPE jifen_step_seconds histogram" in body
    assert "jifen_handoff_queue_length" not in body


async def test_two_apps_in_one_process_both_serve_metrics(sqlite_url: str) -> None:
    async with running(sqlite_url) as first, running(sqlite_url) as second:
        assert (await first.client.get("/metrics")).status == 200
        assert (await second.client.get("/metrics")).status == 200


async def test_a_conversation_is_counted_by_channel(service: Service) -> None:
    before = await scrape(service)
    user = f"visitor-{uuid.uuid4().hex[:12]}"
    message = {"user": user, "text": "/start", "message_id": "m-1"}
    for _ in range(2):  # the second is a redelivery
        assert (await service.client.post("/api/chat", json=message)).status == 200
    after = await scrape(service)
    assert (
        value(after, "jifen_inbound_messages_total", channel="web")
        - value(before, "jifen_inbound_messages_total", channel="web")
        == 2
    )
    assert (
        value(after, "jifen_duplicate_messages_total", channel="web")
        - value(before, "jifen_duplicate_messages_total", channel="web")
        == 1
    )
    assert value(after, "jifen_step_seconds_count") > value(before, "jifen_step_seconds_count")
