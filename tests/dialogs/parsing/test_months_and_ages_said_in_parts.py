"""Months and ages said in two parts, read as the desk would count them: 零 joining years
and months (一年零十一个月 is 23 months, not 12), half a month never rounded up to a full
month (十一个半月 is not a full year of insurance), and the full age beside a nominal one
whichever side of 虚岁 the numbers stand."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing import Ambiguous, parse_age, parse_months

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("said", "months"),
    [
        ("一年零十一个月", 23),
        ("两年零十个月", 34),
        ("两年零三个月", 27),
        ("1年零11个月", 23),
        ("三年零一个月", 37),
        ("十一个半月", 11),  # eleven full months: not yet a year
        ("35个半月", 35),  # not yet three full years
        ("一百零五个月", 105),  # 零 inside a number stays a number
    ],
)
def test_years_and_months_joined_by_ling_and_half_months(said: str, months: int) -> None:
    assert parse_months(said, TODAY) == months


@pytest.mark.parametrize("said", ["28,虚岁29", "28岁，29虚岁", "虚岁29，28周岁", "29虚，28"])
def test_the_full_age_beside_a_nominal_one(said: str) -> None:
    assert parse_age(said, TODAY) == 28


def test_a_nominal_age_alone_is_asked() -> None:
    nominal = parse_age("虚岁30", TODAY)
    assert isinstance(nominal, Ambiguous)
    assert set(nominal.options) == {28, 29}
