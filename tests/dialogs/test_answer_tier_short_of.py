"""Base tiers said short of what they need, through the real service: a tier just short of a
multiple (差一点到1倍) is below it, never the multiple itself; a tier said with the months it
was paid in the clause after it (三倍，但只交了一年) that fall short of the tier's need (3x: 24
months within 3 years) is left out with those months, and the tier said before it counts."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_a_tier_just_short_of_a_multiple_is_below_it(service: Any) -> None:
    assert await stored_value(service, "insurance_base_tier", "差一点就到2倍") == "1x"
    await assert_asked_not_stored(service, "insurance_base_tier", ["还差一点到1倍"])


async def test_a_tier_paid_too_briefly_in_the_clause_after_it_is_left_out(service: Any) -> None:
    for said, tier in (
        ("3倍，不过才交了10个月，以前都按最低交", "none"),
        ("两倍，但是只交了半年，之前一直是一倍", "1x"),
    ):
        assert await stored_value(service, "insurance_base_tier", said) == tier, said
