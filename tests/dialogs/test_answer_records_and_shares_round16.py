"""More of round 16's silent wrongs, by class, through the real service with phrasings written
for this test: a record owned with a hedge at the family-planning veto is asked; a fine denied
beside children is no violation; a hedged denial beside a penalty that may be a detention is
asked; an English family-planning violation is one; a base said as a share of the pay, or
neither at the floor nor the average, is no tier said; 有 N 个 counts the items, it picks none;
a company one has (有个公司) is an item named."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_a_violation_owned_with_a_hedge_is_asked(service: Any) -> None:
    await assert_asked_not_stored(
        service, "family_planning_violation", ["好像有，村里罚过一次钱", "可能超生过吧"]
    )


async def test_a_fine_denied_beside_children_is_no_violation(service: Any) -> None:
    assert await stored_value(service, "deductions", "两个孩子，老二2012年生的，没罚款") is False


async def test_a_hedged_denial_beside_a_possible_detention_is_asked(service: Any) -> None:
    await assert_asked_not_stored(service, "deductions", ["被派出所带走过一回，好像没拘留"])
    assert await stored_value(service, "deductions", "好像没被拘过") is False


async def test_an_english_family_planning_violation_is_one(service: Any) -> None:
    assert await stored_value(service, "deductions", "we paid a family planning violation fine")


async def test_a_base_said_as_a_share_of_the_pay_is_no_tier(service: Any) -> None:
    await assert_asked_not_stored(
        service, "insurance_base_tier", ["单位按我工资的六成交的", "按收入的一半交"]
    )


async def test_neither_the_floor_nor_the_average_is_asked(service: Any) -> None:
    await assert_asked_not_stored(
        service, "insurance_base_tier", ["不是最低的，不过也没到社平", "没达到平均工资"]
    )


async def test_how_many_items_there_are_picks_none_of_them(service: Any) -> None:
    picked = await stored_value(service, "bonus", "有1个，老婆是上海户口")
    assert list(picked) == ["spouse_hukou"]


async def test_a_company_one_has_is_an_item_named(service: Any) -> None:
    picked = await stored_value(service, "bonus", "老婆是上海户口，我自己还有家公司，占股30%")
    assert sorted(picked) == ["investment", "spouse_hukou"]
