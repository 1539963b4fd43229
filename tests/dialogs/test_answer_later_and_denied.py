"""Answers whose later words decide: a value said last after a clause telling it moved on
(48个月，哦上个月又交了，49) replaces the first; a base said as a multiple below the average
wage beside a no (是0.9倍，没有) is a no, and beside a yes that contradicts it is asked; a year
said in digits right before a count in words (一次2019一次2024) dates one occurrence each;
months paid in a way that is not as an employee (灵活就业交的), said of the months in a clause
of their own, may be all of them: asked."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_a_value_said_last_after_it_moved_on_replaces_the_first(service: Any) -> None:
    await assert_stored(
        service,
        "social_insurance_months",
        [("60个月，噢这个月又交了一个月，61", 61), ("三年，哦现在刚满四年了，4", 48)],
    )
    await assert_stored(service, "social_insurance_months", [("48个月，其中两个月补缴", 46)])


async def test_a_multiple_below_the_average_beside_a_no_is_a_no(service: Any) -> None:
    await assert_stored(
        service,
        "base_1x_6_of_last_12",
        [("对，啊不对，是0.8倍，没有", False), ("是0.7倍，没有的", False)],
    )
    await assert_asked_not_stored(service, "base_1x_6_of_last_12", ["1.5倍，没有"])


async def test_a_year_in_digits_before_a_count_in_words_dates_it(service: Any) -> None:
    # today is 2026-11-29: a detention counts for 5 years, so 2018 is out and 2025 in
    await assert_stored(service, "detention_count", [("两次 一次2018一次2025", 1)])


async def test_months_paid_not_as_an_employee_said_aside_are_asked(service: Any) -> None:
    await assert_asked_not_stored(
        service, "social_insurance_months", ["六年，挂靠公司交的", "交了4年，个人缴的"]
    )
    await assert_stored(service, "social_insurance_months", [("6年，没有补缴", 72)])
