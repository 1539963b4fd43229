"""Whole years still to come (dialogs/parsing/to_come.py), where its first mutation run (2026-12-02
09:10, docs/mutation.md) found the parser tests silent: 过完年就满8年 reached in the new year's
first months is two to four months short of them today, not a year; a few months short
(差几个月) is one to eleven."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing import Ambiguous, parse_months
from dialogs.parsing.amounts import Range
from dialogs.parsing.to_come import short_of

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("said", "months"),
    [
        ("过完年就满8年了", Range(92, 94, 94, "pair")),  # January to March: 2 to 4 months short
        ("过了年就满6年", Range(68, 70, 70, "pair")),
        ("明年就满3年了", Range(23, 34, 34, "pair")),  # any month of next year
        ("差1个月满3年", Range(35, 35, 35, "exact")),
        ("4年差2个月", Range(46, 46, 46, "exact")),
        ("差几个月满5年", Range(49, 59, 54, "pair")),  # 1 to 11 months short: 4 full years
    ],
)
def test_whole_years_still_to_come_leave_the_months_short_of_them(said: str, months: Range) -> None:
    assert short_of(said, TODAY) == months


def test_whole_years_after_the_new_year_are_stored_as_the_full_years_before_them() -> None:
    assert parse_months("过完年就满8年了", TODAY) == 94  # 7 full years either way: not asked


def test_after_the_new_year_said_in_january_is_the_spring_festival_weeks_away() -> None:
    months = parse_months("过了年就满6年", date(2027, 1, 15))
    assert months != Ambiguous(options=(58, 60), key="confirm-full-years", values={}, said=60)
    assert isinstance(months, int) and 60 <= months < 72  # 5 full years
