"""Requests of the kinds round 16 missed, through ConversationService, with phrasings written
for these tests (none from a held-out set): 开始 alone starts the questions; someone who knows
asked to be consulted (请专家咨询一下) or a call wanted to consult (我想打个电话问问) reaches a
person; a request in a sentence of its own after a question (配偶加几分？帮我全部算算) is carried
out; and a doubt before a question of its own at the base tier (不清楚，基数写的15000，是几倍？)
gets the FAQ's answer when it has one, no answer recorded; not knowing alone says how to find
out."""

from __future__ import annotations

from typing import Any

import pytest

from bot.runtime import Runtime
from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    service_fixture,
)
from tests.dialogs.test_intents import User, handed_off, started


async def at_the_menu(runtime: Runtime, said: str) -> tuple[User, str]:
    u = User(runtime)
    await u.say("/start")
    return u, await u.say(said)


@pytest.mark.parametrize("said", ["开始", "开始！", "那开始吧"])
async def test_start_alone_starts_the_questions(runtime: Runtime, said: str) -> None:
    u, shown = await at_the_menu(runtime, said)
    assert started(u, shown), shown


@pytest.mark.parametrize(
    "said", ["请专家咨询一下", "想找顾问问问", "我想打个电话问问", "能不能直接打电话沟通"]
)
async def test_a_person_to_consult_is_a_handoff(runtime: Runtime, said: str) -> None:
    u, shown = await at_the_menu(runtime, said)
    assert handed_off(u, shown), shown


@pytest.mark.parametrize("said", ["我是老师", "老师能加分吗", "电话号码填哪里"])
async def test_a_teacher_or_a_phone_told_of_is_no_handoff(runtime: Runtime, said: str) -> None:
    u, shown = await at_the_menu(runtime, said)
    assert not handed_off(u, shown), shown


@pytest.mark.parametrize("said", ["配偶加几分？帮我全部算算", "硕士能加多少分?给我算一下吧"])
async def test_a_request_after_a_question_is_carried_out(runtime: Runtime, said: str) -> None:
    u, shown = await at_the_menu(runtime, said)
    assert started(u, shown), shown


@pytest.mark.parametrize(
    "said", ["不清楚，社保基数写的15000，是几倍？", "说不准，单位按1万2交的基数，这相当于多少倍"]
)
async def test_a_doubt_before_a_question_gets_the_faq_answer(service: Any, said: str) -> None:
    applicant, shown = await answer(service, "insurance_base_tier", said)
    _state, answers, _context = await applicant.stored()
    assert "insurance_base_tier" not in answers, shown
    assert "当年全市职工平均工资相比" in shown and "随申办" not in shown, shown


async def test_not_knowing_the_tier_alone_says_how_to_find_out(service: Any) -> None:
    _applicant, shown = await answer(service, "insurance_base_tier", "我也不知道是几倍")
    assert "随申办" in shown, shown
