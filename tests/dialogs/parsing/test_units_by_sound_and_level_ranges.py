"""Through the real service: a unit typed as another character of its sound right after a
number (三年伴, 今年33随, 两背, 两年另三个月) is the unit, while the same characters elsewhere stay
words; two neighbouring levels (电工三四级) are asked, never the last one taken. Phrasings
written for this test."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_a_unit_typed_by_its_sound_after_a_number(service: Any) -> None:
    # 四年伴 was 48 months stored silently (伴 for 半)
    await assert_stored(
        service, "social_insurance_months", [("四年伴", 54), ("一年另两个月", 14), ("30个约", 30)]
    )
    await assert_stored(service, "insurance_base_tier", [("三背", "3x")])
    await assert_stored(service, "investment_tax_yuan", [("每年30玩", 300000)])


async def test_two_neighbouring_levels_are_asked(service: Any) -> None:
    await assert_asked_not_stored(service, "title", ["焊工三四级", "技能等级2到3级"])
    await assert_stored(service, "title", [("焊工三级", "skill_3")])
