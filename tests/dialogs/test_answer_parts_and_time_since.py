"""A time part (前两年) of a clause left out as another question's (工作了6年) is no answer
alone: asked again; months of unemployment (失业了半年) are no months at the average wage, so
the no said beside them decides; how long ago said as nearly (快六年了) is the half year before
it, against a deduction's window; a reference to the question before (跟上一题一样) is no 1."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_a_time_part_of_a_clause_left_out_is_no_answer(service: Any) -> None:
    await assert_asked_not_stored(
        service,
        "social_insurance_months",
        ["参加工作8年了，前三年在无锡", "工作了7年，头三年在苏州"],
    )
    await assert_stored(service, "local_hires", [("员工50人，其中上海户口10个", 10)])


async def test_months_of_unemployment_are_no_months_at_the_base(service: Any) -> None:
    await assert_stored(
        service, "base_1x_6_of_last_12", [("没有，今年失业了7个月，其他月份也是最低", False)]
    )


async def test_nearly_so_many_years_is_the_half_year_before_it(service: Any) -> None:
    # a criminal record counts for 5 years: nearly 7 is out, nearly 5 is in
    await assert_stored(
        service, "criminal_count", [("判过一次，快七年了", 0), ("有一次，将近五年了", 1)]
    )


async def test_the_question_before_is_no_number(service: Any) -> None:
    await assert_asked_not_stored(service, "local_hires", ["同上一题，没开公司"])
