"""A yes/no question about the rule typed at its own points question (交通违章算不算？ at the
deductions, 不满5年有分吗 at the years of public service) says nothing of the user's own case:
through the real service what the question counts is told (its numbers from the policy data,
with their source) and the question is asked again, nothing stored. A question without a rule
of its own is asked back (asking about the rule, or answering?); asking about the rule there gets
the FAQ's word on it and the question again. An answer said in a clause of its own beside the
question is the answer."""

from __future__ import annotations

from typing import Any

import pytest

from dialogs.asked_rule import RULES, rule_key, rule_values
from dialogs.locales import LOCALES
from dialogs.locales import text as locale_text
from dialogs.question import YES_NO
from dialogs.questions import by_id, recorded
from dialogs.types import Inbound
from scoring.policy import edition_in_force
from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    TODAY,
    Applicant,
    answer,
    assert_asked_not_stored,
    ids,
    service_fixture,
)

RULE_BUTTON = "我是在问规定"
# (question, text, words of its rule)
RULE_QUESTIONS = [
    ("deductions", "交通违章算不算？", "没有被拘留的交通违章"),
    ("deductions", "交通违章算？", "没有被拘留的交通违章"),  # asked by its question mark alone
    ("deductions", "Does a parking ticket count?", "没有被拘留的交通违章"),
    ("family_planning_violation", "计划生育现在还算不算？", "以受理点告知为准"),
    ("public_service_years", "环卫工作不满5年有分吗", "满 5 年才计分"),
    ("detention_count", "五年前的拘留还算吗", "近 5 年内每次减 50 分"),
    ("criminal_count", "五年前的事还算吗？", "近 5 年内每次减 150 分"),
    ("serious_crime", "判五年以上是不是就不能办了", "5 年以上有期徒刑"),
    ("serious_crime", "缓刑算不算", "缓刑"),
    ("social_insurance_months", "Do back-paid months count?", "补缴的月份不算"),
    ("age", "虚岁算吗", "周岁"),
]


@pytest.mark.parametrize(("question", "text", "rule"), RULE_QUESTIONS)
async def test_a_question_about_the_rule_gets_the_rule_and_the_question_again(
    service: Any, question: str, text: str, rule: str
) -> None:
    applicant, reply = await answer(service, question, text)
    state, _answers, context = await applicant.stored()
    assert (state, context["q"]) == ("asking", question)
    assert await stored(applicant, question) is None
    assert rule in reply and "依据：" in reply and "回到刚才的问题" in reply
    assert ".txt" not in reply and "在问规定，还是在回答" not in reply


async def test_the_rule_is_told_in_english_in_an_english_conversation(service: Any) -> None:
    applicant, _ = await answer(service, "deductions", "English")
    reply = await applicant.type("Does a parking ticket count?")
    assert "a traffic fine without detention" in reply and "Source:" in reply


async def test_a_question_without_a_rule_of_its_own_is_asked_back(service: Any) -> None:
    await assert_asked_not_stored(service, "title_matches_job", ["跨专业的算不算？"])
    applicant, reply = await answer(service, "title_matches_job", "跨专业的算不算？")
    assert "在问规定，还是在回答" in reply
    rule = [c.id for r in applicant.replies for c in r.choices if c.label == RULE_BUTTON]
    assert rule
    reply = await press(applicant, rule[0])
    state, answers, context = await applicant.stored()
    assert (state, context["q"], "pending" in context) == ("asking", "title_matches_job", False)
    assert "title_matches_job" not in answers
    assert "回到刚才的问题" in reply
    applicant, _ = await answer(service, "title_matches_job", "跨专业的算不算？")
    assert "回到刚才的问题" in await applicant.type("我是在问规定")


async def press(applicant: Applicant, choice: str) -> str:
    inbound = Inbound("web", applicant.user, f"m{next(ids)}", applicant.clock(), choice=choice)
    applicant.replies = list((await applicant.service.handle(inbound)).replies)
    return "\n".join(reply.text for reply in applicant.replies)


async def stored(applicant: Applicant, question: str) -> Any:
    _state, answers, context = await applicant.stored()
    return recorded(by_id(question), answers, context.get("extra", {}))


async def test_an_answer_given_at_the_confirm_is_stored(service: Any) -> None:
    applicant, _ = await answer(service, "title_matches_job", "跨专业的算不算？")
    await applicant.type("否")
    assert await stored(applicant, "title_matches_job") is False


async def test_an_answer_said_beside_the_question_is_the_answer(service: Any) -> None:
    for text in ("没有，交通违章算吗", "没有", "不算", "没有吗", "没有？"):
        applicant, _ = await answer(service, "deductions", text)
        assert await stored(applicant, "deductions") is False, text


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("question_id", sorted(RULES))
def test_every_rule_is_told_with_the_numbers_of_the_edition_in_force(
    locale: str, question_id: str
) -> None:
    edition = edition_in_force(TODAY.date())
    told = locale_text(locale, rule_key(question_id), **rule_values(question_id, edition))
    assert "{" not in told and by_id(question_id).choices in ((), YES_NO)
