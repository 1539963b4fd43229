"""What is said of now over what was said of before, and pairs and windows said plainly: an
age said as a pair of numerals with no unit (二十八九) is that age range; the twelve months
named before the months in them (最近一年有9个月) are the window, not the count; a base below
the average wage but above the floor (比最低档高) is asked between the two tiers, not the
floor; a title held before, then the one held now (原来是初级，去年评上了中级职称), is the one
now; a bachelor's with only the diploma said loosely (光有毕业证), or graduated with the degree
withheld for failed courses (学位证因为挂科没给: why the degree is missing, not an unfinished
level), has no degree."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_an_age_said_as_a_pair_without_a_unit(service: Any) -> None:
    await assert_stored(service, "age", [("二十八九", 29)])


async def test_the_window_named_before_the_months_in_it(service: Any) -> None:
    await assert_stored(
        service,
        "base_1x_6_of_last_12",
        [("最近一年有9个月是一倍以上", True), ("最近12个月只有3个月达标", False)],
    )


async def test_a_base_below_the_average_but_above_the_floor_is_asked(service: Any) -> None:
    await assert_asked_not_stored(
        service, "insurance_base_tier", ["比社平低，不过比最低档高出挺多"]
    )


async def test_the_title_held_now_and_a_diploma_only(service: Any) -> None:
    await assert_stored(
        service, "title", [("原来是初级，去年评上了中级职称", "title_intermediate")]
    )
    await assert_stored(
        service,
        "education",
        [("本科，光有毕业证", "bachelor"), ("本科毕业了，学位证因为挂科没给", "bachelor")],
    )
