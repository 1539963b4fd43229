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
