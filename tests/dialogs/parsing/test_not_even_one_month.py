"""Not even one month (一个月都没有, 1个月也没够) at the base condition is a no, not 11 months
above the average wage; not one month below it (一个月都没低于社平) is a yes."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing.conditions import parse_base_condition

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("said", "met"),
    [
        ("一个月都没有", False),
        ("1个月都没够", False),
        ("最近12个月一个月都没有", False),
        ("not a single month", False),
        ("一个月都没低于社平", True),
        ("not a single month below it", True),
    ],
)
def test_not_even_one_month_decides_the_base_condition(said: str, met: bool) -> None:
    assert parse_base_condition(said, TODAY) is met
