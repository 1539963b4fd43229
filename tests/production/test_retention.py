"""Retention: each table keeps what it holds about people only as long as the README says.

The clock is advanced past each period and the retention pass run; what was said goes, what
is still needed (a pending reminder, an open handoff, a recent conversation) stays.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select, update

from bot.channels.wechat.store import record_consent, use_consent
from bot.reminders.models import Reminder
from bot.retention import (
    ABOUT_NO_USER,
    BATCH,
    RULES,
    WITH_THEIR_USER,
    Periods,
    apply_retention,
    retention_forever,
)
from bot.runtime import Runtime
from bot.storage.models import Conversation, OutboxReply, ProcessedMessage, TranscriptLine, User
from bot.storage.tables import metadata
from bot.support.accounts import add_staff, open_session
from bot.support.desk import Desk
from bot.support.models import (
    Handoff,
    LoginCounter,
    StaffSession,
    UnansweredBucket,
    UnansweredQuestion,
)
from tests.bot.helpers import FakeClock
from tests.production.data import POINTS, Person, converse, rows_of, runtime_on, with_everything

OLD, RECENT = Person("telegram", "1001"), Person("telegram", "1002")
VISITOR = Person("web", "v" * 22)
PERIODS = Periods(said=timedelta(days=30), inactive=timedelta(days=365))
README = Path(__file__).parents[2] / "README.md"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def runtime(database_url: str, clock: FakeClock) -> AsyncIterator[Runtime]:
    running = runtime_on(database_url, clock)
    yield running
    await running.db.dispose()


async def retain(runtime: Runtime) -> dict[str, int]:
    return (await apply_retention(runtime.db, PERIODS, runtime.clock())).rows


async def user_id_of(runtime: Runtime, person: Person) -> int | None:
    async with runtime.db.transaction() as session:
        return await session.scalar(
            select(User.id).where(
                User.channel == person.channel, User.external_id == person.external_id
            )
        )


async def lines_of(runtime: Runtime, person: Person) -> list[str]:
    async with runtime.db.transaction() as session:
        rows = await session.scalars(
            select(TranscriptLine.text)
            .join(User, User.id == TranscriptLine.user_id)
            .where(User.external_id == person.external_id)
            .order_by(TranscriptLine.id)
        )
        return list(rows)


async def answers_of(runtime: Runtime, person: Person) -> dict[str, object] | None:
    async with runtime.db.transaction() as session:
        return await session.scalar(
            select(Conversation.answers)
            .join(User, User.id == Conversation.user_id)
            .where(User.external_id == person.external_id)
        )


async def count(runtime: Runtime, model: type, *where: object) -> int:
    async with runtime.db.transaction() as session:
        query = select(func.count()).select_from(model).where(*where)  # type: ignore[arg-type]
        return int(await session.scalar(query) or 0)


async def all_sent(runtime: Runtime) -> None:
    """As if every reply so far went out."""
    async with runtime.db.transaction() as session:
        await session.execute(update(OutboxReply).values(status="sent", sent_at=runtime.clock()))


# What was said


async def test_lines_older_than_the_retention_go_and_newer_ones_stay(
    runtime: Runtime, clock: FakeClock
) -> None:
    await converse(runtime, OLD, *POINTS[:4])
    await all_sent(runtime)
    clock.advance(days=31)
    await converse(runtime, RECENT, "/start")

    deleted = await retain(runtime)

    assert await lines_of(runtime, OLD) == []
    assert (await lines_of(runtime, RECENT))[0] == "/start"
    assert deleted["transcript"] > 0 and deleted["outbox"] > 0
    assert await count(runtime, OutboxReply) == await count(
        runtime, OutboxReply, OutboxReply.created_at >= clock() - timedelta(days=1)
    ), "only today's replies are left"


async def test_web_replies_never_fetched_go_with_the_transcript(
    runtime: Runtime, clock: FakeClock
) -> None:
    await converse(runtime, VISITOR, "/start", "算积分")
    assert await count(runtime, OutboxReply, OutboxReply.status == "pending") > 0
    clock.advance(days=29)
    await retain(runtime)
    assert await count(runtime, OutboxReply) > 0, "within the period they stay"
    clock.advance(days=2)
    await retain(runtime)
    assert await count(runtime, OutboxReply) == 0


async def test_the_conversation_goes_on_after_its_transcript_is_gone(
    runtime: Runtime, clock: FakeClock
) -> None:
    await converse(runtime, OLD, *POINTS[:3])  # asked for the age
    clock.advance(days=60)
    await retain(runtime)
    await converse(runtime, OLD, "30")
    assert (await lines_of(runtime, OLD))[0] == "30"
    assert await answers_of(runtime, OLD) == {"age": 30}


async def test_deletes_more_than_one_batch(runtime: Runtime, clock: FakeClock) -> None:
    await converse(runtime, OLD, "/start")
    user_id = await user_id_of(runtime, OLD)
    at = clock() - timedelta(days=90)
    rows = [{"user_id": user_id, "author": "user", "text": "x", "at": at}] * (2 * BATCH + 7)
    async with runtime.db.transaction() as session:
        await session.execute(insert(TranscriptLine), rows)
    assert (await retain(runtime))["transcript"] == 2 * BATCH + 7
    assert len(await lines_of(runtime, OLD)) == 2, "today's /start and its reply stay"


async def test_unanswered_questions_go_after_the_30_days_the_admin_page_shows(
    runtime: Runtime, clock: FakeClock
) -> None:
    await converse(runtime, OLD, "/start", "火星上的猫怎么养")
    clock.advance(days=29)
    await converse(runtime, RECENT, "/start", "月球上的狗怎么养")
    clock.advance(days=2)
    await retain(runtime)
    async with runtime.db.transaction() as session:
        left = list(await session.scalars(select(UnansweredQuestion.question)))
        kept_ids = set(await session.scalars(select(UnansweredQuestion.id)))
        bucketed = set(await session.scalars(select(UnansweredBucket.question_id)))
    assert left == ["月球上的狗怎么养"]
    assert bucketed == kept_ids, "the old question's MinHash buckets went with it"


async def test_closed_handoffs_and_their_staff_notes_go_open_ones_stay(
    runtime: Runtime, clock: FakeClock
) -> None:
    await converse(runtime, OLD, "/start", "转人工")
    await converse(runtime, RECENT, "/start", "转人工")
    async with runtime.db.transaction() as session:
        agent = await add_staff(session, "wang", "agent", "a long passphrase", clock())
        first = await session.scalar(select(func.min(Handoff.id)))
    desk = Desk(runtime.db, runtime.outbox, clock)
    assert await desk.claim(first, agent.id, agent.name)
    assert await desk.resolve(first, agent.id, note="她的手机 13812345678")
    clock.advance(days=31)
    await retain(runtime)
    async with runtime.db.transaction() as session:
        left = list(await session.execute(select(Handoff.user_id, Handoff.status, Handoff.note)))
    assert left == [(await user_id_of(runtime, RECENT), "waiting", None)]


async def test_processed_message_ids_go_after_a_week(runtime: Runtime, clock: FakeClock) -> None:
    await converse(runtime, OLD, "/start")
    clock.advance(days=6)
    await retain(runtime)
    assert await count(runtime, ProcessedMessage) == 1
    clock.advance(days=2)
    await retain(runtime)
    assert await count(runtime, ProcessedMessage) == 0
    assert await user_id_of(runtime, OLD) is not None, "the person stays"


async def test_expired_consents_and_old_login_counters_go(
    runtime: Runtime, clock: FakeClock
) -> None:
    await record_consent(runtime.db, "o-old", "template-1", clock())
    async with runtime.db.transaction() as session:
        session.add(LoginCounter(key="pair:203.0.113.9\x1fwang", count=1, window_start=clock()))
    clock.advance(days=367)
    await record_consent(runtime.db, "o-new", "template-1", clock())
    await retain(runtime)
    assert await count(runtime, LoginCounter) == 0
    assert not await use_consent(runtime.db, "o-old", "template-1", clock())
    assert await use_consent(runtime.db, "o-new", "template-1", clock())


async def test_expired_staff_sessions_go_live_ones_stay(runtime: Runtime, clock: FakeClock) -> None:
    async with runtime.db.transaction() as session:
        agent = await add_staff(session, "li", "agent", "a long passphrase", clock())
        await open_session(session, agent.id, clock(), timedelta(hours=1))
        await open_session(session, agent.id, clock(), timedelta(hours=8))
    clock.advance(hours=2)
    await retain(runtime)
    async with runtime.db.transaction() as session:
        left = list(await session.scalars(select(StaffSession.expires_at)))
    assert left == [clock() + timedelta(hours=6)]


# People who went quiet


async def test_a_person_silent_longer_than_the_period_is_erased_and_starts_afresh(
    runtime: Runtime, clock: FakeClock
) -> None:
    await converse(runtime, OLD, *POINTS)
    user_id = await user_id_of(runtime, OLD)
    assert user_id is not None
    clock.advance(days=364)
    await converse(runtime, RECENT, "/start")
    clock.advance(days=2)

    assert (await retain(runtime))["users"] == 1

    assert set((await rows_of(runtime, user_id)).values()) == {0}
    assert await answers_of(runtime, RECENT) == {}, "the other person is still there"
    await converse(runtime, OLD, "/start")
    assert await answers_of(runtime, OLD) == {}


async def test_a_person_who_came_back_within_the_period_keeps_their_answers(
    runtime: Runtime, clock: FakeClock
) -> None:
    await converse(runtime, OLD, *POINTS[:3], "30")
    clock.advance(days=300)
    await converse(runtime, OLD, "菜单")
    clock.advance(days=300)
    await retain(runtime)
    assert (await answers_of(runtime, OLD) or {}).get("age") == 30


@pytest.mark.parametrize("pending", ["reminder", "handoff"])
async def test_a_person_with_a_pending_reminder_or_open_handoff_is_kept(
    runtime: Runtime, clock: FakeClock, pending: str
) -> None:
    user_id = await with_everything(runtime, OLD)  # a pending reminder and a waiting handoff
    async with runtime.db.transaction() as session:
        if pending == "reminder":
            await session.execute(update(Handoff).values(status="resolved", resolved_at=clock()))
        else:
            await session.execute(update(Reminder).values(status="sent", sent_at=clock()))
    clock.advance(days=800)

    await retain(runtime)

    assert (await answers_of(runtime, OLD) or {}).get("age") == 30
    left = await rows_of(runtime, user_id)
    assert left["users"] == 1
    assert left["reminders" if pending == "reminder" else "handoffs"] == 1
    assert left["transcript"] == 0, "what they said still goes"


# The rules themselves


def test_every_table_has_a_retention_rule_or_holds_nothing_about_users() -> None:
    decided = {rule.table.name for rule in RULES} | WITH_THEIR_USER | ABOUT_NO_USER
    undecided = {table.name for table in metadata.sorted_tables} - decided
    assert not undecided, f"add a rule to bot/retention.py (and the README) for {undecided}"


def test_the_readme_retention_table_names_every_table_with_personal_data() -> None:
    section = README.read_text().split("### Retention", 1)[1].split("\n## ", 1)[0]
    named = set(re.findall(r"^\| `(\w+)`", section, flags=re.MULTILINE))
    assert named == {rule.table.name for rule in RULES} | WITH_THEIR_USER


async def test_retention_of_less_than_a_day_is_refused(runtime: Runtime, clock: FakeClock) -> None:
    with pytest.raises(ValueError, match="at least 1 day"):
        await apply_retention(runtime.db, Periods(timedelta(0), timedelta(days=1)), clock())


async def test_the_worker_loop_deletes_as_soon_as_it_starts(
    runtime: Runtime, clock: FakeClock
) -> None:
    await converse(runtime, OLD, "/start")
    clock.advance(days=60)
    task = asyncio.create_task(retention_forever(runtime.db, PERIODS, clock, interval=3600))
    try:
        for _ in range(200):
            if not await lines_of(runtime, OLD):
                break
            await asyncio.sleep(0.05)
        assert await lines_of(runtime, OLD) == []
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
