"""Several base tiers said of one record (dialogs/parsing/mixed_tiers.py through
money.parse_tier) where its mutants survived the parser set (docs/mutation.md): read until
then only through the service (test_answer_mixed_tiers_and_either.py)."""

from __future__ import annotations

import pytest

from dialogs.parsing import Ambiguous
from dialogs.parsing.money import parse_tier
from dialogs.parsing.text import Unclear


@pytest.mark.parametrize(
    ("said", "options"),
    [
        ("有时候1倍有时候2倍", ("2x", "1x")),
        ("有时候2倍有时候3倍", ("3x", "2x")),
        ("有时候1倍有时候2倍有时候3倍", ("3x", "2x", "1x")),
        ("有时候1倍 有时候2倍", ("2x", "1x")),  # the second begins after the space
    ],
)
def test_tiers_said_one_after_another_in_one_clause_are_asked(
    said: str, options: tuple[str, ...]
) -> None:
    read = parse_tier(said)
    assert isinstance(read, Ambiguous)
    assert (read.options, read.key) == (options, "confirm-tier")


def test_more_tiers_than_a_question_offers_are_asked_again() -> None:
    with pytest.raises(Unclear):
        parse_tier("有时候0.8倍有时候1倍有时候2倍有时候3倍")


@pytest.mark.parametrize(
    ("said", "tier"),
    [
        ("3倍的月份不够24，2倍的够", "2x"),
        ("3倍的月份不够，2倍的够", "2x"),
        ("2倍的月份不够36，1倍的够", "1x"),
    ],
)
def test_a_tier_short_of_its_months_leaves_the_other(said: str, tier: str) -> None:
    assert parse_tier(said) == tier


@pytest.mark.parametrize(
    ("said", "options"),
    [("1倍到2倍之间，有时候3倍", ("3x", "1x")), ("大部分时间1倍也有2倍的时候", ("2x", "1x"))],
)
def test_a_second_tier_beside_a_range_or_after_也有_is_asked(
    said: str, options: tuple[str, ...]
) -> None:
    read = parse_tier(said)
    assert isinstance(read, Ambiguous)
    assert read.options == options
