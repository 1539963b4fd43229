"""Answers that cannot be true together are refused by `jifen score`: status 2, one line
naming both fields. The limits are written here from points-table.md and the laws the
policy file cites, not read from the code."""

from __future__ import annotations

import json

import pytest

# points-table.md: tiers 0.8x/1x/2x need 36 months at that base within the last 48, 3x needs
# 24 within the last 36; 中级/高级 titles need 6 of the last 12 months at a base >= 1x.
MONTHS_FOR_TIER = {"0.8x": 36, "1x": 36, "2x": 36, "3x": 24}
WORK_FROM_AGE = 16  # 劳动法 第十五条
MARRY_FROM_AGE = 20  # 民法典 第一千零四十七条


def refused(cli, profile: dict) -> str:
    """The one stderr line of a refused profile."""
    result = cli("-", "--json", "--as-of", "2025-06-01", stdin=json.dumps(profile))
    assert result.status == 2, result.stdout
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def accepted(cli, profile: dict) -> dict:
    result = cli("-", "--json", "--as-of", "2025-06-01", stdin=json.dumps(profile))
    assert result.status == 0, result.stderr
    return json.loads(result.stdout)


def test_the_base_bonus_of_issue_15_without_its_months_is_refused(cli) -> None:
    line = refused(
        cli,
        {
            "age": 36,
            "education": "college",
            "social_insurance_months": 5,
            "insurance_base_tier": "2x",
        },
    )
    assert line.startswith("jifen score: insurance_base_tier: ")
    assert "social_insurance_months 5" in line and "36" in line and "48" in line


@pytest.mark.parametrize("tier", MONTHS_FOR_TIER)
def test_each_tier_needs_its_months_of_social_insurance(cli, tier: str) -> None:
    need = MONTHS_FOR_TIER[tier]
    line = refused(
        cli, {"age": 40, "social_insurance_months": need - 1, "insurance_base_tier": tier}
    )
    assert (
        line.startswith("jifen score: insurance_base_tier: ") and "social_insurance_months" in line
    )
    enough = {"age": 40, "social_insurance_months": need, "insurance_base_tier": tier}
    assert any(i["indicator"] == "insurance_base" for i in accepted(cli, enough)["items"])


def test_a_tier_without_any_months_is_refused(cli) -> None:
    line = refused(cli, {"insurance_base_tier": "3x"})
    assert "insurance_base_tier" in line and "social_insurance_months 0" in line


@pytest.mark.parametrize(
    ("profile", "field", "other"),
    [
        ({"education": "none", "fresh_graduate": True}, "fresh_graduate", "education"),
        ({"fresh_graduate": True}, "fresh_graduate", "education"),
        ({"education": "none", "shortage_major": True}, "shortage_major", "education"),
        (
            {"age": 40, "social_insurance_months": 71, "public_service_years": 6},
            "public_service_years",
            "social_insurance_months",
        ),
        (
            {"age": 40, "social_insurance_months": 59, "remote_area_years": 5},
            "remote_area_years",
            "social_insurance_months",
        ),
        ({"title_matches_job": False}, "title_matches_job", "title"),
        (
            {"title": "title_senior", "base_1x_6_of_last_12": True, "social_insurance_months": 5},
            "base_1x_6_of_last_12",
            "social_insurance_months",
        ),
        (
            {"age": 20, "social_insurance_months": 12 * (20 - WORK_FROM_AGE) + 1},
            "social_insurance_months",
            "age",
        ),
        ({"age": 25, "spouse_hukou_years": 25 - MARRY_FROM_AGE + 1}, "spouse_hukou_years", "age"),
        (
            {"birth_date": "2000-06-02", "spouse_hukou_years": 5},  # 24 on 2025-06-01
            "spouse_hukou_years",
            "birth_date",
        ),
    ],
)
def test_impossible_pairs_exit_2_naming_both_fields(
    cli, profile: dict, field: str, other: str
) -> None:
    line = refused(cli, profile)
    assert line.startswith(f"jifen score: {field}: ")
    assert f" {other} " in line


@pytest.mark.parametrize(
    "profile",
    [
        {"education": "college", "fresh_graduate": True},
        {"education": "college", "shortage_major": True},
        {"age": 40, "social_insurance_months": 72, "public_service_years": 6},
        {"age": 40, "social_insurance_months": 60, "remote_area_years": 5},
        {"title": "title_junior", "title_matches_job": False},
        {"title": "skill_3", "base_1x_6_of_last_12": False},
        {"title": "title_senior", "base_1x_6_of_last_12": True, "social_insurance_months": 6},
        {"title": "title_senior"},  # the 1x condition is assumed, not claimed
        {"age": 20, "social_insurance_months": 12 * (20 - WORK_FROM_AGE)},
        {"age": 25, "spouse_hukou_years": 25 - MARRY_FROM_AGE},
        {"birth_date": "2000-06-01", "spouse_hukou_years": 5},  # 25 on 2025-06-01
        {"social_insurance_months": 600},  # no age given: nothing to compare with
    ],
)
def test_the_possible_side_of_each_limit_is_scored(cli, profile: dict) -> None:
    assert accepted(cli, profile)["total"] >= 0


def test_a_real_process_refuses_without_a_traceback(jifen) -> None:
    result = jifen("-", stdin='{"education": "none", "fresh_graduate": true}')
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("jifen score: fresh_graduate: ")
