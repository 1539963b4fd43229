"""Rules behind round 4's re-asks and a silent misread (a dev set), typed into the real service
with phrasings of our own: ages said by generation or decade, durations said short of whole
years or with 个来/个多, neighbouring numbers after ten, and children at the deductions gate."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value
from tests.dialogs.test_answer_two_readings import pending


async def test_an_age_said_by_generation_or_decade_scores_when_all_its_ages_agree(
    service: Any,
) -> None:
    # today is 2026-11-29: 95后 are 26 to 31, 八十年代末 36 to 39: all 30 points
    assert 26 <= await stored_value(service, "age", "95后") <= 31
    assert 36 <= await stored_value(service, "age", "我是八十年代末出生的") <= 39
    await assert_stored(service, "age", [("咱今年三十有六", 36)])
    # 70后 (47 to 56) scores many ways: asked again; a birth year said beside it decides
    await assert_asked_not_stored(service, "age", ["70后"])
    await assert_stored(service, "age", [("90后，1996年的", 30)])


async def test_months_short_of_whole_years_or_said_with_ge_lai_are_read(service: Any) -> None:
    await assert_stored(service, "social_insurance_months", [("3年还差2个月", 34), ("五个来月", 5)])


async def test_neighbouring_numbers_after_ten_are_a_pair(service: Any) -> None:
    assert await stored_value(service, "spouse_hukou_years", "结婚十一二年了") in (11, 12)


async def test_children_at_the_deductions_gate_ask_about_a_recorded_violation(
    service: Any,
) -> None:
    assert await pending(service, "deductions", "家里两个娃") == ["yes", "no"]
    assert await stored_value(service, "deductions", "就一个孩子") is False
    assert await stored_value(service, "deductions", "老二是2017年生的") is False
