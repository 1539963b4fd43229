"""More of round 11's classes on the earlier dev sets, through the real service with phrasings
written for this test: two neighbouring ages said with 了 (五十六七了: one score); an English
birthday to come or just had; 吾 typed for 五; pinyin of education levels; 本科 没有 学位 typed with
blanks is no degree (it was taken as a degree, silently); the first or last items of the list
and "nothing else" beside item numbers; several awards held with 也 give the highest; English
"not in Lingang" and "province level"; no company invested in is no tax."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_ages_said_in_pairs_english_or_typed_alike(service: Any) -> None:
    assert await stored_value(service, "age", "五十六七了") in (56, 57)
    await assert_stored(
        service,
        "age",
        [("I turn 33 next week", 32), ("just had my 40th birthday", 40), ("二十吾", 25)],
    )


async def test_education_in_pinyin_or_with_blanks(service: Any) -> None:
    await assert_stored(
        service,
        "education",
        [("shuo shi", "master"), ("da zhuan", "college"), ("本科 没有 学位", "bachelor")],
    )


async def test_the_first_or_last_items_and_nothing_else_beside_numbers(service: Any) -> None:
    first = ("shortage_major", "investment", "public_service")
    assert await stored_value(service, "bonus", "前三个") == first
    assert await stored_value(service, "bonus", "2和6，别的没有") == ("investment", "award")
    assert await stored_value(service, "bonus", "the last 2") == (
        "spouse_hukou",
        "entrepreneur_talent",
    )


async def test_several_awards_held_and_english_levels(service: Any) -> None:
    await assert_stored(service, "award", [("拿过市级综合的，也拿过专项的", "city_comprehensive")])
    await assert_stored(service, "award", [("province level award", "national")])


async def test_not_in_lingang_or_no_company_is_none(service: Any) -> None:
    await assert_stored(service, "remote_area_years", [("not in Lingang", 0)])
    assert await stored_value(service, "investment_tax_yuan", "没有投资公司") == 0
