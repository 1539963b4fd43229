"""Through the real service, at the base condition of a 中级 title (6 of the last 12 months at
or above the average wage): sometimes yes and sometimes no is asked, and so is a loose half year
said as only just; exactly six months is a yes. Phrasings written for this test."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_partly_or_roughly_at_the_threshold_is_asked(service: Any) -> None:
    # were a no and a yes stored silently
    await assert_asked_not_stored(
        service,
        "base_1x_6_of_last_12",
        ["有时候达到有时候达不到", "近半年基数才调上去，以前都不够"],
    )
    assert await stored_value(service, "base_1x_6_of_last_12", "刚满6个月") is True


async def test_some_months_or_about_half_is_asked(service: Any) -> None:
    # were yes, stored silently
    await assert_asked_not_stored(
        service,
        "base_1x_6_of_last_12",
        ["有的月够，有的月不够", "差不多一半的月份吧", "一半一半吧"],
    )
    assert await stored_value(service, "base_1x_6_of_last_12", "一半以上都够") is True


async def test_a_month_the_base_went_up_or_down_in_counts_the_months_since(service: Any) -> None:
    # today is 2026-11-29; 8月份才调上去 was read as 8 months (a yes)
    question = "base_1x_6_of_last_12"
    assert await stored_value(service, question, "8月份才调上去的，前面都不到社平") is False
    assert await stored_value(service, question, "2月份开始就够了") is True
    assert await stored_value(service, question, "4月份起降到最低档了") is False
    await assert_asked_not_stored(service, question, ["6月份开始涨上去的"])


async def test_a_multiple_of_the_average_wage_answers_the_base_condition(service: Any) -> None:
    # were asked again: the base said as a multiple is the answer
    question = "base_1x_6_of_last_12"
    assert await stored_value(service, question, "这一年都按3倍交的") is True
    assert await stored_value(service, question, "基数一直是社平的1.2倍") is True
    assert await stored_value(service, question, "只有社平的七成") is False
    assert await stored_value(service, question, "从来没有低于过社平") is True


async def test_about_exactly_a_multiple_is_about_it(service: Any) -> None:
    # 差不多刚好: the hedge before 刚好 was not read (2x stored)
    await assert_asked_not_stored(service, "insurance_base_tier", ["差不多正好两倍"])
