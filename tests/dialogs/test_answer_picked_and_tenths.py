"""Bonus picks and base tenths, through the real service with phrasings written for this test:
item numbers joined by 再加 or 另外; 应届 typed by its sound; an item picked by number with the
reasons after it (nothing denied or doubted in them); 一点几倍 is some tenths over 1 (the 1x
tier), and 零点几倍 may be under 0.8 or not, so it is asked, never taken as none."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_item_numbers_joined_by_another_one_added(service: Any) -> None:
    picked = await stored_value(service, "bonus", "3，另外再加个7")
    assert list(picked) == ["public_service", "spouse_hukou"]


async def test_yingjie_typed_by_its_sound_is_the_fresh_graduate_item(service: Any) -> None:
    _applicant, reply = await answer(service, "bonus", "应界毕业生")
    assert "全日制" in reply  # the fresh-graduate item's own question, not "not understood"
    await assert_asked_not_stored(service, "bonus", ["应界毕业生"])


async def test_an_item_picked_by_number_with_its_reasons_after_it(service: Any) -> None:
    picked = await stored_value(service, "bonus", "选1，我学的是微电子，现在也干这个")
    assert list(picked) == ["shortage_major"]
    await assert_asked_not_stored(service, "bonus", ["选1，不过现在转行了"])


async def test_some_tenths_over_a_multiple_and_under_one(service: Any) -> None:
    await assert_stored(service, "insurance_base_tier", [("基数是一点几倍", "1x")])
    await assert_asked_not_stored(service, "insurance_base_tier", ["零点几倍吧"])
