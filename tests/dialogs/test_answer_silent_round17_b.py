"""Round 17's other silent wrongs and the strict xfails of the mutation files, by class, through
the real service with phrasings written for this test: a hedge said in English after the age
(sixty-ish) and a hedge after a count of Shanghai-hukou staff (沪籍员工有三十来个) leave readings
that score differently, so they are asked; whole years reached after the new year are short of
them today; about 100 months may be under 8 years; a PhD candidate holds the degree before it,
a college left unfinished is no college; a remarriage said with both marriages' years is asked;
the highest base tier said with the months it needs counts, a drop whose months are not said is
asked; two birth dates offered, a pick taken back with 也, half a year in pinyin and a second tier
said after 也有 are read as said."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_a_hedged_age_or_count_that_scores_two_ways_is_asked(service: Any) -> None:
    await assert_asked_not_stored(service, "age", ["sixty-ish", "60 ish"])
    await assert_asked_not_stored(service, "local_hires", ["沪籍员工有三十来个"])
    await assert_stored(service, "local_hires", [("沪籍员工有30个", 30)])


async def test_years_reached_after_the_new_year_are_short_of_them_today(service: Any) -> None:
    # on 2026-11-29, 8 years reached in the new year's first months: 7 full years now
    assert await stored_value(service, "social_insurance_months", "过完年就满8年了") == 94
    await assert_asked_not_stored(
        service, "social_insurance_months", ["about 100 months", "120个月左右"]
    )


async def test_a_degree_studied_for_or_left_unfinished_is_not_held(service: Any) -> None:
    await assert_stored(
        service,
        "education",
        [
            ("PhD candidate, already hold a master's", "master"),
            ("doing a PhD, master's done", "master"),
            ("some college, never finished", "none"),
        ],
    )


async def test_a_remarriage_with_both_marriages_years_is_asked(service: Any) -> None:
    await assert_asked_not_stored(
        service, "spouse_hukou_years", ["复婚的，2015年第一次领证，2023年5月又复婚了"]
    )


async def test_tiers_said_over_time(service: Any) -> None:
    await assert_stored(
        service,
        "insurance_base_tier",
        [("一开始是一倍，近三年一直两倍多", "2x"), ("开始几年是一倍，最近4年都是三倍", "3x")],
    )
    await assert_asked_not_stored(
        service, "insurance_base_tier", ["前几年3倍，今年降到2倍了", "大部分时间2倍也有3倍的时候"]
    )


async def test_alternatives_and_takings_back_read_as_said(service: Any) -> None:
    await assert_asked_not_stored(service, "age", ["1979年6月1日或者1980年6月1日"])
    assert await stored_value(service, "bonus", "1 5 7，哦5不算，7也不算") == ("shortage_major",)
    assert await stored_value(service, "social_insurance_months", "ban nian") == 6


async def test_months_not_paid_yet_back_paid_or_of_another_city(service: Any) -> None:
    await assert_stored(
        service,
        "social_insurance_months",
        [
            ("还没开始交", 0),
            ("一个月都没交过", 0),
            ("一共60个月，里面补了3个月", 57),
            ("上海交了3年，之前杭州2年", 36),
            ("在上海交了30个月，无锡交了一年", 30),
            ("在南京西路上班，交了5年", 60),  # a Shanghai road, no other city
            ("在苏州河边上班，交了4年", 48),  # a Shanghai river
        ],
    )


async def test_not_even_one_local_beside_the_head_count_is_none(service: Any) -> None:
    await assert_stored(
        service,
        "local_hires",
        [("上海户口的一个都没有，公司总共30人", 0), ("no local staff, all 12 are non-local", 0)],
    )
