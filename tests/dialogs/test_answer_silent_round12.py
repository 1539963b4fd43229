"""Round 12's silent wrongs, by class, through the real service with phrasings written for this
test: an English no before a record word is a no; a record said to be years old ("已经六年了")
is dated against its window; a record owned with a hedge (好像有过) is asked; a bare year in an
English answer dates an occurrence; tenths said as a pair (七八成) are a range, not 78成; a
marriage dated to the day counts full years by the day; 算是吧 or about half a year is asked;
a spouse about to settle in Shanghai holds no item yet; working in Lingang while living in the
city is asked; a skill level held beside a junior title counts (the title carries no points)."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_an_english_no_before_a_record_word_is_a_no(service: Any) -> None:
    assert await stored_value(service, "deductions", "never been detained") is False
    assert await stored_value(service, "deductions", "no criminal record") is False


async def test_a_record_said_to_be_years_old_is_dated_by_its_window(service: Any) -> None:
    assert await stored_value(service, "deductions", "被拘留过一次，都过去七年了") is False
    assert await stored_value(service, "deductions", "拘留过，已经两年了") is True


async def test_a_record_owned_with_a_hedge_is_asked(service: Any) -> None:
    await assert_asked_not_stored(service, "deductions", ["可能有过一次吧"])
    await assert_asked_not_stored(service, "detention_count", ["好像被拘过一次"])


async def test_a_bare_year_in_english_dates_an_occurrence(service: Any) -> None:
    await assert_stored(service, "detention_count", [("two times, 2018 and 2024", 1)])


async def test_tenths_said_as_a_pair_are_a_range(service: Any) -> None:
    await assert_stored(service, "insurance_base_tier", [("差不多是八九成吧", "0.8x")])
    await assert_asked_not_stored(service, "insurance_base_tier", ["七八成"])


async def test_a_marriage_dated_to_the_day_counts_full_years(service: Any) -> None:
    # today is 2026-11-29 in the fixture: 2020-11-30 is 5 full years, not 6
    await assert_stored(service, "spouse_hukou_years", [("2020年11月30日领的结婚证", 5)])


async def test_a_hedged_yes_that_changes_points_is_asked(service: Any) -> None:
    await assert_asked_not_stored(service, "title_matches_job", ["应该算是吧"])
    await assert_asked_not_stored(service, "base_1x_6_of_last_12", ["大概半年"])


async def test_a_spouse_about_to_settle_or_living_elsewhere(service: Any) -> None:
    applicant, _ = await answer(service, "bonus", "我爱人马上要落户上海，还在办")
    _, _, context = await applicant.stored()
    assert context["q"] != "bonus" and list(context["extra"]["bonus"]) == []
    await assert_asked_not_stored(service, "bonus", ["公司在临港，我家住市区"])


async def test_a_skill_level_beside_a_junior_title_counts(service: Any) -> None:
    await assert_stored(service, "title", [("初级职称有，另外还有个四级证", "skill_4")])
