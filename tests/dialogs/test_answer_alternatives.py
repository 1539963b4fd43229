"""Two values offered as alternatives in one answer (一倍，也可能是零点八; 中级工或者高级工;
1.8到2.2倍之间): the user is asked which, through the real service; neither the first value
nor the higher one is stored. Phrasings written for this test."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_stored,
    service_fixture,
)
from tests.dialogs.test_answer_two_readings import pending


async def test_a_value_and_another_it_may_be_are_asked(service: Any) -> None:
    assert await pending(service, "insurance_base_tier", "应该是两倍，也可能是三倍") == [
        "tier:2x",
        "tier:3x",
    ]
    assert await pending(service, "insurance_base_tier", "0.8倍或者1倍吧") == [
        "tier:0.8x",
        "tier:1x",
    ]
    assert await pending(service, "title", "高级工或者技师，记不太准了") == [
        "title:skill_3",
        "title:skill_2",
    ]


async def test_a_decimal_range_across_a_tier_is_asked(service: Any) -> None:
    for said in ("1.9倍到2.3倍之间", "在0.7-0.9倍"):
        options = await pending(service, "insurance_base_tier", said)
        assert len(options) == 2, said


async def test_alternatives_of_the_same_value_are_the_value(service: Any) -> None:
    await assert_stored(
        service, "insurance_base_tier", [("两倍，或者说社平的2倍", "2x"), ("1.2到1.5倍", "1x")]
    )
