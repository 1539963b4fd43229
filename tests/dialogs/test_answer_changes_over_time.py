"""Values told with how they changed, through the real service: a recent drop of the base
leaves the tier before it too few months of its window (the tier dropped to is the answer);
an age reached after the new year is one or two more than the full age, asked only where the
two score differently. Phrasings written for this test; today is 2026-11-29."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_a_recent_drop_of_the_base_is_the_tier_dropped_to(service: Any) -> None:
    # was the tier before the drop (2x), silently
    await assert_stored(service, "insurance_base_tier", [("原来按两倍，近两年降成一倍了", "1x")])


async def test_an_age_after_the_new_year_is_asked_where_it_matters(service: Any) -> None:
    # 过了年就五十 was 49, silently (48 scores otherwise)
    await assert_asked_not_stored(service, "age", ["过完年就五十一了"])
    await assert_stored(service, "age", [("过了年就四十", 39)])


async def test_a_range_said_high_first_is_the_same_range(service: Any) -> None:
    # 三到两次 raised IndexError inside the parser (found by tests/dialogs/test_parsing_fuzz.py)
    await assert_asked_not_stored(service, "false_material_count", ["三到两次"])
