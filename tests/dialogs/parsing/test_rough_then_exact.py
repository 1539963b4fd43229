"""A rough amount, then the exact figure it stands for: the exact one is stored (一年多点，14个月
is 14 months, not 15; 还没满一年，10个月 is 10, not one year and ten months)."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing import Ambiguous, Unclear, parse_age, parse_months

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("said", "months"),
    [
        ("一年多点，14个月", 14),
        ("还没满一年，10个月", 10),
        ("不到两年，具体是20个月", 20),
        ("一百个月左右，具体是101", 101),
        ("大概五年，准确地说是62个月", 62),
        ("about 3 years, exactly 37", 37),
    ],
)
def test_the_exact_months_after_a_rough_amount_are_stored(said: str, months: int) -> None:
    assert parse_months(said, TODAY) == months


@pytest.mark.parametrize(("said", "months"), [("两年，3个月", 27), ("2 years, 3 months", 27)])
def test_years_then_months_unhedged_are_still_added(said: str, months: int) -> None:
    assert parse_months(said, TODAY) == months


def test_a_figure_outside_the_rough_amount_is_not_taken_for_it() -> None:
    """一年多，30个月: 30 is no part of a little over a year; asked again, not stored."""
    with pytest.raises(Unclear):
        parse_months("一年多，30个月", TODAY)


@pytest.mark.parametrize(
    ("said", "age"), [("mid thirties, 35", 35), ("in my early forties, 41 actually", 41)]
)
def test_the_exact_age_after_a_part_of_a_decade_is_stored(said: str, age: int) -> None:
    assert parse_age(said, TODAY) == age


def test_a_part_of_a_decade_alone_is_still_a_range() -> None:
    read = parse_age("late 20s", TODAY)
    assert read == 29 or isinstance(read, Ambiguous)
