"""The questions the bot could not answer: grouped as they arrive, bounded, read back in SQL."""

from __future__ import annotations

from sqlalchemy import insert, select, update

from bot.storage.database import Database
from bot.storage.models import User
from bot.support import similar, unanswered
from bot.support.models import UnansweredQuestion
from tests.bot.helpers import FakeClock


async def _users(db: Database, n: int, clock: FakeClock) -> list[int]:
    async with db.transaction() as session:
        await session.execute(
            insert(User),
            [
                {"channel": "web", "external_id": f"visitor-{i:022d}", "created_at": clock()}
                for i in range(n)
            ],
        )
        return list(await session.scalars(select(User.id).order_by(User.id)))


async def _ask(db: Database, user_id: int, question: str, clock: FakeClock) -> bool:
    async with db.transaction() as session:
        return await unanswered.record(session, user_id, question, clock())


async def _groups(db: Database, clock: FakeClock) -> list[unanswered.Group]:
    async with db.transaction() as session:
        return await unanswered.groups(session, clock())


async def _group_ids(db: Database) -> dict[str, int | None]:
    async with db.transaction() as session:
        rows = await session.execute(
            select(UnansweredQuestion.question, UnansweredQuestion.group_id)
        )
        return {row.question: row.group_id for row in rows}


async def test_similar_wordings_fall_in_one_group_with_their_count(database_url: str) -> None:
    db, clock = Database(database_url), FakeClock()
    users = await _users(db, 5, clock)
    asked = [
        "港澳台学历能加分吗",
        "港澳台的学历能加分吗？",
        "港澳台学历可以加分吗",
        "宠物可以落户吗",
    ]
    for user, question in zip(users, [*asked, "港澳台学历能加分吗"], strict=True):
        assert await _ask(db, user, question, clock)
    groups = await _groups(db, clock)
    await db.dispose()
    assert [(g.example, g.count) for g in groups] == [
        ("港澳台学历能加分吗", 4),
        ("宠物可以落户吗", 1),
    ]
    assert set(groups[0].variants) == set(asked[:3])


async def test_a_group_is_decided_when_the_question_arrives_and_read_as_stored(
    sqlite_url: str,
) -> None:
    """The admin page counts the stored groups: it does not group again (no quadratic work
    when it opens). Moving a row to another group by hand shows on the page as stored."""
    db, clock = Database(sqlite_url), FakeClock()
    [a, b, c] = await _users(db, 3, clock)
    await _ask(db, a, "居住证签注怎么办", clock)
    await _ask(db, b, "宠物可以落户吗", clock)
    before = await _group_ids(db)
    await _ask(db, c, "居住证签注怎样办理", clock)
    after = await _group_ids(db)
    assert after["居住证签注怎样办理"] == after["居住证签注怎么办"], "joined on arrival"
    assert {q: after[q] for q in before} == before, "earlier questions keep their group"
    async with db.transaction() as session:
        await session.execute(
            update(UnansweredQuestion)
            .where(UnansweredQuestion.question == "居住证签注怎样办理")
            .values(group_id=after["宠物可以落户吗"])
        )
    groups = {g.example: g.count for g in await _groups(db, clock)}
    await db.dispose()
    assert groups == {"居住证签注怎么办": 1, "宠物可以落户吗": 2}


async def test_what_is_kept_is_bounded_per_question_per_visitor_and_per_day(
    sqlite_url: str,
) -> None:
    db, clock = Database(sqlite_url), FakeClock()
    [flooder, other] = await _users(db, 2, clock)
    kept = [await _ask(db, flooder, f"第{n}个问题：" + "长" * 4000, clock) for n in range(12)]
    assert kept == [True] * unanswered.PER_USER_PER_DAY + [False] * 2
    assert await _ask(db, other, "另一个人的问题", clock), "the cap is the flooder's alone"
    clock.advance(days=1, minutes=1)
    assert await _ask(db, flooder, "第二天的问题", clock)
    async with db.transaction() as session:
        longest = max(len(q) for q in await session.scalars(select(UnansweredQuestion.question)))
    await db.dispose()
    assert longest == unanswered.QUESTION_CHARS


async def test_questions_older_than_the_window_are_not_counted(sqlite_url: str) -> None:
    db, clock = Database(sqlite_url), FakeClock()
    [a, b] = await _users(db, 2, clock)
    await _ask(db, a, "社保断缴了怎么办", clock)
    clock.advance(days=31)
    await _ask(db, b, "社保断缴了怎么补", clock)
    groups = await _groups(db, clock)
    await db.dispose()
    assert [(g.example, g.count) for g in groups] == [("社保断缴了怎么补", 1)]


def test_buckets_are_shared_by_look_alikes_only() -> None:
    one = similar.buckets(similar.shape("港澳台学历能加分吗"))
    assert len(one) == similar.BANDS
    assert all(-(2**63) <= key < 2**63 for key in one), "fits a BIGINT"
    again = similar.buckets(similar.shape("港澳台学历能加分吗？"))
    assert one == again, "punctuation and width do not change the shape"
    alike = similar.buckets(similar.shape("港澳台的学历能加分吗"))
    unlike = similar.buckets(similar.shape("宠物可以落户吗"))
    assert set(one) & set(alike)
    assert not set(one) & set(unlike)


def test_only_the_start_of_a_long_question_shapes_it() -> None:
    long = "居住证签注怎么办" * 1000
    assert len(similar.shape(long)) < similar.SHAPE_CHARS
    assert similar.shape(long) == similar.shape(long[: similar.SHAPE_CHARS])
