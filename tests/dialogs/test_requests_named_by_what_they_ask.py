"""What a message at a points question is about, read from what it names (phrasings written for
these tests, none from a held-out set), through the real service: whether a thing counts as what
the question asks for is a question for the FAQ, not the answer "none" (PMP算不算职称？ at the
title); an item denied at the question asked for it says the bonus pick was wrong (我没得过奖
选错了 at the award: the bonus question again); a yes or a no given to the question before,
named by its subject (上一题基数那个改成否), is that yes/no question's answer."""

from __future__ import annotations

from typing import Any

from dialogs.questions import by_id, recorded
from tests.bot.helpers import FakeClock
from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    TODAY,
    Applicant,
    answer,
    service_fixture,
)

TITLE = "专业技术职称或国家职业资格"
BONUS = "下面这些情况，有符合您的吗"
AWARD = "最高表彰奖励是哪一级"


async def test_whether_a_thing_counts_as_a_title_is_asked_not_stored(service: Any) -> None:
    for text in ("PMP算不算职称？", "驾照算不算职称", "教师资格证是不是职称"):
        applicant, reply = await answer(service, "title", text)
        state, answers, context = await applicant.stored()
        assert (state, context["q"], "title" in answers) == ("asking", "title", False), text
        assert "没有职称" not in reply, reply


async def test_a_thing_told_as_ones_own_is_still_the_answer_none(service: Any) -> None:
    for text in ("驾照算吗", "我有驾照 算吗", "教师资格证算吗？就这个"):
        applicant, _ = await answer(service, "title", text)
        _state, answers, _context = await applicant.stored()
        assert answers.get("title") == "none", text


async def test_an_award_denied_at_the_award_question_opens_the_bonus_again(service: Any) -> None:
    for text in ("我没得过奖 选错了", "选错了，我没有任何表彰", "加分项选错了，没有表彰"):
        applicant, reply = await answer(service, "award", text)
        _state, _answers, context = await applicant.stored()
        assert context["q"] == "bonus", text
        assert BONUS in reply and AWARD not in reply, reply


async def test_a_wrong_award_level_is_still_the_awards_own_edit(service: Any) -> None:
    applicant, reply = await answer(service, "award", "奖项级别选错了")
    _state, _answers, context = await applicant.stored()
    assert context["q"] == "award", reply


async def at_bonus_with_both_base_questions(service: Any, base: str) -> Applicant:
    conversation_service, db = service
    applicant = Applicant(conversation_service, db, FakeClock(TODAY))
    for said in ("算积分", "35", "硕士", "中级职称", "是", base, "12年", "2倍"):
        await applicant.type(said)
    return applicant


async def test_a_yes_or_no_for_the_base_names_the_yes_no_question(service: Any) -> None:
    """Both base questions asked: 改成否 can only answer the yes/no one, not the tier."""
    applicant = await at_bonus_with_both_base_questions(service, "是")
    reply = await applicant.type("上一题基数那个改成否")
    _state, answers, context = await applicant.stored()
    told = recorded(by_id("base_1x_6_of_last_12"), answers, context.get("extra", {}))
    assert (told, answers.get("insurance_base_tier")) == (False, "2x"), reply
    assert context["q"] == "bonus" and BONUS in reply, reply
    applicant = await at_bonus_with_both_base_questions(service, "否")
    reply = await applicant.type("基数那题应该选是")
    _state, answers, context = await applicant.stored()
    assert context["q"] == "base_1x_6_of_last_12", reply
    assert "至少有 6 个月的社保缴费基数" in reply, reply
