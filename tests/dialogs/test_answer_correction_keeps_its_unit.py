"""A bare value said after a retraction takes the unit of the value it replaces, through the real
service with phrasings written for this test: 7 years, no wait, 6 is 6 years (not 6 months);
高级职称，不对，是中级 is the intermediate title (not a skill level). Two units taken back leave
the bare value asked as before."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_a_bare_number_after_a_retraction_keeps_the_unit(service: Any) -> None:
    await assert_stored(
        service,
        "social_insurance_months",
        [("7 years, no wait, 6", 72), ("交了四年，不对，三", 36)],
    )
    await assert_asked_not_stored(service, "social_insurance_months", ["3年2个月，不对，3"])


async def test_a_bare_level_after_a_retraction_keeps_the_title(service: Any) -> None:
    await assert_stored(
        service,
        "title",
        [
            ("高级职称，不对，是中级", "title_intermediate"),
            ("a senior title, sorry, junior", "title_junior"),
        ],
    )
