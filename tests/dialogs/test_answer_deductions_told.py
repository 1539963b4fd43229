"""Deductions told as they happened, through the real service: a fine beside a detention denied
is none of the items; an administrative penalty may be a detention or a fine (asked, the
confirm saying which one deducts); a record owned but said to be old is asked; a sentence below
the veto's five years is dated against the criminal window, one above it is a yes at any age.
Phrasings written for this test; today is 2026-11-29."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)
from tests.dialogs.test_answer_rules_round3 import stored_value


async def test_a_fine_with_the_detention_denied_is_no_deduction(service: Any) -> None:
    # 罚款过一次，拘留倒没有 was a yes: 拘留 named, its denial after it not read
    for said in ("罚过一次款，拘留是没有的", "拘留没有，违章罚过"):
        assert await stored_value(service, "deductions", said) is False, said


async def test_an_administrative_penalty_or_an_old_record_is_asked(service: Any) -> None:
    applicant, text = await answer(service, "deductions", "受过一次行政处罚")
    assert "deductions" not in (await applicant.stored())[1], text
    assert "罚款" in text and "行政拘留" in text, text
    await assert_asked_not_stored(service, "deductions", ["有过，不过是很多年前的事了"])


async def test_a_sentence_is_dated_unless_it_rules_points_out(service: Any) -> None:
    told = {"大前年被判了缓刑": True, "2015年判过一年半": False, "十几年前判过八年": True}
    for said, value in told.items():
        assert await stored_value(service, "deductions", said) is value, said
    await assert_stored(service, "serious_crime", [("当年判的无期，后来减到二十年", True)])
