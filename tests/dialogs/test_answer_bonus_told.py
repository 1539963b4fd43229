"""Bonus items told, not picked, through the real service: 刚毕业 says neither this year's class
nor full-time (asked); a prize named with no word of the city's list is asked (a company's or a
district's counts nothing); a shortage major with the work said to be another is no item; two
items in one English answer are both taken. Phrasings written for this test."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    assert_asked_not_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_just_graduated_or_a_prize_is_asked(service: Any) -> None:
    # were the fresh-graduate and the award items, stored silently
    await assert_asked_not_stored(service, "bonus", ["前阵子刚毕业", "得过一个奖"])
    _applicant, text = await answer(service, "bonus", "得过一个奖")
    assert "表彰" in text and "公司" in text, text
    assert await stored_value(service, "bonus", "拿过市里的奖") == ("award",)


async def test_a_shortage_major_with_other_work_is_no_item(service: Any) -> None:
    said = "学的专业属于紧缺的，不过干的不是这个专业"
    assert await stored_value(service, "bonus", said) == ()


async def test_two_items_in_one_english_answer_are_both_taken(service: Any) -> None:
    said = "I work in Lingang, and I graduated full time in July this year"
    assert sorted(await stored_value(service, "bonus", said)) == ["fresh_graduate", "remote_area"]
