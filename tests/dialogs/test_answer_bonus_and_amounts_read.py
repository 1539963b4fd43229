"""Bonus items, amounts and counts read as the policy counts them (shared/policy/points-table.md):
a shortage major with the job now outside its field is no item; cleaning for a mall or a
property company may not be a listed public-service trade (asked); an item number said beside
items named in words is picked too; Shanghai-hukou hiring begun this year averages over the
three years asked about; half a million is 500000; a pregnancy before the marriage was
registered is asked at the family-planning question, never taken as a no."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def _bonus_picked(service: Any, said: str) -> list[str]:
    applicant, _ = await answer(service, "bonus", said)
    _, _, context = await applicant.stored()
    assert context["q"] != "bonus", said  # answered: the dialog went on
    return list(context["extra"]["bonus"])


async def test_bonus_items_said_with_their_condition_or_by_number(service: Any) -> None:
    assert await _bonus_picked(service, "学的紧缺专业，但目前没在相关领域工作") == []
    assert sorted(await _bonus_picked(service, "选7，另外拿过市级表彰")) == [
        "award",
        "spouse_hukou",
    ]
    await assert_asked_not_stored(service, "bonus", ["在商场做保洁"])


async def test_hiring_begun_this_year_and_half_a_million(service: Any) -> None:
    await assert_stored(service, "local_hires", [("今年刚开始招上海户口的，招了15个", 5)])
    await assert_asked_not_stored(service, "local_hires", ["去年才开始招的，现在20个"])
    await assert_stored(service, "investment_tax_yuan", [("half a million yuan a year", 500000)])


async def test_a_pregnancy_before_the_marriage_is_asked(service: Any) -> None:
    said = ["未婚先孕，后来补领了结婚证"]
    await assert_asked_not_stored(service, "family_planning_violation", said)
