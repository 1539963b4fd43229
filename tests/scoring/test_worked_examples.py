"""The worked examples of shared/policy/points-table.md, through the API and the CLI."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from scoring.calculator import calculate
from scoring.policy import edition_in_force
from scoring.profile import Profile

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

# file, total, {indicator: points} as the hand-checked sums in points-table.md
WORKED = [
    (
        "worked-1-college-shortage-major.json",
        122,
        {"education_or_title": 50, "shortage_major": 30, "age": 30, "social_insurance_years": 12},
    ),
    ("worked-2-bachelor-degree.json", 120, {"education_or_title": 90, "age": 30}),
    (
        "worked-3-high-school-2x-base.json",
        139,
        {"education_or_title": 0, "age": 30, "insurance_base": 100, "social_insurance_years": 9},
    ),
    ("worked-4-senior-title.json", 170, {"education_or_title": 140, "age": 30}),
    (
        "worked-5-skill-3-1x-base.json",
        149,
        {"education_or_title": 60, "insurance_base": 50, "age": 30, "social_insurance_years": 9},
    ),
]


def _profile(name: str) -> Profile:
    return Profile.from_json(json.loads((EXAMPLES / name).read_text(encoding="utf-8")))


@pytest.mark.parametrize(("name", "total", "points"), WORKED, ids=[w[0] for w in WORKED])
def test_worked_example_through_the_api(name: str, total: int, points: dict[str, int]) -> None:
    profile = _profile(name)
    assert profile.as_of is not None
    score = calculate(profile, edition_in_force(profile.as_of), profile.as_of)
    assert score.total == total
    assert score.reaches_standard and score.eligible and not score.vetoed
    by_indicator = {item.indicator: item.points for item in score.items}
    for indicator, expected in points.items():
        assert by_indicator[indicator] == expected, indicator
    assert sum(by_indicator.values()) == total


@pytest.mark.parametrize(("name", "total", "points"), WORKED, ids=[w[0] for w in WORKED])
def test_worked_example_through_jifen_score(
    jifen, name: str, total: int, points: dict[str, int]
) -> None:
    result = jifen(str(EXAMPLES / name), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["total"] == total
    assert data["reaches_standard"] is True
    assert data["gap"] == 0
    assert data["policy"] == "2018-01-01"
    assert data["suggestions"] == []
    assert data["next_steps"] and data["materials"]
    for indicator, expected in points.items():
        assert {"indicator": indicator, "points": expected}.items() <= next(
            item for item in data["items"] if item["indicator"] == indicator
        ).items()


def test_senior_title_example_says_education_does_not_add() -> None:
    score = calculate(
        _profile("worked-4-senior-title.json"), edition_in_force(date(2025, 6, 1)), date(2025, 6, 1)
    )
    note = next(i.note for i in score.items if i.indicator == "education_or_title")
    assert "高级职称 140" in note and "90" in note and "不叠加" in note


def test_below_standard_example_gets_a_gap_and_suggestions(jifen) -> None:
    result = jifen(str(EXAMPLES / "below-120-bachelor.json"), "--json")
    data = json.loads(result.stdout)
    assert (data["total"], data["gap"], data["reaches_standard"]) == (96, 24, False)
    assert data["next_steps"] == [] and data["materials"] == []
    assert data["suggestions"], "someone below 120 must be told what to change"
    for suggestion in data["suggestions"]:
        assert suggestion["total_after"] == data["total"] + suggestion["gain"]
        assert suggestion["gain"] > 0
