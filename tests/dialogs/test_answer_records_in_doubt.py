"""Answers that leave a record, or the years of a bonus, in doubt are asked, never stored (round
13's silent wrongs, by class, with phrasings written for this test): a record said to be revoked
or someone's mistake may be off the record; one dated only "some years back" (前些年) may be
outside its window; a birth before marriage (奉子成婚) may or may not have been recorded as a
violation, and "does it count?" (算不算) asks, it does not deny; a spouse's Shanghai hukou got
lately (户口前年才迁过来) may be newer than the marriage."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_a_record_said_revoked_or_a_mistake_is_asked(service: Any) -> None:
    await assert_asked_not_stored(service, "detention_count", ["拘过一次，后来复议撤销了"])
    await assert_asked_not_stored(service, "false_material_count", ["有过一回，是中介写错了"])
    await assert_asked_not_stored(service, "deductions", ["被行政拘留过，不过后来撤销了"])
    await assert_stored(service, "detention_count", [("拘过一次", 1)])


async def test_a_record_some_years_back_is_asked(service: Any) -> None:
    await assert_asked_not_stored(service, "deductions", ["前些年被行政拘留过", "那几年拘过一回"])
    assert await stored_value(service, "deductions", "前年被行政拘留过") is True


async def test_a_birth_before_marriage_at_the_deductions_is_asked(service: Any) -> None:
    await assert_asked_not_stored(
        service, "deductions", ["没领证就生了孩子，算不算超生", "奉子成婚的"]
    )
    for text in ("不算超生", "没有被拘过"):
        assert await stored_value(service, "deductions", text) is False, text


async def test_a_spouse_hukou_got_lately_is_asked(service: Any) -> None:
    await assert_asked_not_stored(
        service,
        "spouse_hukou_years",
        ["老公户口前年才迁过来，结婚6年", "结婚五年了，她2023年才拿到上海户口"],
    )
    await assert_stored(service, "spouse_hukou_years", [("老婆上海户口，结婚才两年", 2)])
