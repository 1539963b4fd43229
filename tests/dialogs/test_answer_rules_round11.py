"""Round 11's classes, through the real service with phrasings written for this test: a value
taken back as a joke (开玩笑的) or with an English "sorry" is the value after it; an ellipsis
(…) is a pause between clauses, so a retraction after it takes back; 大半年 is more than half a
year (not 6 months flat); 般 after 年 is the input method's 半; pinyin typed without switching
to Chinese and dialect spellings of 我 and 今年 are read; bonus items picked by a range of
numbers, by an exception (除了…都有) or with fillers between the numbers."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_a_value_taken_back_as_a_joke_or_with_sorry_is_the_one_after(service: Any) -> None:
    await assert_stored(service, "education", [("硕士，逗你的，大专", "college")])
    await assert_stored(service, "education", [("大专吧，开玩笑啦，本科有学位", "bachelor_degree")])
    await assert_stored(service, "age", [("I am 45, sorry 44", 44), ("29, oops 28", 28)])


async def test_a_retraction_after_an_ellipsis_takes_back(service: Any) -> None:
    await assert_stored(service, "age", [("我今年33…哦不对，34", 34)])
    await assert_stored(service, "social_insurance_months", [("交了5年...不对，4年", 48)])


async def test_more_than_half_a_year_is_more_than_six_months(service: Any) -> None:
    stored = await stored_value(service, "social_insurance_months", "社保交了大半年了")
    assert 7 <= stored <= 11


async def test_ban_after_a_year_is_half(service: Any) -> None:
    await assert_stored(service, "social_insurance_months", [("交了两年般", 30)])


async def test_pinyin_answers_are_read(service: Any) -> None:
    await assert_stored(service, "title", [("mei you", "none"), ("gaoji zhicheng", "title_senior")])
    await assert_stored(service, "title_matches_job", [("shi de", True), ("bu duikou", False)])
    await assert_stored(service, "base_1x_6_of_last_12", [("bushi", False)])
    assert await stored_value(service, "deductions", "dou meiyou") is False
    await assert_stored(service, "social_insurance_months", [("4nian", 48)])


async def test_dialect_spellings_of_me_and_this_year_are_read(service: Any) -> None:
    await assert_stored(service, "age", [("偶今年二十九", 29), ("今念42了", 42)])
    await assert_stored(service, "serious_crime", [("米有", False)])


async def test_bonus_items_by_a_range_an_exception_or_with_fillers(service: Any) -> None:
    assert await stored_value(service, "bonus", "二到四都有") == (
        "investment",
        "public_service",
        "remote_area",
    )
    assert await stored_value(service, "bonus", "除了第二个，其他都有") == (
        "shortage_major",
        "public_service",
        "remote_area",
        "fresh_graduate",
        "award",
        "spouse_hukou",
        "entrepreneur_talent",
    )
    assert await stored_value(service, "bonus", "3，噢还有6") == ("public_service", "award")
    assert await stored_value(service, "bonus", "items 1 and 4") == (
        "shortage_major",
        "remote_area",
    )


async def test_the_age_once_the_birthday_is_past_said_with_yi(service: Any) -> None:
    await assert_stored(service, "age", [("生日一过就三十五了", 35)])
