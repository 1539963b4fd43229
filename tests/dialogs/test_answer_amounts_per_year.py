"""A yearly list of amounts, and months paid, read through the real service with phrasings
written for this test (the parser-level cases are in tests/dialogs/parsing/test_mutants_*):
a bare amount of thousands beside one said in 万 is in yuan, not in 万 (a confident
investment bonus from a few thousand yuan of tax); an amount whose digits hold a year's is
read whole; a gap's length said before 没交 is taken off; 一个月都没交 in Shanghai is none."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_thousands_beside_an_amount_in_wan_are_yuan(service: Any) -> None:
    await assert_stored(
        service,
        "investment_tax_yuan",
        [("大前年6000，前年7000，去年2万", 11_000), ("前年9000元，去年1.2万，今年15000", 12_000)],
    )


async def test_an_amount_on_no_scale_of_the_others_is_asked(service: Any) -> None:
    await assert_asked_not_stored(service, "investment_tax_yuan", ["前年5000，去年8000，今年200万"])


async def test_months_unpaid_said_before_the_gap_word_are_taken_off(service: Any) -> None:
    # January 2020 to November 2026 is 82 months paid (the dialog counts to October), less 4.
    await assert_stored(
        service, "social_insurance_months", [("2020年1月开始交的，中间有4个月没交", 78)]
    )


async def test_not_one_month_in_shanghai_is_none(service: Any) -> None:
    await assert_stored(
        service, "social_insurance_months", [("老家交了5年，上海1个月都还没交过", 0)]
    )
