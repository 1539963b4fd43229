"""比平均工资高一点 at the base tier (round 7, asked again): cn2an reads 一点 as 1点, and that 1
beside 工资 was taken for a sum of money; a little above the average wage is the 1x tier
(phrasing written anew for this test)."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_stored,
    service_fixture,
)


async def test_a_little_above_the_average_wage_is_the_1x_tier(service: Any) -> None:
    await assert_stored(service, "insurance_base_tier", [("基数比平均工资稍微高一点", "1x")])
