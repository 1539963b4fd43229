"""Several tiers said of one record (有时候1倍有时候2倍; 以前1倍，现在2倍) are asked, never the
first one taken; a tier said to lack its months (3倍的月份不够) leaves the other; how long or
since when is still read whole. Two values that end the answer joined by 还是 (证是中级还是高级)
are asked; 会计证 (the abolished 会计从业资格证, or said of the 初级/中级 会计职称) is asked."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_two_tiers_said_of_the_record_are_asked(service: Any) -> None:
    await assert_asked_not_stored(
        service,
        "insurance_base_tier",
        ["有时候2倍有时候3倍", "有的月份1倍，有的月份2倍", "之前两倍，现在三倍"],
    )


async def test_a_tier_short_of_its_months_leaves_the_other(service: Any) -> None:
    await assert_stored(service, "insurance_base_tier", [("3倍的月份不够24，2倍的够", "2x")])
    # how long at each, or since when, is read as before
    await assert_stored(service, "insurance_base_tier", [("一倍，今年才开始两倍", "1x")])
    await assert_stored(service, "insurance_base_tier", [("两倍多快三倍", "2x")])


async def test_two_values_ending_the_answer_joined_by_still_or_are_asked(service: Any) -> None:
    await assert_asked_not_stored(service, "title", ["考过一个技能证书，四级还是五级"])
    await assert_asked_not_stored(service, "insurance_base_tier", ["一倍还是两倍"])
    await assert_stored(service, "insurance_base_tier", [("现在还是两倍", "2x")])


async def test_an_accounting_certificate_is_asked(service: Any) -> None:
    await assert_asked_not_stored(service, "title", ["我有会计证"])
    await assert_stored(service, "title", [("初级会计证", "title_junior")])
