"""Amounts said in shorthand, through the real service: two neighbouring numerals before
十/百/千 are a range of tens, hundreds or thousands (每年二三十万 is 20万 to 30万, never 2万),
三五个 is three to five (never 35), a digit after 万 or 千 is the next place down (9万8 is
98,000, 3千5 is 3,500, as 九万八 is; 10万5000 is 105,000), and M after an amount is million
(1.5M RMB). Each was taken silently wrong before (20000, 35, 90000, 15000). Phrasings written
for this test."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_neighbouring_numerals_before_a_place_are_a_range_of_that_place(
    service: Any,
) -> None:
    # 20万-30万 and 30万-40万 straddle a 10-point step: asked, not 20000 stored
    await assert_asked_not_stored(service, "investment_tax_yuan", ["每年二三十万", "三四十万吧"])
    # inside one step: that step
    await assert_stored(service, "investment_tax_yuan", [("一年十五六万", 150000)])


async def test_three_five_is_a_few_not_thirty_five(service: Any) -> None:
    await assert_stored(service, "local_hires", [("三五个", 3), ("招了七八个", 7)])
    await assert_stored(service, "local_hires", [("三十五个", 35)])


async def test_a_digit_after_wan_or_qian_is_the_next_place(service: Any) -> None:
    await assert_stored(
        service,
        "investment_tax_yuan",
        [
            ("纳税9万8", 98000),
            ("12万5", 125000),
            ("9万8千", 98000),
            ("一年交了10万零5千", 105000),
            ("10万5000", 105000),
            ("9万零800", 90800),
            ("9万8千5百", 98500),
        ],
    )


async def test_m_after_an_amount_is_million(service: Any) -> None:
    await assert_stored(service, "investment_tax_yuan", [("1.5M RMB", 1500000), ("2m", 2000000)])
