"""Rules of points-table.md written out here, independently of the code, and compared for
every value they cover: every age 16-62, and the base tiers' windows as the user reads them."""

from __future__ import annotations

import pytest


# points-table.md, basic indicators: "5 at 56-60; +2 for each year younger; max 30",
# min(30, 5 + 2 x (56 - age)) for age <= 55; over 60 or under 18: cannot apply.
def table_age_points(age: int) -> int:
    if age < 18 or age > 60:
        return 0
    if age >= 56:
        return 5
    return min(30, 5 + 2 * (56 - age))


@pytest.mark.parametrize("age", range(16, 63))
def test_every_age_scores_as_the_table_says(score, age: int) -> None:
    result = score(age=age)
    [item] = [i for i in result.items if i.indicator == "age"]
    assert item.points == table_age_points(age)
    assert result.eligible is (18 <= age <= 60)
    assert item.note.startswith(f"{age} 周岁") and item.note_en.startswith(f"age {age}")
    if not result.eligible:
        assert any("18–60" in reason for reason in result.reasons)


# points-table.md, social-insurance base: 0.8x/1x/2x "for 36 months within the last 4 years",
# 3x "for 24 months within the last 3 years".
@pytest.mark.parametrize(
    ("tier", "zh", "en"),
    [
        ("0.8x", "近 48 个月累计 36 个月", "36 of the last 48 months"),
        ("1x", "近 48 个月累计 36 个月", "36 of the last 48 months"),
        ("2x", "近 48 个月累计 36 个月", "36 of the last 48 months"),
        ("3x", "近 36 个月累计 24 个月", "24 of the last 36 months"),
    ],
)
def test_each_tier_note_names_its_own_window(score, tier: str, zh: str, en: str) -> None:
    result = score(age=30, social_insurance_months=48, insurance_base_tier=tier)
    [item] = [i for i in result.items if i.indicator == "insurance_base"]
    assert zh in item.note and en in item.note_en


@pytest.mark.parametrize(
    ("age", "tier", "window"),
    [
        (30, "2 倍", "近 48 个月内累计满 36 个月"),  # 30 + 100 reaches 120 first at 2x
        (50, "3 倍", "近 36 个月内累计满 24 个月"),  # 17 + 100 does not; 17 + 120 does
    ],
)
def test_the_base_suggestion_names_the_window_of_its_tier(
    score, age: int, tier: str, window: str
) -> None:
    result = score(age=age)
    [change] = [s.change for s in result.suggestions if "社保缴费基数" in s.change]
    assert f"社平工资 {tier}" in change and window in change
