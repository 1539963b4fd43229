"""The investment-tax answer beside what decides whose tax it is, through the real service: a
company outside Shanghai is no tax of the item (0); a share said in words (一人一半, N people
sharing equally) divides the tax; partners without a share, a company younger than the 3
years averaged, or a count of digits (六位数) is asked, never stored."""

from __future__ import annotations

from typing import Any

from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)


async def test_a_tax_that_is_not_a_shanghai_enterprises_is_none(service: Any) -> None:
    await assert_stored(
        service,
        "investment_tax_yuan",
        [
            ("厂开在浙江嘉兴，每年税交80来万", 0),
            ("我在安徽老家注册的公司，一年纳税20万", 0),
        ],
    )


async def test_a_share_said_in_words_divides_the_tax(service: Any) -> None:
    await assert_stored(
        service,
        "investment_tax_yuan",
        [
            ("我和表哥对半开的，公司每年纳税40万", 200000),
            ("4个人入股，大家平分，年纳税80万", 200000),
        ],
    )


async def test_partners_a_young_company_or_digits_are_asked(service: Any) -> None:
    await assert_asked_not_stored(
        service,
        "investment_tax_yuan",
        [
            "跟同学合伙办的公司，每年交税100万",
            "公司今年刚注册，已经交了20万",
            "六位数吧",
            "公司在浙江，上海也有个分公司，年纳税50万",
        ],
    )


async def test_partners_without_a_share_are_told_what_counts(service: Any) -> None:
    _applicant, reply = await answer(service, "investment_tax_yuan", "合伙的公司，年税100万")
    assert "投资比例" in reply and "占" in reply, reply
