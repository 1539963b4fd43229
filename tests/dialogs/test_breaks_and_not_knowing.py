"""At a question, what is no answer is never stored, through ConversationService, with
phrasings written for these tests: a break told instead of a total (off work for 3 months at
the months of social insurance) is asked again, saying why; "I don't really know", 不太好讲,
没啥把握 are a "don't know" (how to find out, and a way on), never the "no" their don't/不
reads as."""

from __future__ import annotations

from typing import Any

import pytest

from dialogs.locales import text
from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


@pytest.mark.parametrize(
    "said", ["I was out of work for 4 months", "中间失业了两个月", "停了三个月没交"]
)
async def test_a_break_told_instead_of_the_months_paid_is_asked_again(
    service: Any, said: str
) -> None:
    applicant, shown = await answer(service, "social_insurance_months", said)
    _state, answers, context = await applicant.stored()
    assert "social_insurance_months" not in answers and context["q"] == "social_insurance_months"
    clause = said.split("，")[-1]
    assert text("zh-CN", "error-break-only", said=clause) in shown, shown


async def test_the_months_paid_told_with_a_break_or_none_are_read_as_before(
    service: Any,
) -> None:
    await assert_stored(service, "social_insurance_months", [("还没交过", 0), ("54个月", 54)])


@pytest.mark.parametrize(
    ("question", "said"),
    [("title_matches_job", "I don't really know"), ("base_1x_6_of_last_12", "not really sure"),
     ("serious_crime", "I don't exactly remember"), ("title_matches_job", "这个不太好讲"),
     ("base_1x_6_of_last_12", "没啥把握"), ("deductions", "hard to say"),
     ("title_matches_job", "我也说不上来")],
)  # fmt: skip
async def test_not_really_knowing_is_no_answer(service: Any, question: str, said: str) -> None:
    await assert_asked_not_stored(service, question, [said])
    _applicant, shown = await answer(service, question, said)
    assert text("zh-CN", "unsure-general") in shown, shown
