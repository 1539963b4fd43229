"""Answers said loosely, through the real service: a tier said "a tenth more" (八成多, 1.5倍多)
stays within that tenth; 左右 is within a twentieth; "none of these" said with 这些/一条; item
numbers after 只有/就; a spouse named as "married to"; college as a place one went to (American
English for university) is asked. Phrasings written for this test."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_a_tier_said_a_little_more_or_about_stays_in_its_tier(service: Any) -> None:
    # 八成多 and 1.2倍左右 were asked across two tiers
    await assert_stored(
        service,
        "insurance_base_tier",
        [("九成多吧", "0.8x"), ("1.2倍左右", "1x"), ("2.3倍多", "2x")],
    )
    await assert_asked_not_stored(service, "insurance_base_tier", ["一倍左右", "两倍左右"])


async def test_bonus_picks_said_in_everyday_words(service: Any) -> None:
    assert await stored_value(service, "bonus", "以上这些我一项也不沾") == ()
    assert await stored_value(service, "bonus", "只有3") == ("public_service",)
    said = "married to a guy with Shanghai hukou"
    assert await stored_value(service, "bonus", said) == ("spouse_hukou",)


async def test_college_as_a_place_one_went_to_is_asked(service: Any) -> None:
    await assert_asked_not_stored(service, "education", ["I graduated from college in 2015"])
    await assert_stored(service, "education", [("college", "college")])
