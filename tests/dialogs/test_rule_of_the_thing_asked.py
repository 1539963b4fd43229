"""Whether something counts, asked at a points question where no answer is read and the FAQ
knows nothing of it: the rule told is that of the thing asked about, through the real
service. The open question's rule only when the text names that question (虚岁算吗 at the
age) or names none and the question reads it (Does a parking ticket count? at the
deductions); another question's rule when the text names that one (拘留还算吗 at the age);
no rule when it names nothing the open question knows (交通违章算不算 at the age is no
question about age). Nothing is stored and the open question stays open."""

from __future__ import annotations

from typing import Any

import pytest

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    service_fixture,
)

AGE_RULE = "年龄按周岁计分"
MONTHS_RULE = "社保年限按在本市缴纳职工社保的月数累计"
DETENTION_RULE = "行政拘留的，近 5 年内每次减 50 分"
DEDUCTIONS_RULE = "减分只看这几种情况"
RULES = (AGE_RULE, MONTHS_RULE, DETENTION_RULE, DEDUCTIONS_RULE)

# (open question, text, the rule told: its opening words, or None for no rule at all)
CASES = [
    ("age", "虚岁算吗", AGE_RULE),
    ("age", "交通违章算不算？", None),
    ("age", "缓刑算不算", None),
    ("age", "停车罚单算不算", None),
    ("social_insurance_months", "交通违章算不算？", None),
    ("social_insurance_months", "Do back-paid months count?", MONTHS_RULE),
    ("age", "五年前的拘留还算吗", DETENTION_RULE),
    ("age", "Do back-paid months count?", MONTHS_RULE),
    ("social_insurance_months", "虚岁算吗", AGE_RULE),
    ("deductions", "Does a parking ticket count?", DEDUCTIONS_RULE),
]


@pytest.mark.parametrize(("question", "text", "rule"), CASES)
async def test_the_rule_told_is_that_of_the_thing_asked_about(
    service: Any, question: str, text: str, rule: str | None
) -> None:
    applicant, reply = await answer(service, question, text)
    state, answers, context = await applicant.stored()
    assert (state, context["q"], question in answers) == ("asking", question, False)
    assert [r for r in RULES if r in reply] == ([rule] if rule else []), reply
