"""An amount of yuan at the base questions, through the real service: this bot cites no city
average wage, so the amount is never turned into a multiple; the reply says why, what the tier
is measured against and where the base shows (随申办, 12333). A salary is told it is not always
the base. And words around an answer that change nothing: not understanding the matter oneself,
"I" said in dialect before a none."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_a_base_said_in_yuan_is_not_converted_and_where_to_look_is_said(
    service: Any,
) -> None:
    for question, said in (
        ("insurance_base_tier", "缴费基数大概一万二"),
        ("insurance_base_tier", "公司按实际工资给我交，一个月两万多"),
        ("base_1x_6_of_last_12", "基数九千左右"),
    ):
        _applicant, reply = await answer(service, question, said)
        assert "缴费基数的金额" in reply and "不替您换算" in reply, said
        assert "随申办" in reply and "12333" in reply, said
        await assert_asked_not_stored(service, question, [said])


async def test_a_salary_is_told_the_base_may_differ_and_where_to_look(service: Any) -> None:
    _applicant, reply = await answer(service, "insurance_base_tier", "月薪两万五")
    assert "不一定等于工资" in reply and "随申办" in reply and "12333" in reply
    await assert_asked_not_stored(service, "insurance_base_tier", ["月薪两万五"])


async def test_not_understanding_the_matter_oneself_leaves_the_answer(service: Any) -> None:
    await assert_stored(
        service,
        "insurance_base_tier",
        [("单位按最低基数交的，这些我也不太懂", "none"), ("两倍，我不懂这个", "2x")],
    )


async def test_i_said_in_dialect_before_a_none_is_a_none(service: Any) -> None:
    for said in ("俺都没有", "咱啥也没有"):
        picked = await stored_value(service, "bonus", said)
        assert picked is not None and list(picked) == [], said
