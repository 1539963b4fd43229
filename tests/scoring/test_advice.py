"""Advice: the concrete changes that reach 120, soonest first; next steps at 120 and above."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from scoring.advice import months_to_standard_by_insurance
from scoring.calculator import Score
from scoring.policy import Edition
from scoring.profile import Profile, ProfileError

AS_OF = date(2025, 6, 1)


def _find(score: Score, word: str):
    return next(s for s in score.suggestions if word in s.change)


def test_suggestions_are_ranked_by_how_soon_they_can_happen(score) -> None:
    result = score(age=32, education="bachelor", social_insurance_months=26)
    months = [s.months for s in result.suggestions]
    known = [m for m in months if m is not None]
    assert known == sorted(known)
    assert months[len(known) :] == [None] * (len(months) - len(known))
    for suggestion in result.suggestions:
        assert suggestion.gain > 0
        assert suggestion.total_after == result.total + suggestion.gain
        assert suggestion.change and suggestion.change_en


def test_more_social_insurance_months_says_how_many(score) -> None:
    # 96 now; 94 more months make 10 full years (+24) while age 39 still gives 30.
    suggestion = _find(
        score(age=32, education="bachelor", social_insurance_months=26), "社保 94 个月"
    )
    assert (suggestion.months, suggestion.gain, suggestion.total_after) == (94, 24, 120)


def test_a_higher_base_tier_for_36_of_48_months(score) -> None:
    suggestion = _find(score(age=30, education="college", social_insurance_months=13), "基数")
    assert "1 倍" in suggestion.change and "36 个月" in suggestion.change
    assert (suggestion.gain, suggestion.total_after, suggestion.months) == (50, 133, 36)


def test_an_intermediate_title_replaces_the_education_points(score) -> None:
    suggestion = _find(score(age=32, education="bachelor", social_insurance_months=26), "中级职称")
    assert "100" in suggestion.change and "60" in suggestion.change
    assert (suggestion.gain, suggestion.months) == (40, None)


def test_meeting_the_1x_base_condition_makes_the_title_count(score) -> None:
    result = score(
        age=45, education="college", title="title_intermediate", base_1x_6_of_last_12=False
    )
    suggestion = _find(result, "即可计分")
    assert (suggestion.gain, suggestion.months) == (50, 6)


def test_a_title_not_matching_the_job_suggests_a_matching_job(score) -> None:
    result = score(age=30, education="college", title="title_intermediate", title_matches_job=False)
    assert _find(result, "对口的工作").gain == 50


def test_spouse_years_up_to_the_cap(score) -> None:
    suggestion = _find(score(age=30, education="college", spouse_hukou_years=2), "配偶")
    # 88 now; 8 more years of marriage take the spouse points from 8 to the cap of 40.
    assert (suggestion.months, suggestion.gain, suggestion.total_after) == (96, 32, 120)


def test_remote_area_years_count_once_5_are_reached(score) -> None:
    suggestion = _find(score(age=30, education="bachelor", remote_area_years=3), "临港")
    assert (suggestion.months, suggestion.gain) == (24, 10)


def test_changes_that_would_come_after_age_60_are_not_suggested(score) -> None:
    result = score(age=58, education="college")
    assert all(s.months is None or s.months <= 24 for s in result.suggestions)
    assert "3 倍" in _find(result, "基数").change


@pytest.mark.parametrize(
    "fields",
    [
        {"age": 30, "education": "bachelor_degree"},
        {"age": 30, "education": "master", "serious_crime": True},
        {"age": 61, "education": "college"},
    ],
)
def test_no_suggestions_at_the_standard_or_when_one_cannot_apply(score, fields: dict) -> None:
    assert score(**fields).suggestions == ()


def test_next_steps_and_materials_only_at_or_above_the_standard(score) -> None:
    reached = score(age=30, education="bachelor_degree")
    assert reached.next_steps and reached.materials
    assert any("用人单位" in line.zh for line in reached.next_steps)
    assert all(line.source.title for line in (*reached.next_steps, *reached.materials))
    below = score(age=30, education="bachelor")
    assert below.next_steps == () and below.materials == ()
    assert score(age=61, education="doctor", title="title_senior").next_steps == ()


@pytest.mark.parametrize(
    ("fields", "months"),
    [
        ({"age": 30, "education": "bachelor_degree"}, 0),
        ({"age": 30, "education": "bachelor", "social_insurance_months": 113}, 7),
        # 119 at 44: a year later insurance gives +3 while age takes 2 away.
        ({"age": 44, "education": "bachelor_degree"}, 12),
        ({"age": 32, "education": "bachelor", "social_insurance_months": 26}, 94),
        ({"age": 58, "education": "college"}, None),
        ({"age": 30, "education": "master", "family_planning_violation": True}, None),
        ({"age": 17, "education": "bachelor_degree"}, 12),
    ],
)
def test_months_to_standard_by_insurance(
    edition: Edition, fields: dict, months: int | None
) -> None:
    assert months_to_standard_by_insurance(Profile.from_json(fields), edition, AS_OF) == months


def test_months_to_standard_follows_the_birthday(edition: Edition) -> None:
    # 117 now: age 44 (29) + college 50 + city award 30 + spouse 8.
    # In 6 months the 1st full year of insurance adds 3, but turning 45 in 2 months costs 2
    # (118); at 18 months 46 (119); at 30 months 47 with 3 full years: 23 + 88 + 9 = 120.
    fields = {
        "education": "college",
        "award": "city_specific",
        "spouse_hukou_years": 2,
        "social_insurance_months": 6,
    }
    born = Profile.from_json({"birth_date": "1980-08-01", **fields})
    assert months_to_standard_by_insurance(born, edition, AS_OF) == 30
    aged_44 = Profile.from_json({"age": 44, **fields})
    assert months_to_standard_by_insurance(aged_44, edition, AS_OF) == 6


def test_months_to_standard_uses_the_profile_date_or_asks_for_one(edition: Edition) -> None:
    assert (
        months_to_standard_by_insurance(Profile(age=44, education="bachelor_degree"), edition) == 12
    )
    with pytest.raises(ProfileError, match=r"^as_of: "):
        months_to_standard_by_insurance(Profile(birth_date=date(1990, 1, 1)), edition)


def test_fresh_graduate_points_are_not_counted_on_a_year_or_more_ahead(edition: Edition) -> None:
    # 100 now (age 30, bachelor 60, fresh graduate 10); later totals lose the 10.
    graduate = Profile(age=24, education="bachelor", fresh_graduate=True, social_insurance_months=6)
    assert months_to_standard_by_insurance(graduate, edition, AS_OF) == 114
    assert (
        months_to_standard_by_insurance(replace(graduate, fresh_graduate=False), edition, AS_OF)
        == 114
    )
    soon = Profile(
        age=24, education="bachelor_degree", fresh_graduate=True, social_insurance_months=6
    )
    assert months_to_standard_by_insurance(soon, edition, AS_OF) == 0


def test_more_insurance_months_as_the_user_reads_it_with_the_age_by_then(score) -> None:
    # 96 now (age 32: 30, bachelor 60, 2 full years 6); in 94 months 10 full years (30) at 39.
    suggestion = _find(
        score(age=32, education="bachelor", social_insurance_months=26), "社保 94 个月"
    )
    assert (
        suggestion.change
        == "再缴纳本市职工社保 94 个月（累计满 10 年，每满 1 年 +3 分；届时 39 周岁）"
    )
    assert suggestion.change_en == (
        "Keep paying Shanghai social insurance 94 more months "
        "(10 full years, +3 per full year; by then aged 39)"
    )


def test_insurance_that_cannot_reach_120_in_time_suggests_the_next_full_year(score) -> None:
    # 61 now (age 58: 5, college 50, 2 full years of 30 months: 6): before turning 61 nothing
    # reaches 120, so the next full year is suggested: 6 months to 3 full years, +3, same age.
    result = score(age=58, education="college", social_insurance_months=30)
    suggestion = _find(result, "再缴纳本市职工社保")
    assert suggestion.change == "再缴纳本市职工社保 6 个月（累计满 3 年，每满 1 年 +3 分）"
    assert suggestion.change_en == (
        "Keep paying Shanghai social insurance 6 more months (3 full years, +3 per full year)"
    )
    assert (suggestion.months, suggestion.gain, suggestion.total_after) == (6, 3, 64)


def test_the_next_base_tier_that_reaches_120_is_the_one_suggested(score) -> None:
    # 101 now: age 50 (5 + 2 x 6 = 17), college 50, 3 full years 9, base 0.8x 25; 1x gives 50.
    result = score(
        age=50, education="college", social_insurance_months=36, insurance_base_tier="0.8x"
    )
    suggestion = _find(result, "基数")
    assert (
        suggestion.change
        == "社保缴费基数不低于社平工资 1 倍，近 48 个月内累计满 36 个月（基数加分 50 分）"
    )
    assert suggestion.change_en == (
        "Social-insurance base at least 1x the average wage for 36 of 48 months (base points 50)"
    )
    assert (suggestion.months, suggestion.gain, suggestion.total_after) == (36, 25, 126)


@pytest.mark.parametrize(
    ("condition", "word", "zh", "en", "months"),
    [
        (
            {"base_1x_6_of_last_12": False},
            "即可计分",
            "近 12 个月内有 6 个月社保基数不低于社平工资 1 倍，中级职称即可计分",
            "Pay a base of at least 1x the average wage for 6 of 12 months, "
            "so your intermediate title counts",
            6,
        ),
        (
            {"title_matches_job": False},
            "对口的工作",
            "从事与中级职称对口的工作，职称/技能即可计分",
            "Work in a job matching your intermediate title, so it counts",
            None,
        ),
    ],
)
def test_what_makes_a_title_count_as_the_user_reads_it(
    score, condition: dict, word: str, zh: str, en: str, months: int | None
) -> None:
    # Born 1980-01-01: 45 on 2025-06-01 (27); college 50 while the title counts 0: 77.
    result = score(
        birth_date="1980-01-01", education="college", title="title_intermediate", **condition
    )
    suggestion = _find(result, word)
    assert (suggestion.change, suggestion.change_en) == (zh, en)
    assert (suggestion.gain, suggestion.total_after, suggestion.months) == (50, 127, months)


def test_a_higher_title_as_the_user_reads_it(score) -> None:
    # 96 now (age 32: 30, bachelor 60, 2 full years 6): skill 3 (60) adds nothing, an
    # intermediate title (100) reaches 136.
    suggestion = _find(score(age=32, education="bachelor", social_insurance_months=26), "职称（")
    assert suggestion.change == "取得与工作对口的中级职称（按 100 分计，替代现在的 60 分）"
    assert suggestion.change_en == (
        "Obtain a title/skill matching your job, intermediate title (100 instead of 60)"
    )
    assert (suggestion.gain, suggestion.total_after) == (40, 136)


def test_a_higher_title_names_the_base_condition_when_it_is_not_met(score) -> None:
    result = score(
        age=32, education="bachelor", social_insurance_months=26, base_1x_6_of_last_12=False
    )
    suggestion = _find(result, "中级职称")
    assert suggestion.change == (
        "取得与工作对口的中级职称，且近 12 个月有 6 个月社保基数不低于 1 倍社平"
        "（按 100 分计，替代现在的 60 分）"
    )
    assert suggestion.change_en == (
        "Obtain a title/skill matching your job, intermediate title, with a base >= 1x for 6 "
        "of the last 12 months (100 instead of 60)"
    )
    assert (suggestion.gain, suggestion.total_after) == (40, 136)


@pytest.mark.parametrize("base_met", [True, False])
def test_skill_3_needs_no_base_condition(score, base_met: bool) -> None:
    # 110 now (age 30: 30, college 50, 10 full years 30): skill 3 (60) is the first to reach.
    result = score(
        age=30, education="college", social_insurance_months=120, base_1x_6_of_last_12=base_met
    )
    suggestion = _find(result, "技能三级")
    assert suggestion.change == "取得与工作对口的技能三级（按 60 分计，替代现在的 50 分）"
    assert suggestion.change_en == (
        "Obtain a title/skill matching your job, skill level 3 (60 instead of 50)"
    )
    assert (suggestion.gain, suggestion.total_after) == (10, 120)


def test_a_higher_title_is_one_matching_the_job_even_if_todays_does_not(score) -> None:
    # Skill level 4 outside the job counts 0, college 50: a matching skill level 3 reaches 120.
    result = score(
        age=30,
        education="college",
        social_insurance_months=120,
        title="skill_4",
        title_matches_job=False,
    )
    assert (_find(result, "技能三级").gain, _find(result, "技能三级").total_after) == (10, 120)


def test_a_master_after_a_bachelors_degree(score) -> None:
    # 117 now (age 45: 27, bachelor's degree 90): a master's (100) reaches 127.
    suggestion = _find(score(age=45, education="bachelor_degree"), "学历")
    assert suggestion.change == "取得国家承认的硕士学历（按 100 分计，替代现在的 90 分）"
    assert suggestion.change_en == "Obtain a recognised master's (100 instead of 90)"
    assert (suggestion.gain, suggestion.total_after, suggestion.months) == (10, 127, None)


def test_when_no_degree_reaches_120_the_biggest_step_is_suggested(score) -> None:
    # 65 now (age 58: 5, bachelor 60): a bachelor's degree gives 95, a master's 105.
    suggestion = _find(score(age=58, education="bachelor"), "学历")
    assert suggestion.change == "取得国家承认的硕士学历（按 100 分计，替代现在的 60 分）"
    assert (suggestion.gain, suggestion.total_after) == (40, 105)


@pytest.mark.parametrize(
    ("fields", "word", "zh", "en", "months", "gain"),
    [
        # 84 now (age 30: 30, college 50, 1 year of marriage 4): 10 years are the cap of 40.
        (
            {"age": 30, "education": "college", "spouse_hukou_years": 1},
            "配偶",
            "与沪籍配偶婚姻再满 9 年（共 10 年）",
            "9 more years of marriage to a Shanghai-hukou spouse (10 in all)",
            108,
            36,
        ),
        # 94 now with a fresh graduate's 10, which a year later no longer counts: the same 9.
        (
            {"age": 30, "education": "college", "spouse_hukou_years": 1, "fresh_graduate": True},
            "配偶",
            "与沪籍配偶婚姻再满 9 年（共 10 年）",
            "9 more years of marriage to a Shanghai-hukou spouse (10 in all)",
            108,
            26,
        ),
        # 110 now (age 30, college, 10 full years of insurance 30): the 5th year in Lingang +10.
        (
            {
                "age": 30,
                "education": "college",
                "social_insurance_months": 120,
                "remote_area_years": 4,
            },
            "临港",
            "在临港新片区工作再满 1 年（共 5 年）",
            "1 more years working in Lingang (5 in all)",
            12,
            10,
        ),
        # 75 now (age 30, skill level 4: 30, 5 full years: 15); 10 more years of public
        # service (44) still miss 120, so the first year that counts (the 5th, 20) is named.
        (
            {
                "age": 30,
                "title": "skill_4",
                "social_insurance_months": 60,
                "public_service_years": 1,
            },
            "环卫",
            "在环卫等特定公共服务领域工作再满 4 年（共 5 年）",
            "4 more years in sanitation public service (5 in all)",
            48,
            20,
        ),
    ],
)
def test_more_years_of_an_item_as_the_user_reads_them(
    score, fields: dict, word: str, zh: str, en: str, months: int, gain: int
) -> None:
    result = score(**fields)
    suggestion = _find(result, word)
    assert (suggestion.change, suggestion.change_en) == (zh, en)
    assert (suggestion.months, suggestion.gain) == (months, gain)
    assert suggestion.total_after == result.total + gain


def test_suggestions_soonest_first_then_the_biggest_gain(score) -> None:
    # 83 now (age 30: 30, college 50, 1 full year 3, 4 years in Lingang: 0). In time order:
    # the 5th Lingang year in 12 months (+10, 93), a 1x base for 36 months (+50, 133), 155
    # more months of insurance (14 full years: 42, +39, 122); then, with no time, an
    # intermediate title (100 for 50: +50) before a bachelor's degree (90 for 50: +40).
    result = score(age=30, education="college", social_insurance_months=13, remote_area_years=4)
    assert [(s.months, s.gain) for s in result.suggestions] == [
        (12, 10),
        (36, 50),
        (155, 39),
        (None, 50),
        (None, 40),
    ]
    assert "临港" in result.suggestions[0].change and "学士" in result.suggestions[-1].change


def test_a_gain_of_one_point_is_suggested(score) -> None:
    # 119 at 44 (29 + bachelor's degree 90); a year on: 45 (27) + 90 + 3 = 120.
    suggestion = _find(score(age=44, education="bachelor_degree"), "再缴纳")
    assert (
        suggestion.change
        == "再缴纳本市职工社保 12 个月（累计满 1 年，每满 1 年 +3 分；届时 45 周岁）"
    )
    assert (suggestion.gain, suggestion.total_after) == (1, 120)


@pytest.mark.parametrize(
    ("birth_date", "months", "said"),
    [
        # 44 on 2025-06-01, 45 on 2026-06-01 (the birthday, 15 July, still to come).
        (
            "1980-07-15",
            0,
            "再缴纳本市职工社保 12 个月（累计满 1 年，每满 1 年 +3 分；届时 45 周岁）",
        ),
        # 45 on 2025-06-01, 46 on 2026-06-01 (15 May has passed).
        (
            "1980-05-15",
            0,
            "再缴纳本市职工社保 12 个月（累计满 1 年，每满 1 年 +3 分；届时 46 周岁）",
        ),
        # 7 months on is 2026-01-01: 45.
        (
            "1980-07-15",
            5,
            "再缴纳本市职工社保 7 个月（累计满 1 年，每满 1 年 +3 分；届时 45 周岁）",
        ),
    ],
)
def test_the_age_by_then_follows_the_calendar(
    score, birth_date: str, months: int, said: str
) -> None:
    result = score(birth_date=birth_date, education="college", social_insurance_months=months)
    assert _find(result, "再缴纳本市职工社保").change == said


def test_a_fresh_graduates_points_count_for_less_than_a_year_ahead(score) -> None:
    # 119 now: age 44 (29), bachelor 60, fresh graduate 10, 5 years of marriage 20, 5 months.
    # In 7 months, still a fresh graduate: 12 months of insurance (+3) give 122.
    soon = score(
        age=44,
        education="bachelor",
        fresh_graduate=True,
        spouse_hukou_years=5,
        social_insurance_months=5,
    )
    assert (_find(soon, "再缴纳").months, _find(soon, "再缴纳").total_after) == (7, 122)
    # 119 now: age 30 (30), bachelor 60, fresh graduate 10, 4 years of marriage 16, 1 year 3.
    # In 12 months no longer a fresh graduate (30 + 60 + 16 = 106 + 6): 120 only with 5 full
    # years (15), 48 months on: 121.
    later = score(
        age=30,
        education="bachelor",
        fresh_graduate=True,
        spouse_hukou_years=4,
        social_insurance_months=12,
    )
    assert (_find(later, "再缴纳").months, _find(later, "再缴纳").total_after) == (48, 121)


def test_without_an_age_insurance_is_looked_at_for_43_years_at_most(edition: Edition) -> None:
    # No age: the window 18-60 holds 43 years of insurance at most. Skill level 4 (30) and a
    # detention (-50) with 3 years of marriage (12) make -8: 43 full years (129) give 121,
    # 42 give 118. With 2 years of marriage (8), 43 years give 117: nothing is found.
    fields = {"title": "skill_4", "detention_count": 1}
    reached = Profile.from_json({**fields, "spouse_hukou_years": 3})
    assert months_to_standard_by_insurance(reached, edition, AS_OF) == 43 * 12
    missed = Profile.from_json({**fields, "spouse_hukou_years": 2})
    assert months_to_standard_by_insurance(missed, edition, AS_OF) is None


def test_a_profile_with_a_birth_date_and_no_date_is_refused_in_one_line(edition) -> None:
    with pytest.raises(ProfileError) as refused:
        months_to_standard_by_insurance(Profile(birth_date=date(1990, 1, 1)), edition)
    assert str(refused.value) == "as_of: needed to compute the age from birth_date"
