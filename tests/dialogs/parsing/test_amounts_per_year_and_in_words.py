"""Amounts at the investment questions, through the real service: one amount per year is
averaged (the question asks the yearly average of the last 3 years), never the first one
taken; English number words make one number; 多 after a round number reaches as far as its
last digit's place, and a range said with its unit twice is a range, both asked when they
straddle a 10-point step. Phrasings written for this test."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_one_amount_per_year_is_the_yearly_average(service: Any) -> None:
    await assert_stored(
        service,
        "local_hires",
        [("大前年10个，前年20个，去年30个", 20), ("2024年12人、2025年15人、2026年18人", 15)],
    )
    await assert_stored(
        service,
        "investment_tax_yuan",
        [("前年交了20万，去年30万，今年40万", 300000), ("三年分别是5万、10万、15万", 100000)],
    )


async def test_two_years_said_of_three_is_asked_again(service: Any) -> None:
    # the average of the last 3 years: was the third year nothing? Not the first amount.
    await assert_asked_not_stored(service, "local_hires", ["去年10个，今年30个"])
    await assert_asked_not_stored(service, "investment_tax_yuan", ["去年40万，今年10万"])


async def test_english_number_words_are_one_number(service: Any) -> None:
    await assert_stored(
        service,
        "investment_tax_yuan",
        [("three hundred thousand", 300000), ("one hundred and fifty thousand a year", 150000)],
    )
    await assert_stored(service, "local_hires", [("seventy", 70)])


async def test_a_hedge_or_range_across_a_step_is_asked(service: Any) -> None:
    # 一百多人 is 101-199 people (was read as 101-109), 八十万到一百二十万 spans 8 to 12 steps
    await assert_asked_not_stored(service, "local_hires", ["一百多人", "一百多个上海户口的"])
    await assert_asked_not_stored(service, "investment_tax_yuan", ["80万到120万", "一百多万"])
    # a range inside one step is that step
    await assert_stored(service, "investment_tax_yuan", [("31万到35万", 310000)])
