"""A yes to the title's field followed by a but that denies something (对口，不过公司经营范围
没有这块) is asked; an answer asking what the difference is (对口和不对口有什么区别) is no answer;
a foreign or joint-programme degree whose 留服 certification is not done is asked against none;
a spouse's hukou said to have moved to Shanghai lately is the hukou's date, not "someone
else's" words (asked: the years since the hukou, or married?); a base adjusted in a month of
this year with no direction said decides only when the months since it decide alone."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_a_yes_then_a_denying_but_is_asked(service: Any) -> None:
    await assert_asked_not_stored(
        service,
        "title_matches_job",
        ["对口，不过公司经营范围没有这块", "专业是对的，可是单位不是这个行业"],
    )
    await assert_stored(service, "title_matches_job", [("对口的，但是证是在外地考的", True)])


async def test_asking_what_the_difference_is_is_no_answer(service: Any) -> None:
    await assert_asked_not_stored(service, "title_matches_job", ["对口和不对口有什么区别"])


async def test_a_degree_not_certified_by_the_service_centre_is_asked(service: Any) -> None:
    await assert_asked_not_stored(
        service, "education", ["澳洲硕士，还没做留服认证", "中外合作办学的硕士，没留服认证"]
    )


async def test_a_spouses_hukou_moved_lately_is_asked(service: Any) -> None:
    await assert_asked_not_stored(
        service, "spouse_hukou_years", ["结婚六年了，他户口去年才迁来上海"]
    )
    await assert_stored(service, "spouse_hukou_years", [("认识十年，结婚五年", 5)])


async def test_a_base_adjusted_this_year_with_no_direction(service: Any) -> None:
    # today is 2026-11-29: August to November is four months, short of six
    await assert_asked_not_stored(
        service, "base_1x_6_of_last_12", ["今年8月调的基数，调整后是1.2倍"]
    )
    # March to November is nine months at 1.5x: enough whatever came before
    await assert_stored(service, "base_1x_6_of_last_12", [("今年3月调的，调完是1.5倍", True)])
