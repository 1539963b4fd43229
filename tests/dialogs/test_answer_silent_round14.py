"""Round 14's silent wrongs, by class, through the real service with phrasings written for this
test: a retraction inside a clause followed by 是 and the value (42岁 不对是41) takes the first
value back; a birth month said in a clause of its own beside the birth year (88年的，生日在
十二月) tells whether this year's birthday has come; a length of time in years said beside an
age in 岁 (48岁 工作了12年) is no birth year; a range of multiples said in English (2 to 3
times) is asked between its tiers as 2到3倍 is; "none of any level" (哪一级都没有) is a none;
the year one is in (第五年) is the whole years before it and some months."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_a_retraction_then_is_and_a_value_takes_the_first_back(service: Any) -> None:
    await assert_stored(service, "age", [("42岁 不对是41", 41), ("29 不对 是30", 30)])


async def test_a_birth_month_in_its_own_clause_tells_the_birthday(service: Any) -> None:
    # today is 2026-11-29: a December birthday has not come yet, a March one has
    await assert_stored(
        service, "age", [("1988年的，生日在12月", 37), ("我1990年出生，3月份生的", 36)]
    )


async def test_years_of_work_beside_an_age_are_no_birth_year(service: Any) -> None:
    await assert_stored(service, "age", [("48岁 硕士 工作了12年", 48), ("36岁，交了11年社保", 36)])


async def test_a_range_of_multiples_in_english_is_asked(service: Any) -> None:
    await assert_asked_not_stored(service, "insurance_base_tier", ["2 to 3 times the average"])
    await assert_stored(service, "insurance_base_tier", [("两点几倍", "2x")])


async def test_none_of_any_level_is_a_none(service: Any) -> None:
    await assert_stored(service, "title", [("哪一级都没有", "none"), ("哪一级也没有", "none")])
    await assert_stored(
        service, "title", [("什么等级都没有", "none"), ("哪一个等级都不是", "none")]
    )


async def test_the_year_one_is_in_is_the_whole_years_before_it_and_some(service: Any) -> None:
    """在上海交到第四年了: three whole years and some months, not four (a confirm or a value in
    the fourth year, never 48)."""
    for said in ["社保在交第四年了", "这是第7年"]:
        applicant, _ = await answer(service, "social_insurance_months", said)
        _state, answers, _context = await applicant.stored()
        months = answers.get("social_insurance_months")
        years = 3 if "四" in said else 6
        assert months is None or years * 12 <= months < (years + 1) * 12, (said, months)


async def test_a_sum_said_from_one_to_another_in_english_is_no_pair_of_multiples(
    service: Any,
) -> None:
    """2 to 3 times is a range of multiples; 70 to 80 thousand yuan a year is no 70~80 (asked
    or read as the sum, never as 70 yuan)."""
    applicant, _ = await answer(
        service, "investment_tax_yuan", "each year roughly 70 to 80 thousand"
    )
    _state, answers, context = await applicant.stored()
    assert answers.get("investment_tax_yuan") in (None, 70000, 75000, 80000), answers
    assert "70" not in str(context.get("pending", {}).get("options", [])).replace("70000", "")
