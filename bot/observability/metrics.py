"""Prometheus metrics: counters the service bumps, gauges read from the database when scraped.

The metric objects are module-level, registered once per process in prometheus-client's
default registry however many apps a process (or a test session) builds. The gauges describe
state every process shares (the handoff queue, pending replies, due reminders), so each
process reports the same value: aggregate them with max(), not sum().
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from prometheus_client import REGISTRY, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import event, func, select
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import IntegrityError

from bot.reminders.models import PENDING, Reminder
from bot.storage.database import Database
from bot.storage.models import OutboxReply
from bot.support.models import WAITING, Handoff
from dialogs.types import Reply

log = logging.getLogger(__name__)

SCRAPE_TIMEOUT = 3.0  # seconds for the database gauges; the counters are served regardless

INBOUND = Counter("jifen_inbound_messages", "Messages received, by channel", ["channel"])
DUPLICATES = Counter(
    "jifen_duplicate_messages", "Redelivered messages dropped by the dedupe", ["channel"]
)
STEP_SECONDS = Histogram(
    "jifen_step_seconds",
    "One message: dedupe, load, dialog step and commit (retries after a race included)",
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
REPLIES = Counter(
    "jifen_replies", "Reply send attempts, by channel and outcome", ["channel", "outcome"]
)
REMINDERS = Counter(
    "jifen_reminders", "Reminder send attempts, by channel and outcome", ["channel", "outcome"]
)
FAQ_OUTCOMES = Counter(
    "jifen_faq_outcomes",
    "What the FAQ made of questions (answered, suggested, refused) and topics picked, by channel",
    ["channel", "outcome"],
)
RATINGS = Counter(
    "jifen_faq_ratings",
    "Ratings of FAQ answers (a changed rating counts again)",
    ["channel", "rating"],
)
DATABASE_ERRORS = Counter(
    "jifen_database_errors",
    "Database errors (lost connections, timeouts, ...) by exception class",
    ["kind"],
)

ReplyOutcome = Literal["sent", "retry", "unreachable", "failed"]
ReminderOutcome = Literal["sent", "retry", "unreachable", "failed"]


def count_inbound(channel: str, replies: Iterable[Reply] = (), *, duplicate: bool = False) -> None:
    """One message handled; what the FAQ made of it, from its replies, unless redelivered."""
    INBOUND.labels(channel).inc()
    if duplicate:
        DUPLICATES.labels(channel).inc()
        return
    for reply in replies:
        if reply.faq is not None:
            FAQ_OUTCOMES.labels(channel, reply.faq.kind).inc()


def count_rating(channel: str, *, helpful: bool) -> None:
    RATINGS.labels(channel, "up" if helpful else "down").inc()


@contextmanager
def step_timer() -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        STEP_SECONDS.observe(time.perf_counter() - started)


def count_reply(channel: str, outcome: ReplyOutcome) -> None:
    REPLIES.labels(channel, outcome).inc()


def count_reminder(channel: str, outcome: ReminderOutcome) -> None:
    REMINDERS.labels(channel, outcome).inc()


def watch_database(db: Database) -> None:
    """Count the errors of this database's engine (IntegrityError is the expected outcome of
    a dedupe or step race, retried by the service, so it is not counted)."""
    if not event.contains(db.engine.sync_engine, "handle_error", _count_error):
        event.listen(db.engine.sync_engine, "handle_error", _count_error)


def _count_error(context: ExceptionContext) -> None:
    error = context.sqlalchemy_exception or context.original_exception
    if not isinstance(error, IntegrityError):
        DATABASE_ERRORS.labels(type(error).__name__).inc()


@dataclass(frozen=True)
class SharedState:
    handoffs_waiting: int
    outbox_pending: int
    reminders_due: int


async def read_shared_state(db: Database, now: datetime) -> SharedState:
    async with db.transaction() as session:
        waiting = await session.scalar(
            select(func.count()).select_from(Handoff).where(Handoff.status == WAITING)
        )
        pending = await session.scalar(
            select(func.count()).select_from(OutboxReply).where(OutboxReply.status == "pending")
        )
        due = await session.scalar(
            select(func.count())
            .select_from(Reminder)
            .where(Reminder.status == PENDING, Reminder.due_at <= now)
        )
    return SharedState(waiting or 0, pending or 0, due or 0)


class _SharedStateCollector(Collector):
    def __init__(self, state: SharedState) -> None:
        self.state = state

    def collect(self) -> Iterator[GaugeMetricFamily]:
        yield GaugeMetricFamily(
            "jifen_handoff_queue_length",
            "Conversations waiting for a person on the staff",
            value=self.state.handoffs_waiting,
        )
        yield GaugeMetricFamily(
            "jifen_outbox_pending",
            "Replies committed and not yet sent",
            value=self.state.outbox_pending,
        )
        yield GaugeMetricFamily(
            "jifen_reminders_due", "Reminders due and not yet sent", value=self.state.reminders_due
        )


async def exposition(db: Database, now: datetime) -> bytes:
    """This process's counters, then the shared gauges if the database answers in time."""
    body = generate_latest(REGISTRY)
    try:
        state = await asyncio.wait_for(read_shared_state(db, now), SCRAPE_TIMEOUT)
    except Exception:  # the database is down: the counters say so, the gauges are left out
        log.warning("database gauges unavailable for /metrics", exc_info=True)
    else:
        gauges = CollectorRegistry(auto_describe=False)
        gauges.register(_SharedStateCollector(state))
        body += generate_latest(gauges)
    return body
