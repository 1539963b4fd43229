"""One test per rule and per boundary of the 2018 points table."""

from __future__ import annotations

import pytest

from scoring.calculator import Score


def points(score: Score, indicator: str) -> int | None:
    return next((i.points for i in score.items if i.indicator == indicator), None)


@pytest.mark.parametrize(
    ("age", "expected", "eligible"),
    [
        (17, 0, False),
        (18, 30, True),
        (43, 30, True),
        (44, 29, True),
        (45, 27, True),
        (55, 7, True),
        (56, 5, True),
        (60, 5, True),
        (61, 0, False),
    ],
)
def test_age_points_and_the_18_to_60_window(score, age: int, expected: int, eligible: bool) -> None:
    result = score(age=age)
    assert points(result, "age") == expected
    assert result.eligible is eligible
    if not eligible:
        assert any("18–60" in reason for reason in result.reasons)


def test_age_is_counted_in_full_years_from_birth_date(score) -> None:
    # AS_OF is 2025-06-01: born 1981-06-02 is still 43 (30 points), born 1981-06-01 is 44.
    assert points(score(birth_date="1981-06-02"), "age") == 30
    assert points(score(birth_date="1981-06-01"), "age") == 29


def test_missing_age_gives_no_age_points_but_no_ineligibility(score) -> None:
    result = score(education="master")
    assert points(result, "age") == 0
    assert result.eligible


@pytest.mark.parametrize(
    ("months", "expected"), [(0, 0), (11, 0), (12, 3), (35, 6), (36, 9), (600, 150)]
)
def test_social_insurance_counts_3_per_full_year_without_cap(
    score, months: int, expected: int
) -> None:
    assert points(score(social_insurance_months=months), "social_insurance_years") == expected


@pytest.mark.parametrize(
    ("education", "expected"),
    [
        ("none", 0),
        ("college", 50),
        ("bachelor", 60),
        ("bachelor_degree", 90),
        ("master", 100),
        ("doctor", 110),
    ],
)
def test_education_levels(score, education: str, expected: int) -> None:
    assert points(score(education=education), "education_or_title") == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("skill_5", 15),
        ("skill_4", 30),
        ("skill_3", 60),
        ("skill_2", 100),
        ("skill_1", 140),
        ("title_junior", 0),
        ("title_intermediate", 100),
        ("title_senior", 140),
    ],
)
def test_title_and_skill_levels(score, title: str, expected: int) -> None:
    assert points(score(title=title), "education_or_title") == expected


def test_education_and_title_do_not_add_the_higher_counts(score) -> None:
    assert (
        points(score(education="bachelor_degree", title="title_intermediate"), "education_or_title")
        == 100
    )
    assert (
        points(score(education="doctor", title="title_intermediate"), "education_or_title") == 110
    )
    assert [i.indicator for i in score(education="doctor", title="skill_3").items].count(
        "education_or_title"
    ) == 1


@pytest.mark.parametrize("title", ["skill_2", "skill_1", "title_intermediate", "title_senior"])
def test_high_titles_need_the_1x_base_condition(score, title: str) -> None:
    result = score(title=title, base_1x_6_of_last_12=False, education="college")
    assert points(result, "education_or_title") == 50
    note = next(i.note for i in result.items if i.indicator == "education_or_title")
    assert "不计分" in note


def test_lower_skill_levels_do_not_need_the_1x_base_condition(score) -> None:
    assert points(score(title="skill_3", base_1x_6_of_last_12=False), "education_or_title") == 60


def test_title_not_matching_the_job_counts_zero(score) -> None:
    result = score(title="title_senior", title_matches_job=False, education="bachelor")
    assert points(result, "education_or_title") == 60
    assert "不对口" in next(i.note for i in result.items if i.indicator == "education_or_title")


@pytest.mark.parametrize(("tier", "expected"), [("0.8x", 25), ("1x", 50), ("2x", 100), ("3x", 120)])
def test_base_tiers_count_the_highest_tier_only(score, tier: str, expected: int) -> None:
    result = score(insurance_base_tier=tier)
    assert [i.points for i in result.items if i.indicator == "insurance_base"] == [expected]


def test_base_points_add_to_social_insurance_years(score) -> None:
    assert score(insurance_base_tier="1x", social_insurance_months=24).total == 56


