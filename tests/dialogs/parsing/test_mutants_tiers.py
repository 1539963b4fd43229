"""The base tier paid long enough to count (dialogs/parsing/money.py `parse_tier` with the
months each tier needs: 0.8x-2x 36 months within 4 years, 3x 24 within 3): a tier begun too
recently is left out, its months read from a date or from a clause beside it. Found by
mutation testing: docs/mutation.md."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing import Unclear, parse_tier

TODAY = date(2026, 11, 30)
REQUIRED = (36, 24)  # scoring/policy: the months 0.8x-2x and 3x need


def test_a_tier_begun_on_a_date_too_recent_gives_way_to_the_one_before() -> None:
    """March 2025 to November 2026 is 21 months at 3x: short of 24, so 2x counts."""
    assert parse_tier("2025年3月开始按3倍交，之前是2倍", TODAY, REQUIRED) == "2x"


def test_the_months_said_in_the_next_clause_are_the_tier_s() -> None:
    assert parse_tier("最近按3倍交的，大概30个月", TODAY, REQUIRED) == "3x"
    with pytest.raises(Unclear) as asked:  # 20 months: what was paid before is asked
        parse_tier("最近按3倍交的，大概20个月", TODAY, REQUIRED)
    assert asked.value.key == "error-tier-too-recent"


def test_half_the_cap_is_a_multiple_of_the_average_wage() -> None:
    """最高档的一半: half of 3x is 1.5 times the average wage, the 1x tier."""
    assert parse_tier("最高档的一半") == "1x"


@pytest.mark.parametrize(
    ("said", "tier"),
    [
        ("3 times since last year, 2 times before that", "2x"),  # 23 months at most
        ("2025年起按3倍，之前2倍", "2x"),  # 23 months at most
        ("2024年起按3倍交，之前2倍", "3x"),  # 35 months at most
        ("前年起按3倍交，之前2倍", "3x"),
        ("按3倍交了24个月，之前2倍", "3x"),  # exactly the 24 months 3x needs
        ("按2倍交了30个月，之前1倍", "1x"),  # 2x needs 36
    ],
)
def test_a_tier_counts_when_paid_the_months_it_needs(said: str, tier: str) -> None:
    assert parse_tier(said, TODAY, REQUIRED) == tier


@pytest.mark.parametrize(
    "said",
    [
        "按3倍交了20个月，社保一共交了5年",  # the tier's own months, not the insurance's
        "最近按3倍交的，2025年3月开始的",  # the date in the clause beside it: 21 months
    ],
)
def test_a_tier_paid_too_briefly_with_nothing_before_it_is_asked(said: str) -> None:
    with pytest.raises(Unclear) as asked:
        parse_tier(said, TODAY, REQUIRED)
    assert asked.value.key == "error-tier-too-recent"


def test_the_months_said_before_the_one_tier_said_are_its_months() -> None:
    """One tier said: months in any clause naming no tier are its months, before it too."""
    with pytest.raises(Unclear) as asked:
        parse_tier("大概20个月，最近是按3倍交的", TODAY, REQUIRED)
    assert asked.value.key == "error-tier-too-recent"


def test_of_two_tiers_the_months_right_after_one_are_its_own() -> None:
    """3x for only one year (12 of the 24 months it needs): the floor said before it counts."""
    assert parse_tier("3倍，但只交了一年，之前是最低", TODAY, REQUIRED) == "none"


@pytest.mark.parametrize(
    "said", ["之前是2倍，最近按3倍交，只交了一年", "之前是2倍，最近按3倍交，2025年3月开始的"]
)
def test_the_months_after_the_later_of_two_tiers_are_its_own(said: str) -> None:
    """3x for a year, or since March 2025 (21 months): short of its 24, so 2x counts."""
    assert parse_tier(said, TODAY, REQUIRED) == "2x"
