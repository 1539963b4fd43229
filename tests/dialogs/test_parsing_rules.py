"""Parser rules that the dialog-level tests do not single out (found by mutation testing of
dialogs/parsing; docs/mutation.md): which clause decides a yes or a no, the first-word rule,
a field named twice with nothing saying it is the same, and the readings of records."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing import (
    Ambiguous,
    parse_base_condition,
    parse_deductions,
    parse_family_planning,
    parse_field_match,
    parse_serious_crime,
    parse_yes_no,
)


def test_the_first_clause_decides_a_yes_or_a_no() -> None:
    assert parse_yes_no("对，以前不是") is True
    assert parse_yes_no("不是，以前是") is False


@pytest.mark.parametrize("text", ["对，部分对口", "是，有一点相关", "sort of"])
def test_a_partly_word_makes_a_yes_or_no_neither(text: str) -> None:
    with pytest.raises(ValueError):
        parse_yes_no(text)


def test_an_answer_outside_the_vocabulary_is_read_by_its_first_word() -> None:
    assert parse_yes_no("不大对路") is False


def test_one_field_named_twice_without_a_same_word_is_asked_again() -> None:
    with pytest.raises(ValueError):
        parse_field_match("会计，会计")
    assert parse_field_match("会计，证也是会计") is True


def test_a_record_long_ago_is_confirmed_with_its_two_readings() -> None:
    for text in ["很多年前判过刑", "was detained 10 years ago"]:
        assert parse_deductions(text) == Ambiguous((True, False), "confirm-old-record"), text


def test_a_sentence_in_months_or_in_english_is_weighed_against_the_veto_years() -> None:
    assert parse_serious_crime("判了70个月", 5) is True
    assert parse_serious_crime("判了18个月", 5) is False
    assert parse_serious_crime("sentenced to 6 years", 5) is True
    assert parse_serious_crime("sentenced to 2 years", 5) is False


def test_family_planning_readings() -> None:
    assert parse_family_planning("没交过社会抚养费") is False  # a violation denied
    assert parse_family_planning("交过社会抚养费") is True
    assert parse_family_planning("一个孩子") is False
    assert parse_family_planning("未婚生育") == Ambiguous((True, False), "confirm-family-planning")


def test_the_base_condition_counts_months_said_either_way() -> None:
    today = date(2026, 11, 29)
    assert parse_base_condition("12个月", today) is True
    assert parse_base_condition("有八个月没达到", today) is False
    assert parse_base_condition("4 months below the average", today) is True
    assert parse_base_condition("2026年9月才入职", today) is False  # two months at most
