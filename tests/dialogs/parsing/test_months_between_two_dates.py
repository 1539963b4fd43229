"""Months paid from one month to another count both ends, as a start month said alone does
(2023年12月入职 is 35 or 36 months): paid March 2019 to February 2024 is 60 months, five full
years, not 59 (four years and 11 months, three points less)."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing import parse_months

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("said", "months"),
    [
        ("2019年3月到2024年2月一直在交", 60),
        ("从2021年1月交到2021年12月", 12),
        ("2020.6-2025.5", 60),
    ],
)
def test_both_months_named_are_paid(said: str, months: int) -> None:
    assert parse_months(said, TODAY) == months
