"""Which spells of insurance count (dialogs/parsing/spells.py), where the mutation run found the
parser tests silent: a time away between two Shanghai spells, a part of the total paid in
another place, nothing paid in Shanghai beside months paid elsewhere. Found by mutation
testing: docs/mutation.md."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing.durations import parse_months
from dialogs.parsing.text import Unclear

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("said", "months"),
    [
        # the Shanghai spells around a time away add up; the time away is not taken off
        ("上海交了4年，后来回老家交了1年，再回来又交了1年", 60),
        ("上海交了2年，回老家1年，又回来交了1年", 36),
        ("在上海缴了2年，去杭州工作了3年，又回上海缴了18个月", 42),
        # a part of the total paid in another place is taken off it
        ("交了5年，其中前两年是在昆山交的", 36),
        ("交了5年，其中1年是补缴的", 48),
        # only the months paid in Shanghai count
        ("在上海交了3年，之前在苏州交了2年", 36),
    ],
)
def test_the_spells_that_count(said: str, months: int) -> None:
    assert parse_months(said, TODAY) == months


@pytest.mark.parametrize("said", ["在苏州交了3年，上海还没交", "老家交了3年，上海还没交"])
def test_months_paid_elsewhere_and_none_in_shanghai_are_none(said: str) -> None:
    assert parse_months(said, TODAY) == 0


@pytest.mark.parametrize(
    "said", ["一共交了5年，其中前两年是在老公司交的", "交了5年，其中前两年在原单位交的"]
)
def test_a_part_paid_at_a_former_employer_is_part_of_the_total(said: str) -> None:
    # an employer said with 在 is no place: 5 years (before, 36 was recorded, silently)
    assert parse_months(said, TODAY) == 60


def test_a_spell_paid_in_another_city_before_one_unplaced_is_not_counted() -> None:
    # 2 years in Suzhou, then 3 more: 36 months in Shanghai (before, 60, silently)
    assert parse_months("在苏州交了2年，后来又交了3年", TODAY) == 36


@pytest.mark.parametrize("said", ["在苏州交了3年", "在杭州上班交了两年"])
def test_months_paid_only_in_another_city_are_asked_again(said: str) -> None:
    with pytest.raises(Unclear):  # before, taken as Shanghai's
        parse_months(said, TODAY)
