"""Round 11's re-asked classes, through the real service with phrasings written for this test:
an age said beside how one calls oneself (老阿姨, 奔五了), a teasing 猜猜 or a dialect particle;
三十好几 (some years over thirty: one score); an award below the city's list is none, and
several held are the highest; drunk driving is punished below any veto, so dated it is a
deduction; points off a driving licence are none; "no" or "never" and what is not held, in
English, is none; an ordinary wage earner or a company's loss beside a none says nothing more;
no company of one's own is no tax and no hires."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_an_age_said_beside_how_one_calls_oneself_is_read(service: Any) -> None:
    await assert_stored(
        service,
        "age",
        [("奔五了，四十七", 47), ("老阿姨今年五十一咧", 51), ("你猜猜…四十", 40), ("28s", 28)],
    )


async def test_some_years_over_twenty_are_one_score(service: Any) -> None:
    assert 23 <= await stored_value(service, "age", "二十好几了") <= 29


async def test_an_award_below_the_citys_list_is_none_and_the_highest_held_counts(
    service: Any,
) -> None:
    await assert_stored(
        service,
        "award",
        [("区里评的", "none"), ("单位评的先进", "none"), ("全国劳模和市级专项都拿过", "national")],
    )


async def test_drunk_driving_is_no_veto_and_points_off_a_licence_are_none(service: Any) -> None:
    assert await stored_value(service, "deductions", "去年醉驾被判了") is True
    assert await stored_value(service, "deductions", "驾照扣了分，别的都没有") is False


async def test_no_or_never_in_english_is_none(service: Any) -> None:
    await assert_stored(service, "social_insurance_months", [("never paid into it", 0)])
    assert await stored_value(service, "criminal_count", "no convictions") == 0
    assert await stored_value(service, "bonus", "no awards") == ()


async def test_an_ordinary_wage_earner_or_a_loss_beside_a_none_is_none(service: Any) -> None:
    assert await stored_value(service, "bonus", "没有，我就是个普通打工的") == ()
    assert await stored_value(service, "investment_tax_yuan", "公司一直亏钱，没纳税") == 0
    assert await stored_value(service, "local_hires", "没开过公司") == 0
