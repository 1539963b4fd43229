"""Silent wrongs and misses left by the mutation runs (issue 19), by class, through the real
service with phrasings written for this test: the base down since a month of last year; a share
of the months said of those below the average wage; a gap said after 后来; Shanghai left and
come back to with one date said; 过了年 said in January, the Spring Festival weeks away."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.clock import SHANGHAI
from bot.service import ConversationService
from bot.storage.database import Database
from tests.bot.helpers import FakeClock
from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    Applicant,
    answer,
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_the_base_down_since_a_month_of_last_year_is_not_met(service: Any) -> None:
    await assert_stored(
        service,
        "base_1x_6_of_last_12",
        [("从去年12月起基数就降到最低了", False), ("去年10月开始基数涨上去了", True)],
    )


async def test_a_share_of_the_months_below_the_average_wage(service: Any) -> None:
    await assert_stored(
        service,
        "base_1x_6_of_last_12",
        [
            ("大部分月份都不够", False),
            ("一半以上的月份没达到", False),
            ("most of them were below", False),
            ("only a few months were short", True),
            ("most months, a few were short", True),
        ],
    )
    await assert_asked_not_stored(service, "base_1x_6_of_last_12", ["大部分够，少数月份够"])


async def test_a_gap_said_after_later_and_a_stay_left_and_come_back_to(service: Any) -> None:
    await assert_stored(
        service, "social_insurance_months", [("2019年1月开始交的，后来5个月没交", 89)]
    )
    # not offered the months since 2021 (59 or 60) to pick from: asked again
    applicant, _ = await answer(
        service, "social_insurance_months", "2021年交了两年，回了老家，又回来交了1年"
    )
    state, answers, _context = await applicant.stored()
    assert (state, answers.get("social_insurance_months")) == ("asking", None)


async def test_after_the_new_year_said_in_january_is_weeks_away(sqlite_url: str) -> None:
    january = FakeClock(datetime(2027, 1, 10, 10, 0, tzinfo=SHANGHAI))
    database = Database(sqlite_url)
    try:
        applicant = await Applicant(
            ConversationService(database, clock=january), database, january
        ).at("social_insurance_months")
        await applicant.type("过了年就满5年了")
        _state, answers, _context = await applicant.stored()
        assert answers.get("social_insurance_months") == 59
    finally:
        await database.dispose()


async def test_a_break_denied_is_no_break(service: Any) -> None:
    await assert_stored(
        service,
        "social_insurance_months",
        [("2017年8月到现在没断过", 111), ("2018.03至今一直没断缴", 104)],
    )
    await assert_asked_not_stored(service, "social_insurance_months", ["中间断过3个月"])


async def test_a_title_and_a_higher_named_skill_level_keep_the_title(service: Any) -> None:
    await assert_stored(service, "title", [("我有中级又有高级工，按高的来", "title_intermediate")])


async def test_a_tier_raised_last_year_counts_only_with_its_months(service: Any) -> None:
    await assert_stored(
        service,
        "insurance_base_tier",
        [("去年刚调到两倍，之前一直是最低的", "none"), ("过去4年中有3年多是两倍", "2x")],
    )


async def test_whole_years_short_by_months_said_after_them(service: Any) -> None:
    await assert_stored(
        service,
        "social_insurance_months",
        [("快满4年了，还差3个月", 45), ("差不多三年，差一个月", 35), ("3y7m", 43)],
    )
    await assert_stored(service, "public_service_years", [("6年还差半个月", 5)])


async def test_nothing_at_a_yes_no_question_and_half_a_year_over_an_age(service: Any) -> None:
    await assert_stored(service, "serious_crime", [("nothing", False)])
    await assert_stored(service, "age", [("41.5", 41)])


async def test_a_second_start_or_a_number_left_without_its_unit_is_asked(service: Any) -> None:
    """Two starts said (job, then insurance) are no span between them; 3 in Shanghai after 2
    years in Beijing is not left out for the 2 years; a little over whole years is a month or
    two over them."""
    await assert_asked_not_stored(
        service,
        "social_insurance_months",
        [
            "joined the company in March 2020, insurance from May 2020",
            "I paid 3 years in Hangzhou and 4 in Shanghai",
        ],
    )
    await assert_stored(
        service,
        "social_insurance_months",
        [("2018年7月到2023年12月", 66), ("两年多一点点", 26), ("两年多", 27)],
    )


async def test_paying_since_this_month_is_under_a_month_or_one(service: Any) -> None:
    await assert_stored(service, "social_insurance_months", [("本月才开始交的", 1)])
    await assert_stored(service, "social_insurance_months", [("这个月开始交，之前交了三年", 36)])
