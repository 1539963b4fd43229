"""An earlier answer changed by naming its page or its question's topic at a later question
(or by its topic and an amount denied: 婚龄7年不是6年),
and a rule question asking how long until a rule stops, through ConversationService
(phrasings written for these tests, none from a held-out set): the page before (上一页) is the
question before; the sentence (刑期) names the serious-crime question; 几年以后就不算了 asks a
rule, nothing is stored as the open question's answer."""

from __future__ import annotations

from typing import Any

import pytest

from dialogs.locales import text
from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    assert_asked_not_stored,
    service_fixture,
)


def _prompt(key: str) -> str:
    return text("zh-CN", key).split("？")[0].split("（")[0]


@pytest.mark.parametrize(
    ("question", "said", "opened"),
    [
        ("investment_tax_yuan", "前一页勾错了", "q-bonus"),
        ("investment_tax_yuan", "上页那个多选了一项", "q-bonus"),
        ("family_planning_violation", "服刑那题我答错了", "q-serious-crime"),
        ("family_planning_violation", "刑期那个问题改一下", "q-serious-crime"),
        # an amount then another denied, the field named by its topic (no spouse ticked at the
        # bonus question here: the edit opens it, where the spouse is picked)
        ("deductions", "我婚龄7年，不是6年", "q-bonus"),
        ("deductions", "配偶那边是八年而不是九年", "q-bonus"),
    ],
)
async def test_a_page_or_a_topic_named_opens_the_question_it_names(
    service: Any, question: str, said: str, opened: str
) -> None:
    applicant, shown = await answer(service, question, said)
    assert _prompt(opened) in shown, shown
    _state, answers, _ = await applicant.stored()
    assert question not in answers, answers


@pytest.mark.parametrize("said", ["被拘留过的话几年以后就不再扣分", "行政拘留多少个月后不算了"])
async def test_how_long_until_a_rule_stops_is_asked_not_answered(service: Any, said: str) -> None:
    """The rule is answered (5 years), not "not understood" as an answer would be."""
    await assert_asked_not_stored(service, "detention_count", [said])
    _, shown = await answer(service, "detention_count", said)
    assert "5" in shown and said not in shown, shown
