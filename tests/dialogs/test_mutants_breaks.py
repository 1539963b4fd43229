"""A break told at the months of social insurance (dialogs/breaks.py), through
ConversationService: a break of one month alone is asked again like any other length; a total
said beside a break with no length (一共交了3年，中间断过) is stored. Each case was run against the
mutant it kills (docs/mutation.md)."""

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


async def test_a_break_of_one_month_alone_is_asked_again(service: Any) -> None:
    """中间断了1个月 tells the month missed, not the months paid: asked, saying why."""
    applicant, shown = await answer(service, "social_insurance_months", "中间断了1个月")
    _state, answers, _context = await applicant.stored()
    assert "social_insurance_months" not in answers
    assert text("zh-CN", "error-break-only", said="中间断了1个月") in shown, shown


async def test_a_total_beside_a_break_of_no_length_is_stored(service: Any) -> None:
    """The clause with the total tells no break: its 3 years are the months paid."""
    await assert_stored(service, "social_insurance_months", [("一共交了3年，中间断过", 36)])


@pytest.mark.xfail(
    strict=True,
    reason="bug: at the base question 中间断了8个月 (8 of the 12 months with no base) reads yes",
)
async def test_a_long_break_at_the_base_question_is_no_yes(service: Any) -> None:
    """Eight months of the last twelve unpaid leave at most four at the average wage."""
    await assert_asked_not_stored(service, "base_1x_6_of_last_12", ["中间断了8个月"])
