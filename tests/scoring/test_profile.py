"""Profile validation: every bad input names its field and what it accepts."""

from __future__ import annotations

from datetime import date

import pytest

from scoring.profile import Profile, ProfileError


@pytest.mark.parametrize(
    ("data", "field", "accepts"),
    [
        ({"salary": 1}, "salary", "unknown field"),
        ({"age": "35"}, "age", "integer"),
        ({"age": True}, "age", "integer"),
        ({"age": 35.0}, "age", "integer"),
        ({"age": 300}, "age", "0-130"),
        ({"social_insurance_months": -4}, "social_insurance_months", "integer"),
        ({"social_insurance_months": 1.5}, "social_insurance_months", "integer"),
        ({"education": "phd"}, "education", "bachelor_degree"),
        ({"title": "senior"}, "title", "title_senior"),
        ({"insurance_base_tier": "2"}, "insurance_base_tier", "2x"),
        ({"award": "nobel"}, "award", "national"),
        ({"shortage_major": "yes"}, "shortage_major", "true or false"),
        ({"fresh_graduate": 1}, "fresh_graduate", "true or false"),
        ({"investment_tax_yuan": -1}, "investment_tax_yuan", ">= 0"),
        ({"investment_tax_yuan": float("nan")}, "investment_tax_yuan", ">= 0"),
        ({"local_hires": "10"}, "local_hires", ">= 0"),
        ({"spouse_hukou_years": None}, "spouse_hukou_years", "integer"),
        ({"criminal_count": -1}, "criminal_count", "integer"),
        ({"as_of": "2025-02-30"}, "as_of", "YYYY-MM-DD"),
        ({"as_of": "2025-6-1"}, "as_of", "YYYY-MM-DD"),
        ({"birth_date": 19900101}, "birth_date", "YYYY-MM-DD"),
        ({"as_of": "2025-06-01", "age": 30, "birth_date": "1990-06-02"}, "age", "birth_date"),
        ({"as_of": "2025-06-01", "birth_date": "2026-01-01"}, "birth_date", "after as_of"),
    ],
)
def test_bad_field_is_named_with_what_it_accepts(data: dict, field: str, accepts: str) -> None:
    with pytest.raises(ProfileError) as caught:
        Profile.from_json(data)
    assert caught.value.field == field
    message = str(caught.value)
    assert message.startswith(f"{field}: ") and accepts in message
    assert "\n" not in message


def test_a_json_array_is_not_a_profile() -> None:
    with pytest.raises(ProfileError, match=r"^profile: "):
        Profile.from_json([1, 2])  # type: ignore[arg-type]


def test_missing_fields_mean_not_applicable() -> None:
    assert Profile.from_json({}) == Profile()
    assert Profile().title_matches_job and Profile().base_1x_6_of_last_12


def test_null_is_accepted_for_the_optional_dates_and_age() -> None:
    assert Profile.from_json({"as_of": None, "age": None, "birth_date": None}) == Profile()


def test_age_and_birth_date_agreeing_is_fine() -> None:
    profile = Profile.from_json({"as_of": "2025-06-01", "age": 35, "birth_date": "1990-06-01"})
    assert profile.age_on(date(2025, 6, 1)) == 35


def test_age_on_counts_full_years_from_birth_date() -> None:
    profile = Profile(birth_date=date(1990, 6, 2))
    assert profile.age_on(date(2025, 6, 1)) == 34
    assert profile.age_on(date(2025, 6, 2)) == 35


def test_age_and_birth_date_disagreeing_on_another_day_is_an_error() -> None:
    profile = Profile.from_json({"age": 35, "birth_date": "1990-06-01"})
    with pytest.raises(ProfileError, match=r"^age: 35 disagrees"):
        profile.age_on(date(2026, 6, 1))


def test_to_json_keeps_only_what_differs_from_the_defaults_and_round_trips() -> None:
    data = {
        "as_of": "2025-06-01",
        "birth_date": "1990-01-31",
        "education": "master",
        "title_matches_job": False,
        "investment_tax_yuan": 250000.5,
    }
    profile = Profile.from_json(data)
    assert profile.to_json() == data
    assert Profile.from_json(profile.to_json()) == profile


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (
            {"education": "phd"},
            "education: accepts one of none, college, bachelor, bachelor_degree, master, doctor,"
            " got 'phd'",
        ),
        (
            {"award": 3},
            "award: accepts one of none, city_specific, city_comprehensive, national, got 3",
        ),
        (
            {"insurance_base_tier": "2X"},
            "insurance_base_tier: accepts one of none, 0.8x, 1x, 2x, 3x, got '2X'",
        ),
    ],
)
def test_a_choice_outside_the_list_is_refused_with_the_whole_list(data: dict, line: str) -> None:
    with pytest.raises(ProfileError) as caught:
        Profile.from_json(data)
    assert str(caught.value) == line


def test_what_is_no_profile_or_no_field_of_one_is_said_in_one_line() -> None:
    with pytest.raises(ProfileError) as not_a_profile:
        Profile.from_json([1, 2])  # type: ignore[arg-type]
    assert str(not_a_profile.value) == "profile: must be a JSON object of profile fields"
    with pytest.raises(ProfileError) as unknown:
        Profile.from_json({"salary": 9000})
    line = str(unknown.value)
    assert line.startswith("salary: unknown field; accepted fields: as_of, age, birth_date, ")
    assert line.endswith(", family_planning_violation, serious_crime")


def test_born_on_the_day_asked_about_is_0_years_old() -> None:
    assert Profile(birth_date=date(2025, 6, 1)).age_on(date(2025, 6, 1)) == 0
