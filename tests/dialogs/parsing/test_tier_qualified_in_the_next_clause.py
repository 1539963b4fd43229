"""A tier qualified in the clause after it (dialogs/parsing/money.py `parse_tier`): a shortfall
said alone (三倍，还没到; 3x, not quite) is of the tier just said, the tier below it; a second
tier offered as an alternative (两倍，或者是三倍; 2x, or maybe 3x) is asked between the two,
never the first taken silently."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing import Ambiguous, parse_tier

TODAY = date(2026, 11, 30)
REQUIRED = (36, 24)  # scoring/policy: the months 0.8x-2x and 3x need


@pytest.mark.parametrize(
    ("said", "tier"),
    [
        ("三倍，还没到", "2x"),
        ("两倍，但是没到", "1x"),
        ("两倍，不到吧", "1x"),
        ("社平的两倍，没达到", "1x"),
        ("3x, not quite", "2x"),
        ("2 times, but not quite", "1x"),
        ("3x, a bit less", "2x"),
    ],
)
def test_a_shortfall_in_the_next_clause_is_the_tier_below(said: str, tier: str) -> None:
    assert parse_tier(said, TODAY, REQUIRED) == tier


@pytest.mark.parametrize(
    ("said", "tiers"),
    [
        ("两倍，或者是三倍", ("3x", "2x")),
        ("要么一倍，要么两倍", ("2x", "1x")),  # 要么 before the first pairs with the second
        ("顶格，也可能两倍", ("3x", "2x")),
        ("最低，或者0.8倍", ("0.8x", "none")),
        ("2x, or maybe 3x", ("3x", "2x")),
        ("twice the average, or possibly 3 times", ("3x", "2x")),
    ],
)
def test_two_tiers_offered_across_a_comma_are_asked_between(
    said: str, tiers: tuple[str, str]
) -> None:
    assert parse_tier(said, TODAY, REQUIRED) == Ambiguous(tiers, "confirm-tier")
