"""Picks and counts (dialogs/parsing/choices.py) where the mutation run found the parser tests
silent: occurrences dated against a deduction's window (only those inside count, one on its
edge is asked, a count the dates do not account for is asked again), an award after a denied
one. Found by mutation testing: docs/mutation.md."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing import parse_award, parse_count
from dialogs.parsing.text import Ambiguous

TODAY = date(2026, 11, 30)
WINDOW = 5  # years a detention counts for


@pytest.mark.parametrize(
    ("said", "counted"),
    [
        ("去年一次", 1),
        ("去年两次", 2),  # a date with its count
        ("前年一次，大前年一次", 2),
        ("两次，一次是2019年，一次是去年", 1),  # 2019 is outside the five years
        ("去年一次，2019年和2024年各一次", 2),  # each date once, the clauses added up
        ("打架一次，酒驾一次，去年和2019年", 1),  # two counted, two dated: the dated ones decide
    ],
)
def test_only_the_occurrences_inside_the_window_count(said: str, counted: int) -> None:
    assert parse_count(said, TODAY, WINDOW) == counted


def test_an_occurrence_on_the_edge_of_the_window_is_asked() -> None:
    # 2021 is five years ago: inside or not by the day; 1 counted, or none
    assert parse_count("2021年一次", TODAY, WINDOW) == Ambiguous((1, 0), "confirm-which")


@pytest.mark.parametrize("said", ["三次，其中一次是六年前", "去年两三次"])
def test_a_count_the_dates_do_not_settle_is_asked_again(said: str) -> None:
    with pytest.raises(ValueError):  # which two of three? two or three last year?
        parse_count(said, TODAY, WINDOW)


def test_an_award_denied_before_the_one_held_is_not_taken() -> None:
    assert parse_award("不是省部级，是市级综合") == "city_comprehensive"


@pytest.mark.parametrize("said", ["不是省部级", "不是全国的", "没有，不是省部级", "not national"])
def test_an_award_only_denied_is_asked_again_not_taken(said: str) -> None:
    with pytest.raises(ValueError):  # was taken as the national award it denies
        parse_award(said)
