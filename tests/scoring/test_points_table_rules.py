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


def note_of(result, indicator: str) -> tuple[str, str]:
    [item] = [i for i in result.items if i.indicator == indicator]
    return item.note, item.note_en


@pytest.mark.parametrize(
    ("fields", "indicator", "zh", "en"),
    [
        (
            {"public_service_years": 4},
            "public_service",
            "4 年，满 5 年才计分",
            "4 years; counts from 5",
        ),
        ({"public_service_years": 6}, "public_service", "满 6 年 × 4", "6 full years x 4"),
        (
            {"remote_area_years": 12},
            "remote_area",
            "满 12 年 × 2，最多 20",
            "12 full years x 2, at most 20",
        ),
        (
            {"investment_tax_yuan": 250000.5},
            "investment_or_hires",
            "年均纳税 250000 元（二者取高，最多 120）",
            "average yearly tax 250000 yuan (higher of two, max 120)",
        ),
        (
            {"investment_tax_yuan": 100000, "local_hires": 35},
            "investment_or_hires",
            "年均聘用本市户籍 35 人（二者取高，最多 120）",
            "35 Shanghai-hukou employees a year (higher of two, max 120)",
        ),
        (
            {"spouse_hukou_years": 3},
            "spouse_hukou",
            "婚姻满 3 年 × 4，最多 40",
            "3 years of marriage x 4, at most 40",
        ),
        (
            {"detention_count": 2},
            "deduction_detention",
            "近 5 年 2 次 × −50",
            "2 in the last 5 years x -50",
        ),
        (
            {"award": "national"},
            "award",
            "省部级及以上表彰",
            "provincial/ministerial or higher award",
        ),
        (
            {"education": "master", "title": "skill_3"},
            "education_or_title",
            "按硕士 100 分计（技能三级 60 分，不叠加）",
            "master's 100 counted (skill level 3 60, does not add)",
        ),
        (
            {"education": "college", "title": "title_senior", "title_matches_job": False},
            "education_or_title",
            "大专/高职 50 分；高级职称与现岗位不对口，不计分",
            "college 50; senior title does not match the current job, 0",
        ),
    ],
)
def test_item_notes_say_how_the_points_were_counted(
    score, fields: dict, indicator: str, zh: str, en: str
) -> None:
    assert note_of(score(age=40, social_insurance_months=240, **fields), indicator) == (zh, en)


def test_next_steps_and_materials_in_json_carry_both_languages_and_the_source_title(
    score,
) -> None:
    data = score(age=30, education="doctor").to_json()
    for entry in (*data["next_steps"], *data["materials"]):
        assert set(entry) == {"zh", "en", "source"}
        assert entry["zh"] and entry["en"] and "种子页面" not in entry["zh"]
        assert entry["source"].startswith(("《", "上海", "2019", "2025")), entry["source"]


@pytest.mark.parametrize(
    ("fields", "indicator", "points", "zh"),
    [
        ({"title": "title_senior", "title_matches_job": False}, "education_or_title", 0,
         "高级职称与现岗位不对口，不计分"),
        ({"title": "skill_1", "base_1x_6_of_last_12": False}, "education_or_title", 0,
         "技能一级（高级技师）近 12 个月社保基数达 1 倍社平不足 6 个月，不计分"),
        ({"education": "bachelor", "title": "skill_3"}, "education_or_title", 60,
         "按本科（无学位） 60 分计（技能三级 60 分，不叠加）"),
        ({"education": "college", "title": "skill_3"}, "education_or_title", 60,
         "按技能三级 60 分计（学历大专/高职 50 分，不叠加）"),
        ({"shortage_major": True}, "shortage_major", 0, "需大专及以上学历"),
        ({"investment_tax_yuan": 300000, "local_hires": 30}, "investment_or_hires", 30,
         "年均纳税 300000 元（二者取高，最多 120）"),
        ({"social_insurance_months": 30}, "social_insurance_years", 6, "满 2 年（30 个月）× 3"),
    ],
)  # fmt: skip
def test_zero_and_tie_notes(score, fields: dict, indicator: str, points: int, zh: str) -> None:
    result = score(age=40, **fields)
    assert note_of(result, indicator)[0] == zh
    assert [i.points for i in result.items if i.indicator == indicator] == [points]


def test_an_age_outside_the_window_says_the_window(score) -> None:
    result = score(age=61)
    assert note_of(result, "age") == ("61 周岁：不在 18–60 周岁", "age 61: outside 18-60")
    assert result.reasons == ("61 周岁：申请年龄须在 18–60 周岁",)
    assert result.reasons_en == ("age 61: applicants must be 18-60",)


def test_the_serious_crime_veto_names_the_sentence(score) -> None:
    result = score(age=30, serious_crime=True)
    assert result.reasons == ("有被判处 5 年以上有期徒刑的刑事犯罪记录：一票否决，不能申请",)
