"""Records read the way the veto rules draw their lines (dialogs/parsing/data/records.yaml):
a second child is within the rules from 2016, a third from 2022, a third of 2021 is asked;
a sentence is a veto from exactly the years in the policy, months counted as twelfths."""

from __future__ import annotations

import pytest

from dialogs.parsing import Ambiguous, parse_family_planning, parse_serious_crime

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
