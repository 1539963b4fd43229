"""Answers that name two values, or take one back with a bare 不, through the real service
(round 6's silent wrongs, now a dev set): an award question answered with two kinds of award
(省级还是市级的，我分不清) is asked, never the first kind named; 2倍，哦不，1.8倍 is the value after
the 不; a base said only to be above or below the average wage in the comparative form (比平均
工资高, lower than average) is asked between the tiers it could be, as 高于社平 already was.
Phrasings written for this test."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_two_kinds_of_award_named_are_asked(service: Any) -> None:
    await assert_asked_not_stored(
        service,
        "award",
        ["省级还是市级的，我分不清", "国家级或者市级专项吧", "comprehensive or specific?"],
    )
    await assert_stored(
        service,
        "award",
        [("市级综合", "city_comprehensive"), ("不是省部级，是市级专项的", "city_specific")],
    )


async def test_a_bare_no_takes_the_value_before_it_back(service: Any) -> None:
    await assert_stored(service, "local_hires", [("两个，不，三个", 3), ("12, no, 13", 13)])


async def test_above_or_below_the_average_in_the_comparative_is_asked(service: Any) -> None:
    await assert_asked_not_stored(
        service,
        "insurance_base_tier",
        ["比平均工资高", "比社平低一些", "higher than the average wage", "lower than average"],
    )
