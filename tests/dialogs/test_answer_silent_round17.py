"""Round 17's silent wrongs, by class, through the real service with phrasings written for this
test: an English retraction said as "wait no" takes the value back; the city's model worker
(劳动模范) is an award; a family-planning record owned beside a crime denied is a deduction;
amounts of several years said without commas are the yearly average, not the first year's."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_wait_no_takes_the_value_back(service: Any) -> None:
    await assert_stored(service, "age", [("35, wait no, 36", 36), ("35 wait no 36", 36)])


async def test_a_model_worker_is_an_award(service: Any) -> None:
    assert sorted(await stored_value(service, "bonus", "评过全国劳动模范，老婆是上海户口")) == [
        "award",
        "spouse_hukou",
    ]


async def test_a_family_planning_record_beside_a_crime_denied_is_one(service: Any) -> None:
    assert await stored_value(service, "deductions", "犯罪倒是没有，计生违规过一次") is True
    assert await stored_value(service, "deductions", "没判过刑，计划生育有记录") is True


async def test_yearly_amounts_without_commas_are_averaged(service: Any) -> None:
    assert await stored_value(service, "investment_tax_yuan", "前年30万去年60万今年90万") == 600000
