"""A user typing answers into the real service (ConversationService on SQLite), reaching each
points question the way the dialog asks it: what is stored, and what is asked instead."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import select

from bot.clock import SHANGHAI
from bot.service import ConversationService
from bot.storage.database import Database
from bot.storage.models import Conversation, User
from dialogs.questions import by_id, recorded
from dialogs.types import Inbound, Reply
from tests.bot.helpers import FakeClock

TODAY = datetime(2026, 11, 29, 10, 0, tzinfo=SHANGHAI)
# What a user types before reaching each question (answers that make it apply).
_BONUS = ("35", "硕士", "没有", "12年", "2倍")
_DEDUCTIONS = (*_BONUS, "没有", "有")
BEFORE: dict[str, tuple[str, ...]] = {
    "age": (),
    "education": ("35",),
    "title": ("35", "硕士"),
    "title_matches_job": ("35", "硕士", "中级职称"),
    "base_1x_6_of_last_12": ("35", "硕士", "中级职称", "是"),
    "social_insurance_months": ("35", "硕士", "没有"),
    "insurance_base_tier": ("35", "硕士", "没有", "5年"),
    "bonus": _BONUS,
    "investment_tax_yuan": (*_BONUS, "投资纳税"),
    "local_hires": (*_BONUS, "投资纳税", "10万"),
    "public_service_years": (*_BONUS, "环卫等特定公共服务领域"),
    "remote_area_years": (*_BONUS, "临港"),
    "award": (*_BONUS, "获得过表彰"),
    "spouse_hukou_years": (*_BONUS, "配偶是上海户口"),
    "deductions": (*_BONUS, "没有"),
    "false_material_count": _DEDUCTIONS,
    "detention_count": (*_DEDUCTIONS, "0"),
    "criminal_count": (*_DEDUCTIONS, "0", "0"),
    "serious_crime": (*_DEDUCTIONS, "0", "0", "0"),
    "family_planning_violation": (*_DEDUCTIONS, "0", "0", "0", "否"),
}
ids = itertools.count()


class Applicant:
    """One user typing into the service, reaching `question` the way the dialog asks it."""

    def __init__(self, service: ConversationService, db: Database, clock: FakeClock) -> None:
        self.service, self.db, self.clock = service, db, clock
        self.user = f"applicant-{next(ids)}"
        self.replies: list[Reply] = []

    async def type(self, text: str) -> str:
        inbound = Inbound("web", self.user, f"m{next(ids)}", self.clock(), text=text)
        self.replies = list((await self.service.handle(inbound)).replies)
        return "\n".join(reply.text for reply in self.replies)

    async def at(self, question: str) -> Applicant:
        for text in ("算积分", *BEFORE[question]):
            await self.type(text)
        return self

    async def stored(self) -> tuple[str, dict[str, Any], dict[str, Any]]:
        async with self.db.transaction() as session:
            row = (
                await session.execute(
                    select(Conversation)
                    .join(User, User.id == Conversation.user_id)
                    .where(User.external_id == self.user)
                )
            ).scalar_one()
            return row.state, dict(row.answers), dict(row.context)

    @property
    def choices(self) -> list[str]:
        return [choice.label for reply in self.replies for choice in reply.choices]


@pytest.fixture(name="service")
async def service_fixture(sqlite_url: str) -> AsyncIterator[tuple[ConversationService, Database]]:
    database = Database(sqlite_url)
    yield ConversationService(database, clock=FakeClock(TODAY)), database
    await database.dispose()


async def answer(service: Any, question: str, text: str) -> tuple[Applicant, str]:
    conversation_service, db = service
    applicant = await Applicant(conversation_service, db, FakeClock(TODAY)).at(question)
    return applicant, await applicant.type(text)


async def assert_stored(service: Any, question: str, cases: list[tuple[str, Any]]) -> None:
    for text, value in cases:
        applicant, _ = await answer(service, question, text)
        state, answers, _ = await applicant.stored()
        assert state == "asking", text
        assert answers.get(question) == value, text


async def assert_asked_not_stored(service: Any, question: str, texts: list[str]) -> None:
    """A confirm or a re-ask: the user is asked, and no value is stored meanwhile."""
    for text in texts:
        applicant, _ = await answer(service, question, text)
        _state, answers, context = await applicant.stored()
        assert recorded(by_id(question), answers, context.get("extra", {})) is None, text
        assert context["q"] == question, text
