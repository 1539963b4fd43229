"""A request's cue word said without asking for it, through ConversationService, with phrasings
written for these tests (none from a held-out set): as the heading of what follows (提醒：…,
Reminder question: …), as the first half of another word (人工核定, 人工岛), granted only to say
what would not change (就算重新开始也…), or refused in passing beside an answer (都没有，别提醒
我). The answer is recorded or the question answered; the cue said as a request still is one."""

from __future__ import annotations

from typing import Any

import pytest

from bot.runtime import Runtime
from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    service_fixture,
)
from tests.dialogs.test_intents import User, handed_off, reminding


@pytest.mark.parametrize(
    ("question", "said", "value"),
    [
        ("education", "提醒：我是本科，没有学位", "bachelor"),
        ("insurance_base_tier", "人工核定的基数是3倍", "3x"),
        ("education", "就算重新开始我也是硕士", "master"),
        ("education", "重来一次也还是硕士", "master"),
        ("deductions", "都没有，别提醒我", False),
    ],
)
async def test_a_cue_not_asking_leaves_the_answer_recorded(
    service: Any, question: str, said: str, value: Any
) -> None:
    applicant, shown = await answer(service, question, said)
    _state, answers, context = await applicant.stored()
    recorded = answers.get(question, context.get("extra", {}).get(question))
    assert recorded == value, f"{said}: {recorded}\n{shown}"


async def test_a_heading_before_a_question_gets_the_faq_answer(runtime: Runtime) -> None:
    u = User(runtime, "en")
    await u.say("English")
    shown = await u.say("Reminder question: which documents does the renewal need?")
    assert not reminding(u, shown), shown


@pytest.mark.parametrize("said", ["人工智能专业的硕士加分吗", "外国人工作许可怎么办"])
async def test_a_word_holding_rengong_asks_no_person(runtime: Runtime, said: str) -> None:
    u = User(runtime)
    assert not handed_off(u, await u.say(said)), said


@pytest.mark.parametrize("said", ["人工！", "我要人工", "人工帮我看看", "有没有人工啊", "转人工"])
async def test_rengong_said_as_a_request_still_reaches_a_person(
    runtime: Runtime, said: str
) -> None:
    u = User(runtime)
    await u.say("算积分", "35")
    assert handed_off(u, await u.say(said)), said


async def test_a_reminder_after_a_heading_is_still_asked_for(runtime: Runtime) -> None:
    u = User(runtime)
    assert reminding(u, await u.say("提醒：签注快到期了，到时候提醒我"))


async def test_a_refusal_alone_still_cancels_the_reminders(runtime: Runtime) -> None:
    u = User(runtime)
    await u.say("算积分", "35")
    shown = await u.say("别提醒我")
    assert u.t("reminders.cancelled_none") in shown, shown
