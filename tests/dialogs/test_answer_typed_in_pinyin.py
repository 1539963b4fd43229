"""An answer typed wholly in the pinyin of numbers and units (a phone without the Chinese input
method, or typed fast) is read as the words it spells: sanshiwu is 三十五, si nian 四年, san bei
三倍, zhongji gong 中级工; one syllable alone (wu: 五 or 无?) is not, nor a word that is no
number or level (with phrasings written for this test, round 13's re-asks by class)."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_numbers_and_units_typed_in_pinyin_are_read(service: Any) -> None:
    await assert_stored(service, "age", [("sanshiwu", 35), ("sishi yi sui", 41)])
    await assert_stored(service, "social_insurance_months", [("si nian", 48), ("shiba ge yue", 18)])
    await assert_stored(service, "insurance_base_tier", [("san bei", "3x")])
    await assert_stored(service, "title", [("zhongji gong", "skill_4")])


async def test_one_syllable_alone_is_not_read_as_a_number(service: Any) -> None:
    await assert_asked_not_stored(service, "detention_count", ["wu"])
