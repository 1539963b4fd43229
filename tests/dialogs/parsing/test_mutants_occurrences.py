"""When an occurrence on the record happened, against the years a deduction counts for
(dialogs/parsing/occurrences.py through `parse_count` and `parse_deductions`): 大前年 is three
years ago, on the edge of a three-year window; 好多年前 may be inside any window; two dates in
one clause each count once. Found by mutation testing: docs/mutation.md."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing import Ambiguous, parse_count, parse_deductions

TODAY = date(2026, 11, 30)
FALSE_MATERIAL_YEARS = 3  # scoring/policy: deduction.false_material_window_years
DETENTION_YEARS = 5  # deduction.detention_window_years
WINDOWS = {"false_material": FALSE_MATERIAL_YEARS, "detention": DETENTION_YEARS}


def test_the_year_before_the_year_before_last_is_on_the_edge_of_three_years() -> None:
    """大前年 is 2023: three years ago or not by the day, so the one occurrence is asked."""
    assert parse_count("大前年一次", TODAY, FALSE_MATERIAL_YEARS) == Ambiguous(
        (1, 0), "confirm-which"
    )


def test_the_year_before_the_year_before_last_is_inside_five_years() -> None:
    assert parse_count("大前年一次", TODAY, DETENTION_YEARS) == 1


def test_many_years_ago_may_be_inside_the_window_so_it_is_asked() -> None:
    assert parse_count("好多年前有过一次", TODAY, DETENTION_YEARS) == Ambiguous(
        (1, 0), "confirm-which"
    )


@pytest.mark.parametrize(
    ("said", "counted"),
    [
        ("五年前和六年前各一次", (1, 0)),  # five years ago on the edge, six outside
        ("三年前和好多年前各一次", (2, 1)),  # three years ago inside, the other asked
    ],
)
def test_two_dates_in_one_clause_count_once_each(said: str, counted: tuple[int, int]) -> None:
    assert parse_count(said, TODAY, DETENTION_YEARS) == Ambiguous(counted, "confirm-which")


def test_without_today_only_years_ago_are_dates() -> None:
    """parse_deductions without `today` (its documented contract): a calendar year is no
    date then, and a detention named is one; 十年前 is outside the window either way."""
    assert parse_deductions("2019年被拘留过", WINDOWS) is True
    assert parse_deductions("十年前被拘留过", WINDOWS) is False
