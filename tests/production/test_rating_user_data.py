"""A rating holds the question a user asked: `jifen user export` shows it and `jifen user
delete` removes it, and the figures' outcome rows (no user, no words) stay."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from bot.runtime import Runtime
from bot.support.models import FaqOutcome, FaqRating
from tests.production.data import Person, converse, jifen

TARGET = Person("wechat", "o-rating-target")
BYSTANDER = Person("telegram", "555003")


async def count(runtime: Runtime, model: type) -> int:
    async with runtime.db.transaction() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_export_shows_the_users_rating_with_their_question(
    runtime: Runtime, capsys: pytest.CaptureFixture[str]
) -> None:
    await converse(runtime, TARGET, "积分通知书丢了怎么办", "没用")
    await converse(runtime, BYSTANDER, "密码忘了怎么办", "有用")
    capsys.readouterr()
    assert await jifen("user", "export", str(TARGET)) == 0
    rows = json.loads(capsys.readouterr().out)["tables"]["faq_ratings"]
    assert [(r["topic"], r["helpful"], r["question"]) for r in rows] == [
        ("notice_reprint", False, "积分通知书丢了怎么办")
    ]


async def test_delete_removes_the_users_ratings_and_keeps_the_counts(runtime: Runtime) -> None:
    await converse(runtime, TARGET, "积分通知书丢了怎么办", "没用")
    await converse(runtime, BYSTANDER, "密码忘了怎么办", "有用")
    assert await jifen("user", "delete", str(TARGET)) == 0
    async with runtime.db.transaction() as session:
        left = [(r.topic, r.helpful) for r in await session.scalars(select(FaqRating))]
    assert left == [("password_reset", True)]
    assert await count(runtime, FaqOutcome) == 2
