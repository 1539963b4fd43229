"""Records read the way the rules draw their lines (dialogs/parsing/data/records.yaml): a
second child is within the rules from 2016, a third from 2022, a third of 2021 is asked; a
sentence is a veto from exactly the years in the policy, months counted as twelfths; a
detention or false material said years ago counts inside its window (the deductions
question's parser, with the policy's windows)."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing import Ambiguous, parse_deductions, parse_family_planning, parse_serious_crime
from dialogs.question_parsers import deductions

TODAY = date(2026, 11, 30)

ASKED = Ambiguous((True, False), "confirm-family-planning")


@pytest.mark.parametrize(
    "said",
    [
        "老二2018年出生",
        "老二2016年出生",  # the first year of the two-child rule
        "二胎是二零一八年生的",  # the year in Chinese numerals
        "三孩是2022年生的",
        "三宝2023年",
    ],
)
def test_a_child_born_in_a_year_its_policy_allowed_is_no_violation(said: str) -> None:
    assert parse_family_planning(said) is False


def test_a_third_child_of_2021_is_asked_with_both_readings() -> None:
    # the three-child policy took effect in mid-2021
    assert parse_family_planning("老三2021年生的") == ASKED


@pytest.mark.parametrize("said", ["老二2015年出生", "老三2020年生的"])
def test_a_child_born_before_its_policy_is_asked_again_not_guessed(said: str) -> None:
    with pytest.raises(ValueError):
        parse_family_planning(said)


@pytest.mark.parametrize(
    ("said", "veto"),
    [
        ("判了五年", True),  # exactly the policy's five years
        ("判了60个月", True),  # five years in months
        ("判了59个月", False),
        ("判了4年", False),
    ],
)
def test_a_sentence_is_a_veto_from_exactly_the_policy_years(said: str, veto: bool) -> None:
    assert parse_serious_crime(said, 5) is veto


OLD = Ambiguous((True, False), "confirm-old-record")


@pytest.mark.parametrize(
    ("said", "recorded"),
    [
        # detention counts for 5 years, false material for 3 (scoring/policy)
        ("两年前拘留过一次", True),
        ("大概两年前拘留过", True),  # roughly: 1 to 3 years, inside either way
        ("大概三年前拘留过", True),
        ("四年前拘留过", True),  # the year before the window's last
        ("两年前交过假材料", True),
        ("四年多前拘留过", True),
        ("4+ years ago I was detained", True),
        ("3 years ago I was detained", True),
        ("八年前被行政拘留过", False),
        ("五年多前拘留过", False),
        ("十多年前拘留过", False),
        ("六七年前拘留过", False),
        ("大概七年前拘留过", False),
        ("10 years ago I was detained", False),
        ("detained 5 plus years ago", False),
        ("一年前交过假材料", True),
        ("四年前交过假材料", False),
        # the window's own year, a range or a rough year across it, two kinds, a sentence
        ("五年前被拘留过", OLD),
        ("三年前交过假材料", OLD),
        ("大概四年前拘留过", OLD),
        ("大概六年前拘留过", OLD),
        ("大概五年多前拘留过", OLD),
        ("四五年前拘留过", OLD),
        ("三年前拘留过，也交过假材料", OLD),
        ("十年前判过刑", OLD),
    ],
)
def test_an_item_said_years_ago_is_weighed_against_its_window(said: str, recorded: object) -> None:
    assert deductions(said, TODAY) == recorded


def test_an_item_years_ago_is_weighed_only_against_a_window_given_for_its_kind() -> None:
    assert parse_deductions("两年前拘留过一次") == OLD
    assert parse_deductions("两年前拘留过一次", {"detention": 5}) is True
    assert parse_deductions("两年前拘留过一次", {"false_material": 3}) == OLD
