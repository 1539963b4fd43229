"""Durations as the points count them (dialogs/parsing/durations.py): full years from a bare
number, none, or a date; a two-digit year of this century up to this year and of the last
one after it; a start month counted from this month on, never a month 13 or a future one."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing import Ambiguous, Unclear, parse_months, parse_years

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("said", "years"),
    [
        ("3", 3),
        ("有4", 4),
        ("已经5了", 5),
        ("12", 12),
        ("没有", 0),
        ("刚结婚", 0),  # just started, no number: none yet
        ("刚结婚3年", 3),  # a number said after all
        ("2023年12月结婚", 2),
    ],
)
def test_full_years_from_a_bare_number_none_or_a_date(said: str, years: int) -> None:
    assert parse_years(said, TODAY) == years


def test_full_years_said_as_a_pair_are_asked_with_both_counts() -> None:
    asked = parse_years("三四年", TODAY)
    assert asked == Ambiguous((3, 4), "confirm-full-years")
    assert asked.values == {"fewer": 3, "more": 4}  # what the confirm question shows


@pytest.mark.parametrize(
    ("said", "months"),
    [
        ("26年3月开始交", 8),  # this year
        ("99年3月开始交", 332),  # the last century
        ("00年3月开始交", 320),
        ("2026年11月开始交", 0),  # this month: none paid in full yet
    ],
)
def test_months_from_a_start_month_until_today(said: str, months: int) -> None:
    assert parse_months(said, TODAY) == months


@pytest.mark.parametrize(
    ("said", "key"),
    [
        ("2019年13月开始交", "error-date-invalid"),
        ("2026年12月开始交", "error-date-future"),
    ],
)
def test_a_start_month_that_is_no_month_or_still_to_come_is_refused(said: str, key: str) -> None:
    with pytest.raises(Unclear) as refused:
        parse_months(said, TODAY)
    assert refused.value.key == key
