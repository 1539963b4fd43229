"""GET /metrics: what an operator's Prometheus scrapes from each `jifen serve` process."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import text

from bot.clock import shanghai_now
from bot.observability.metrics import watch_database
from bot.reminders.messages import payload
from bot.reminders.models import Reminder
from bot.reminders.worker import ReminderWorker, WorkerOptions
from bot.storage.database import Database
from bot.storage.models import User
from bot.support.models import Handoff
from tests.bot.helpers import say
from tests.production.conftest import Service, running
from tests.telegram.conftest import message_update, text_message


async def scrape(service: Service) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    response = await service.metrics.get("/metrics")
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
            channel="web", external_id="web-visitor-key-gauges-1", unreachable=False, created_at=now
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
    await say(service.client, "web-visitor-key-outbox-1", "/start")
    assert value(await scrape(service), "jifen_outbox_pending") == 0


Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def grown(before: Samples, after: Samples, name: str, **labels: str) -> float:
    return value(after, name, **labels) - value(before, name, **labels)


async def telegram_user_with_a_due_reminder(service: Service, chat_id: int) -> None:
    now = shanghai_now()
    async with service.runtime.db.transaction() as session:
        user = User(channel="telegram", external_id=str(chat_id), unreachable=False, created_at=now)
        session.add(user)
        await session.flush()
        session.add(
            Reminder(
                user_id=user.id, kind="goal_month", due_at=now, status="pending", attempts=0,
                payload=payload("goal_month", "zh-CN", {"year": 2027, "month": 3}), created_at=now,
            )
        )  # fmt: skip


async def test_a_reminder_the_worker_sends_is_counted(sqlite_url: str) -> None:
    sent_to, blocked = 710001, 710002
    async with running(sqlite_url, reminders_in_serve=False) as service:
        for chat_id in (sent_to, blocked):
            await telegram_user_with_a_due_reminder(service, chat_id)
        service.fake.block(blocked)
        before = await scrape(service)

        worker = ReminderWorker(
            service.runtime.db, service.runtime.senders, options=WorkerOptions(quiet_hours=False)
        )
        assert await worker.run_once() == 2

        assert len(service.fake.texts(sent_to)) == 1
        after = await scrape(service)
    assert grown(before, after, "jifen_reminders_total", channel="telegram", outcome="sent") == 1
    assert (
        grown(before, after, "jifen_reminders_total", channel="telegram", outcome="unreachable")
        == 1
    )


async def test_telegram_replies_sent_and_refused_are_counted(service: Service) -> None:
    talks, blocked = 720001, 720002
    service.fake.block(blocked)
    before = await scrape(service)

    for chat_id in (talks, blocked):
        assert await service.telegram(message_update(text_message(chat_id, "/start"))) == 200

    after = await scrape(service)
    sent = len(service.fake.texts(talks))
    assert sent >= 1
    assert grown(before, after, "jifen_replies_total", channel="telegram", outcome="sent") == sent
    assert (
        grown(before, after, "jifen_replies_total", channel="telegram", outcome="unreachable") == 1
    )
    assert grown(before, after, "jifen_inbound_messages_total", channel="telegram") == 2


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


def gone(database: Path) -> None:
    """The database file gone for good: a directory in its place, which SQLite cannot open.
    A background worker of the app (the console's stale-claims sweep) may open the file in its
    own thread between the unlink and the mkdir and create an empty one: then again."""
    while True:
        database.unlink(missing_ok=True)
        try:
            database.mkdir()
            return
        except FileExistsError:
            continue


async def test_scrape_without_a_database_serves_the_counters(tmp_path: Path) -> None:
    async with running(f"sqlite+aiosqlite:///{tmp_path / 'jifen.db'}") as service:
        await service.runtime.db.dispose()
        gone(tmp_path / "jifen.db")
        response = await service.metrics.get("/metrics")
        body = await response.text()
    assert response.status == 200
    assert "# TYPE jifen_step_seconds histogram" in body
    assert "jifen_handoff_queue_length" not in body


async def test_two_apps_in_one_process_both_serve_metrics(sqlite_url: str) -> None:
    async with running(sqlite_url) as first, running(sqlite_url) as second:
        assert (await first.metrics.get("/metrics")).status == 200
        assert (await second.metrics.get("/metrics")).status == 200


async def test_a_conversation_is_counted_by_channel(service: Service) -> None:
    before = await scrape(service)
    user = f"web-visitor-key-{uuid.uuid4().hex[:12]}"
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
