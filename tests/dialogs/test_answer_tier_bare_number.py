"""A bare number at the base-tier question, through the real service (a small whole number
may pick a button, so tenths here): one the base can be a multiple of the average by (3 at
most, the cap) is that multiple; a larger one (6, 10, 11: money, years?) is asked the same
way whatever its size, never read as the top tier."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_a_plausible_multiple_is_that_multiple(service: Any) -> None:
    await assert_stored(service, "insurance_base_tier", [("2.5", "2x"), ("0.8", "0.8x")])


async def test_a_bare_number_above_the_cap_is_asked_alike(service: Any) -> None:
    await assert_asked_not_stored(service, "insurance_base_tier", ["6", "10", "11"])
    _applicant, six = await answer(service, "insurance_base_tier", "6")
    _applicant, eleven = await answer(service, "insurance_base_tier", "11")
    assert six.replace("「6」", "") == eleven.replace("「11」", ""), (six, eleven)
