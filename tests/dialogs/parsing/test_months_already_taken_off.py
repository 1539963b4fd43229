"""Months that do not count, said to be already taken off the total (补缴的2个月已经去掉了, 没算在
里面): the total said is stored, not taken off again; said without that, they still are."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing import parse_months

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("said", "months"),
    [
        ("总共62个月，补缴的2个月已经去掉了", 62),
        ("交了5年，补缴的半年没算在里面", 60),
        ("62 months in total, the 2 back-paid months already taken out", 62),
        ("总共62个月，其中补缴的2个月", 60),
    ],
)
def test_months_already_taken_off_are_not_taken_off_again(said: str, months: int) -> None:
    assert parse_months(said, TODAY) == months
