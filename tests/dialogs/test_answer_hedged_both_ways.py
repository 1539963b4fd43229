"""Answers that were stored silently wrong (round 10 of the dev sets, phrasings written anew for
this test): a hedge that leaves the amount on either side of a number that changes the points
(三年多吧，也可能不到; 四十出头吧; 接近3倍, near 3x: the cap may be reached; 大概是社平的两倍)
is asked; "below college" and "not even 0.8" are below the level named; "college graduate"
may be a university's; 高级职称还是高级工, said as a doubt, is asked; months of another place
said beside a Shanghai total are not taken off it; a number picked and taken back leaves the
others picked; 紧缺专业吧 (the one item with 吧) is asked."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_a_hedge_taken_back_the_other_way_is_asked(service: Any) -> None:
    await assert_asked_not_stored(service, "social_insurance_months", ["四年多点，也许不到"])
    await assert_asked_not_stored(service, "insurance_base_tier", ["两倍多吧，可能还不到"])


async def test_a_hedge_on_a_hedge_of_an_age_reaches_the_next_score(service: Any) -> None:
    await assert_asked_not_stored(service, "age", ["大概四十出头"])
    await assert_stored(service, "age", [("四十出头", 41)])


async def test_near_the_cap_may_be_the_cap(service: Any) -> None:
    await assert_asked_not_stored(service, "insurance_base_tier", ["接近三倍吧", "close to 3x"])
    await assert_stored(service, "insurance_base_tier", [("将近3倍", "2x")])


async def test_a_hedge_before_what_the_multiple_is_of_hedges_it(service: Any) -> None:
    await assert_asked_not_stored(
        service, "insurance_base_tier", ["按工资交，差不多是社平工资的两倍"]
    )
    await assert_stored(service, "insurance_base_tier", [("大概是社平的一倍三", "1x")])


async def test_below_a_level_said_before_it_in_english(service: Any) -> None:
    await assert_stored(service, "education", [("less than college", "none")])
    await assert_stored(service, "insurance_base_tier", [("not even 0.8x", "none")])


async def test_a_college_graduate_in_english_is_asked(service: Any) -> None:
    await assert_asked_not_stored(service, "education", ["I'm a college grad"])


async def test_two_levels_one_cannot_tell_apart_are_asked(service: Any) -> None:
    await assert_asked_not_stored(service, "title", ["中级职称还是中级工，我分不清"])


async def test_another_places_months_beside_a_shanghai_total_stay_out(service: Any) -> None:
    await assert_stored(service, "social_insurance_months", [("上海交了5年，老家的2年不算", 60)])


async def test_a_number_taken_back_leaves_the_others_picked(service: Any) -> None:
    kept = await stored_value(service, "bonus", "1 4 7，哦7不算，离婚了")
    assert list(kept) == ["shortage_major", "remote_area"]
    kept = await stored_value(service, "bonus", "1 4 5，去掉4")
    assert list(kept) == ["shortage_major", "fresh_graduate"]


async def test_the_one_item_said_with_ba_is_asked(service: Any) -> None:
    await assert_asked_not_stored(service, "bonus", ["临港吧，我在那边上班"])
