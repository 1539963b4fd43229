"""A yes/no question about the rule typed at its own points question (交通违章算不算？ at the
deductions, 不满5年有分吗 at the years of public service) says nothing of the user's own case:
through the real service it is asked back (asking about the rule, or answering?), never stored.
Asking about the rule gets the FAQ's word on it and the question again; an answer typed at the
confirm, or said in a clause of its own beside the question, is the answer."""

from __future__ import annotations

from typing import Any

from dialogs.questions import by_id, recorded
from dialogs.types import Inbound
from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    Applicant,
    answer,
    assert_asked_not_stored,
    ids,
    service_fixture,
)

RULE_BUTTON = "我是在问规定"
RULE_QUESTIONS = [
    ("deductions", "交通违章算不算？"),
    ("family_planning_violation", "计划生育现在还算不算？"),
    ("public_service_years", "不满5年有分吗"),
    ("detention_count", "5年前的拘留还算吗"),
    ("deductions", "交通违章算？"),  # asked by its question mark alone
]


async def press(applicant: Applicant, choice: str) -> str:
    inbound = Inbound("web", applicant.user, f"m{next(ids)}", applicant.clock(), choice=choice)
    applicant.replies = list((await applicant.service.handle(inbound)).replies)
    return "\n".join(reply.text for reply in applicant.replies)


async def test_a_question_about_the_rule_is_asked_back_never_stored(service: Any) -> None:
    for question, text in RULE_QUESTIONS:
        await assert_asked_not_stored(service, question, [text])
        applicant, reply = await answer(service, question, text)
        assert "在问规定，还是在回答" in reply, text
        assert RULE_BUTTON in applicant.choices, text


async def test_asking_about_the_rule_gets_the_faq_then_the_question_again(service: Any) -> None:
    for question, text in RULE_QUESTIONS[:2]:
        applicant, _ = await answer(service, question, text)
        rule = [c.id for r in applicant.replies for c in r.choices if c.label == RULE_BUTTON]
        assert rule, text
        reply = await press(applicant, rule[0])
        state, answers, context = await applicant.stored()
        assert (state, context["q"], "pending" in context) == ("asking", question, False), text
        assert question not in answers, text
        assert "回到刚才的问题" in reply, text
    applicant, _ = await answer(service, "public_service_years", "不满5年有分吗")
    assert "回到刚才的问题" in await applicant.type("我是在问规定")


async def stored(applicant: Applicant, question: str) -> Any:
    _state, answers, context = await applicant.stored()
    return recorded(by_id(question), answers, context.get("extra", {}))


async def test_an_answer_given_at_the_confirm_is_stored(service: Any) -> None:
    applicant, _ = await answer(service, "deductions", "交通违章算不算？")
    await applicant.type("否")
    assert await stored(applicant, "deductions") is False
    applicant, _ = await answer(service, "public_service_years", "不满5年有分吗")
    await applicant.type("3年")
    assert await stored(applicant, "public_service_years") == 3


async def test_an_answer_said_beside_the_question_is_the_answer(service: Any) -> None:
    for text in ("没有，交通违章算吗", "没有", "不算", "没有吗", "没有？"):
        applicant, _ = await answer(service, "deductions", text)
        assert await stored(applicant, "deductions") is False, text
