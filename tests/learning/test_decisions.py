"""Teach decisions: stored masked with who and when, undone without losing the audit trail,
followed by the FAQ version, kept through retention and `jifen user delete`."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import insert, select

from bot.retention import Periods, apply_retention
from bot.storage.database import Database
from bot.storage.models import User
from bot.support import unanswered
from bot.support.learning import decisions, version
from bot.support.learning.decisions import OUT_OF_SCOPE, TeachError
from bot.support.learning.models import DRAFT, NEGATIVE, VARIANT
from bot.user_data import erase_user
from tests.bot.helpers import FakeClock


async def _teach(db: Database, clock: FakeClock, kind: str, topic: str | None, text: str) -> int:
    async with db.transaction() as session:
        return (await decisions.teach(session, kind, topic, text, "alice", clock())).id


async def test_a_taught_variant_is_stored_masked_with_who_and_when(database_url: str) -> None:
    db, clock = Database(database_url), FakeClock()
    await _teach(db, clock, VARIANT, "renewal_materials", "我叫张伟，续签带啥，电话13812345678")
    async with db.transaction() as session:
        [decision] = await decisions.history(session)
        lessons = await decisions.lessons_now(session)
    await db.dispose()
    assert decision.text == "我叫〔姓名〕，续签带啥，电话〔电话〕"
    assert (decision.decided_by, decision.decided_at) == ("alice", clock())
    # The retriever learns the words without the labels' own (电话 would pull hotline questions).
    assert lessons.variants == {"renewal_materials": ("我叫 ，续签带啥，电话",)}


async def test_undo_keeps_the_decision_in_the_audit_trail_and_takes_it_out_of_force(
    database_url: str,
) -> None:
    db, clock = Database(database_url), FakeClock()
    first = await _teach(db, clock, NEGATIVE, None, "火星上的猫怎么养")
    await _teach(db, clock, NEGATIVE, None, "给我讲个笑话")
    clock.advance(minutes=5)
    async with db.transaction() as session:
        assert await decisions.undo(session, first, "bob", clock())
        assert not await decisions.undo(session, first, "bob", clock())  # once only
        history = await decisions.history(session)
        lessons = await decisions.lessons_now(session)
    await db.dispose()
    undone = next(d for d in history if d.id == first)
    assert (undone.undone_by, undone.undone_at, undone.decided_by) == ("bob", clock(), "alice")
    assert lessons.negatives == {OUT_OF_SCOPE: ("给我讲个笑话",)}


async def test_every_change_that_reaches_the_bot_moves_the_version_and_drafts_do_not(
    database_url: str,
) -> None:
    db, clock = Database(database_url), FakeClock()
    versions = []
    for kind, topic in [(VARIANT, "renewal_materials"), (DRAFT, None), (NEGATIVE, None)]:
        decided = await _teach(db, clock, kind, topic, f"问题 {kind}")
        async with db.transaction() as session:
            versions.append(await version.current(session))
    async with db.transaction() as session:
        await decisions.undo(session, decided, "alice", clock())
        versions.append(await version.current(session))
    await db.dispose()
    assert versions == [1, 1, 2, 3]


@pytest.mark.parametrize(
    ("kind", "topic", "text"),
    [
        ("variant", "no_such_topic", "续签带啥"),
        ("variant", None, "续签带啥"),
        ("guess", None, "续签带啥"),
        ("negative", None, "  \x00 "),
    ],
)
def test_a_decision_the_bot_cannot_use_is_refused_in_words(
    kind: str, topic: str | None, text: str
) -> None:
    with pytest.raises(TeachError):
        decisions.checked(kind, topic, text)


async def test_taught_phrasings_outlive_the_asker_and_retention(database_url: str) -> None:
    db, clock = Database(database_url), FakeClock()
    async with db.transaction() as session:
        [user_id] = await session.scalars(
            insert(User)
            .values(channel="web", external_id="visitor-" + "0" * 22, created_at=clock())
            .returning(User.id)
        )
        await unanswered.record(session, user_id, "我叫张伟，续签带啥", clock())
    await _teach(db, clock, VARIANT, "renewal_materials", "我叫张伟，续签带啥")
    async with db.transaction() as session:
        user = await session.get(User, user_id)
        assert user is not None
        await erase_user(session, user)
    clock.advance(days=400)
    await apply_retention(db, Periods(timedelta(days=30), timedelta(days=365)), clock())
    async with db.transaction() as session:
        lessons = await decisions.lessons_now(session)
        left = await session.scalars(select(User.id))
    await db.dispose()
    assert list(left) == []
    assert lessons.variants == {"renewal_materials": ("我叫 ，续签带啥",)}
