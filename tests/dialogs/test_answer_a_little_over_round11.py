"""A little over a round sum, and words of round 11's classes, through the real service with
phrasings written for this test: 三十多万 or "a bit over 300k" of tax is read a tenth of its
range over the sum (31万), not 2 yuan over it (300003 is no amount anyone means, and the
read-back shows it); "a year and a half" in English, 从头到尾 before a total; more than half a
year at the base condition is enough, and "the minimum" is a no."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_a_little_over_a_round_sum_is_a_tenth_of_its_range_over_it(service: Any) -> None:
    assert await stored_value(service, "investment_tax_yuan", "每年纳税二十多万") == 210000
    assert await stored_value(service, "investment_tax_yuan", "a bit over 500k") == 510000


async def test_a_year_and_a_half_in_english_and_a_total_from_start_to_end(service: Any) -> None:
    await assert_stored(
        service,
        "social_insurance_months",
        [("a year and a half", 18), ("从头到尾一共交了五年", 60)],
    )


async def test_more_than_half_a_year_is_enough_and_the_minimum_is_a_no(service: Any) -> None:
    await assert_stored(
        service,
        "base_1x_6_of_last_12",
        [("半年以上都是", True), ("it was the minimum", False)],
    )
