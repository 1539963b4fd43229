"""What a message asks about is not what it asks for, nor an answer: a question about the reminder
feature is the FAQ's, a person asked before (问过人工客服) is told of, not asked for now, a question
between two things (个人的税还是公司的税) or of which year (按哪年) gets the FAQ's reading, and an
edit that says 上一题 edits the question before, whatever word of the open one it holds."""

from __future__ import annotations

from typing import Any

from tests.bot.helpers import FakeClock
from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    BEFORE,
    TODAY,
    Applicant,
    answer,
    assert_asked_not_stored,
    service_fixture,
)
from tests.dialogs.conftest import Chat

BACK = "回到刚才的问题"


async def test_a_question_about_the_reminder_feature_sets_no_reminder(service: Any) -> None:
    conversation_service, db = service
    applicant = Applicant(conversation_service, db, FakeClock(TODAY))  # at the menu
    reply = await applicant.type("提醒功能是提醒什么的？签注要提前多少天")
    state, _answers, _context = await applicant.stored()
    assert state != "expiry"
    assert "哪天到期" not in reply


def test_a_person_asked_before_is_told_of_not_asked_for(chat: Chat) -> None:
    chat.say("算积分", *BEFORE["social_insurance_months"])
    chat.send("交了两年，之前问过人工客服说补缴的不算，所以是22个月")
    assert not [e for e in chat.effects if e.kind == "handoff"]
    assert chat.conversation.context["q"] == "social_insurance_months"
    chat.send("我问过客服了，还是转人工吧")
    assert [e for e in chat.effects if e.kind == "handoff"]


async def test_a_question_of_which_year_or_between_two_gets_the_faq(service: Any) -> None:
    await assert_asked_not_stored(
        service, "insurance_base_tier", ["计算基数的时候按哪年平均工资？"]
    )
    cases = [
        ("insurance_base_tier", "计算基数的时候按哪年平均工资？"),
        ("investment_tax_yuan", "这个是个人的税还是公司的税"),
        ("spouse_hukou_years", "结婚年限从领证算还是办酒算"),
    ]
    for question, text in cases:
        _applicant, reply = await answer(service, question, text)
        assert BACK in reply, text


async def test_still_is_no_question_between_two(service: Any) -> None:
    _applicant, reply = await answer(service, "age", "重来一遍人生也还是35岁")
    assert BACK not in reply


async def test_an_edit_saying_the_question_before_edits_it(service: Any) -> None:
    applicant, _ = await answer(service, "investment_tax_yuan", "上一题多选错了，不该选投资")
    _state, _answers, context = await applicant.stored()
    assert context["q"] == "bonus"
    assert "investment_tax_yuan" not in context.get("extra", {})
