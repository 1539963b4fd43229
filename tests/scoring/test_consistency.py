"""Answers that cannot be true together are refused by `jifen score`: status 2, one line
naming both fields. The limits are written here from points-table.md and the laws the
policy file cites, not read from the code."""

from __future__ import annotations

import json
from datetime import date

import pytest

from scoring.consistency import conflict

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
        ({"age": WORK_FROM_AGE, "social_insurance_months": 1}, "social_insurance_months", "age"),
        ({"age": 15, "social_insurance_months": 1}, "social_insurance_months", "age"),
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
        {"insurance_base_tier": "none", "social_insurance_months": 5},
    ],
)
def test_the_possible_side_of_each_limit_is_scored(cli, profile: dict) -> None:
    assert accepted(cli, profile)["total"] >= 0


def test_a_real_process_refuses_without_a_traceback(jifen) -> None:
    result = jifen("-", stdin='{"education": "none", "fresh_graduate": true}')
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("jifen score: fresh_graduate: ")


# The dialog's side: `conflict` judges one answer against the answers given so far.
def test_conflict_ignores_what_was_not_asked_yet(edition) -> None:
    assert conflict("insurance_base_tier", "2x", {}, edition) is None
    assert conflict("fresh_graduate", True, {"age": 30}, edition) is None


def test_conflict_names_the_reason_in_both_languages(edition) -> None:
    found = conflict("insurance_base_tier", "2x", {"social_insurance_months": 24}, edition)
    assert found is not None
    assert (found.field, found.value, found.other, found.other_value) == (
        "insurance_base_tier",
        "2x",
        "social_insurance_months",
        24,
    )
    assert found.zh == "社保基数 2 倍社平须在近 48 个月内累计 36 个月，而社保一共只有 24 个月"
    assert found.en == (
        "a base of 2x the average wage needs 36 of the last 48 months, "
        "but there are only 24 months of social insurance"
    )
    assert conflict("insurance_base_tier", "3x", {"social_insurance_months": 24}, edition) is None


def test_a_basis_answered_after_its_claim_is_judged_against_it(edition) -> None:
    claimed = {"title": "title_senior", "base_1x_6_of_last_12": True}
    found = conflict("social_insurance_months", 5, claimed, edition)
    assert found is not None and found.field == "base_1x_6_of_last_12"
    assert "6" in found.zh and "5" in found.zh
    assert conflict("social_insurance_months", 6, claimed, edition) is None
    unclaimed = {"title": "title_senior", "base_1x_6_of_last_12": False}
    assert conflict("social_insurance_months", 5, unclaimed, edition) is None


@pytest.mark.parametrize(
    ("field", "value", "given", "zh"),
    [
        ("public_service_years", 6, {"social_insurance_months": 71},
         "在特定公共服务领域工作满 6 年，多于社保缴费的 5 年（这些年须在本市缴纳社保）"),
        ("remote_area_years", 2, {"social_insurance_months": 12},
         "在远郊重点区域工作满 2 年，多于社保缴费的 1 年（这些年须在本市缴纳社保）"),
        ("social_insurance_months", 49, {"age": 20},
         "20 周岁最多缴纳过 48 个月社保（最早 16 周岁才能参加工作）"),
        ("spouse_hukou_years", 6, {"age": 25}, "25 周岁的婚姻最多 5 年（法定婚龄最早 20 周岁）"),

        ("spouse_hukou_years", 1, {"birth_date": "2006-01-01"},
         "19 周岁的婚姻最多 0 年（法定婚龄最早 20 周岁）"),
        ("shortage_major", True, {"education": "none"}, "紧缺急需专业须有大专及以上学历"),
        ("fresh_graduate", True, {"education": "none"}, "应届高校毕业生须有大专及以上学历"),
        ("title_matches_job", False, {"title": "none"},
         "没有职称或技能等级，就谈不上与岗位是否对口"),
    ],
)  # fmt: skip
def test_each_reason_as_the_user_reads_it(
    edition, field: str, value: object, given: dict, zh: str
) -> None:
    found = conflict(field, value, given, edition, date(2025, 6, 1))
    assert found is not None and found.zh == zh
    limit = {"public_service_years": 5, "remote_area_years": 1, "social_insurance_months": 48}
    if field in limit:  # one less is possible
        assert conflict(field, limit[field], given, edition, date(2025, 6, 1)) is None


def test_conflict_ignores_the_dialogs_own_answers(edition) -> None:
    facts = {"bonus": ["public_service"], "deductions": False, "social_insurance_months": 12}
    assert conflict("public_service_years", 1, facts, edition) is None
    assert conflict("public_service_years", 2, facts, edition) is not None


@pytest.mark.parametrize(
    ("field", "value", "given", "zh"),
    [
        ("social_insurance_months", 1, {"age": 16},
         "16 周岁最多缴纳过 0 个月社保（最早 16 周岁才能参加工作）"),
        ("social_insurance_months", 5, {"title": "skill_1", "base_1x_6_of_last_12": True},
         "近 12 个月有 6 个月社保基数达 1 倍社平，需要至少 6 个月社保，而社保一共只有 5 个月"),
    ],
)  # fmt: skip
def test_the_edge_reasons_as_the_user_reads_them(
    edition, field: str, value: object, given: dict, zh: str
) -> None:
    found = conflict(field, value, given, edition)
    assert found is not None and found.zh == zh
