"""Classes of round 11 met again on the earlier dev sets, through the real service with
phrasings written for this test: a year said in English (married in 2018... since 2015) or a
date written with dots is a date; a count then "all of them" on one date (两次，都是今年) is
dated as a whole; a prison term said 坐过N年牢 or 六年整 is a sentence of that length, and 没判刑
is none; a duration said to leave out back-paid months already counts whole; the same work said
as 就是做这个的 is a match, and 不干那行了 is none; 高起专, 没读什么书 name their level."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_a_year_in_english_or_a_dotted_date_is_a_date(service: Any) -> None:
    await assert_stored(service, "spouse_hukou_years", [("2017.6.1", 9)])
    await assert_stored(service, "remote_area_years", [("since 2015", 10)])


async def test_a_count_then_all_of_them_on_one_date(service: Any) -> None:
    assert await stored_value(service, "detention_count", "两次，都是今年") == 2


async def test_a_prison_term_said_loosely_and_no_sentence(service: Any) -> None:
    await assert_stored(
        service,
        "serious_crime",
        [("坐过八年牢", True), ("六年整", True), ("只被拘过，没判刑", False)],
    )


async def test_back_paid_months_said_left_out_already(service: Any) -> None:
    await assert_stored(service, "social_insurance_months", [("三年多（不含补缴）", 39)])


async def test_the_same_work_or_none_of_it_said_in_words(service: Any) -> None:
    await assert_stored(
        service, "title_matches_job", [("我就是做这个的", True), ("早就不干那行了", False)]
    )


async def test_levels_said_as_a_route_or_as_little_schooling(service: Any) -> None:
    await assert_stored(service, "education", [("高起专毕业", "college"), ("没读什么书", "none")])
