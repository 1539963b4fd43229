"""An amount counted by the applicant's share of the company (dialogs/parsing/amounts.py
`share`): a percentage, tenths (成), a fraction or a half, for the tax paid and for the hires;
a gap said with its length comes off the months since a start date (`Range.less`); a vague
amount is asked again; a count of none is none. Found by mutation testing: docs/mutation.md."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing import parse_count, parse_hires, parse_months, parse_yuan

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("said", "yuan"),
    [
        ("公司一年纳税40万，我占50%", 200_000),
        ("公司一年纳税40万，我占三成", 120_000),
        ("公司一年纳税40万，我占1/4", 100_000),
        ("公司一年纳税40万，我占股一半", 200_000),
        ("40万我占一半", 200_000),
    ],
)
def test_the_tax_is_counted_by_the_share_said(said: str, yuan: int) -> None:
    assert parse_yuan(said, TODAY) == yuan


def test_the_hires_are_counted_by_the_share_said() -> None:
    assert parse_hires("30个，我占股一半", TODAY) == 15
    assert parse_hires("上海户籍员工40人，我占25%", TODAY) == 10


def test_a_gap_comes_off_the_months_since_a_start_date() -> None:
    assert parse_months("2018年1月开始交，中间断了半年", TODAY) == 100  # 106 since then, less 6


def test_an_amount_nobody_can_score_is_asked_again() -> None:
    with pytest.raises(ValueError):
        parse_yuan("一年几十万", TODAY)


def test_a_count_of_none_said_with_a_number_is_none() -> None:
    assert parse_count("一共0次", TODAY) == 0