def test_3x_base_reaches_the_standard_on_its_own(score) -> None:
    assert score(insurance_base_tier="3x").reaches_standard


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"investment_tax_yuan": 99_999}, 0),
        ({"investment_tax_yuan": 250_000}, 20),
        ({"local_hires": 35}, 30),
        ({"investment_tax_yuan": 250_000, "local_hires": 45}, 40),
        ({"investment_tax_yuan": 610_000, "local_hires": 45}, 60),
        ({"investment_tax_yuan": 5_000_000}, 120),
        ({"local_hires": 400}, 120),
    ],
)
def test_investment_or_hires_the_higher_capped_at_120(score, fields: dict, expected: int) -> None:
    assert points(score(**fields), "investment_or_hires") == expected


@pytest.mark.parametrize(("years", "expected"), [(4, 0), (5, 10), (9, 18), (10, 20), (15, 20)])
def test_remote_area_from_5_years_capped_at_20(score, years: int, expected: int) -> None:
    assert points(score(remote_area_years=years), "remote_area") == expected


@pytest.mark.parametrize(("years", "expected"), [(4, 0), (5, 20), (10, 40)])
def test_public_service_4_per_year_from_5_years(score, years: int, expected: int) -> None:
    assert points(score(public_service_years=years), "public_service") == expected


@pytest.mark.parametrize(("years", "expected"), [(1, 4), (9, 36), (10, 40), (15, 40)])
def test_spouse_hukou_4_per_year_capped_at_40(score, years: int, expected: int) -> None:
    assert points(score(spouse_hukou_years=years), "spouse_hukou") == expected


def test_fresh_graduate_adds_10(score) -> None:
    assert points(score(fresh_graduate=True), "fresh_graduate") == 10


@pytest.mark.parametrize(
    ("award", "expected"), [("city_specific", 30), ("city_comprehensive", 60), ("national", 110)]
)
def test_awards_highest_only(score, award: str, expected: int) -> None:
    assert points(score(award=award), "award") == expected


def test_entrepreneur_talent_reaches_the_standard_on_its_own(score) -> None:
    result = score(entrepreneur_talent=True, age=40)
    assert points(result, "entrepreneur_talent") == 120
    assert result.reaches_standard


def test_shortage_major_adds_to_education(score) -> None:
    assert score(education="college", shortage_major=True).total == 80


def test_shortage_major_needs_a_college_education(score) -> None:
    assert points(score(shortage_major=True), "shortage_major") == 0


@pytest.mark.parametrize(
    ("field", "indicator", "each"),
    [
        ("false_material_count", "deduction_false_material", 150),
        ("detention_count", "deduction_detention", 50),
        ("criminal_count", "deduction_criminal", 150),
    ],
)
def test_deductions_add_up_per_occurrence(score, field: str, indicator: str, each: int) -> None:
    result = score(
        **{field: 2},
        title="title_senior",
        age=30,
        insurance_base_tier="3x",
        social_insurance_months=120,
    )
    assert points(result, indicator) == -2 * each
    assert result.total == 30 + 140 + 120 + 30 - 2 * each


def test_deductions_never_push_the_total_below_zero(score) -> None:
    result = score(age=30, education="bachelor_degree", false_material_count=1, detention_count=1)
    assert result.total == 0
    assert result.gap == 120


@pytest.mark.parametrize("veto", ["family_planning_violation", "serious_crime"])
def test_a_veto_blocks_the_standard_whatever_the_total(score, veto: str) -> None:
    result = score(age=30, title="title_senior", **{veto: True})
    assert result.total == 170
    assert result.vetoed and not result.reaches_standard and not result.eligible
    assert any("一票否决" in reason for reason in result.reasons)
    assert result.suggestions == () and result.next_steps == ()


def test_family_planning_veto_sends_the_user_to_the_service_centre(score) -> None:
    result = score(age=30, family_planning_violation=True)
    assert "请以受理点告知为准" in result.reasons[0]
    assert "the service centre will tell you" in result.reasons_en[0]


def test_exactly_120_reaches_the_standard_and_119_does_not(score) -> None:
    assert score(age=30, education="bachelor_degree").reaches_standard
    assert not score(age=44, education="bachelor_degree").reaches_standard


def test_every_item_has_a_zh_and_an_en_note(score) -> None:
    result = score(
        age=30,
        education="college",
        title="skill_4",
        social_insurance_months=50,
        shortage_major=True,
        investment_tax_yuan=300_000,
        insurance_base_tier="1x",
        public_service_years=6,
        remote_area_years=6,
        fresh_graduate=True,
        award="city_specific",
        spouse_hukou_years=3,
        entrepreneur_talent=True,
        detention_count=1,
    )
    assert len({i.indicator for i in result.items}) == len(result.items) == 13
    assert all(i.note and i.note_en for i in result.items)
