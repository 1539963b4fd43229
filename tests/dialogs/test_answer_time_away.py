"""Insurance paid in Shanghai, then elsewhere, then in Shanghai again, through the real
service: the years count cumulatively (points table: floor(qualifying months / 12) x 3), so
the Shanghai spells add up and the time away is neither counted nor taken off them."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_stored,
    service_fixture,
)


async def test_shanghai_spells_around_a_time_away_add_up(service: Any) -> None:
    await assert_stored(
        service,
        "social_insurance_months",
        [
            ("上海交了4年，后来回老家交了1年，再回来又交了1年", 60),
            ("在上海缴了2年，去杭州工作了3年，又回上海缴了18个月", 42),
            # a part of the total said not to count is still taken off it
            ("交了5年，其中1年是补缴的", 48),
        ],
    )
