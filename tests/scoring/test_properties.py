"""Properties that must hold for every valid profile."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from scoring.calculator import calculate
from scoring.consistency import check
from scoring.policy import edition_in_force
from scoring.profile import AWARDS, BASE_TIERS, EDUCATIONS, TITLES, Profile, ProfileError

AS_OF = date(2025, 6, 1)
EDITION = edition_in_force(AS_OF)

_FIELDS = {
    "age": st.integers(0, 130),
    "education": st.sampled_from(EDUCATIONS),
    "title": st.sampled_from(TITLES),
    "title_matches_job": st.booleans(),
    "base_1x_6_of_last_12": st.booleans(),
    "social_insurance_months": st.integers(0, 1200),
    "insurance_base_tier": st.sampled_from(BASE_TIERS),
    "shortage_major": st.booleans(),
    "investment_tax_yuan": st.floats(0, 1e8, allow_nan=False),
    "local_hires": st.integers(0, 2000),
    "public_service_years": st.integers(0, 100),
    "remote_area_years": st.integers(0, 100),
    "fresh_graduate": st.booleans(),
    "award": st.sampled_from(AWARDS),
    "spouse_hukou_years": st.integers(0, 100),
    "entrepreneur_talent": st.booleans(),
    "false_material_count": st.integers(0, 3),
    "detention_count": st.integers(0, 3),
    "criminal_count": st.integers(0, 3),
    "family_planning_violation": st.booleans(),
    "serious_crime": st.booleans(),
}
profiles_json = st.fixed_dictionaries({}, optional=_FIELDS)
profiles = profiles_json.map(Profile.from_json)


def _possible(data: dict) -> bool:
    try:
        check(data, EDITION, AS_OF)
    except ProfileError:
        return False
    return True


possible_profiles_json = profiles_json.filter(_possible)


@given(profiles)
def test_total_is_never_negative(profile: Profile) -> None:
    assert calculate(profile, EDITION, AS_OF).total >= 0


@given(profiles, st.integers(0, 600))
def test_total_never_decreases_when_social_insurance_months_grow(
    profile: Profile, more: int
) -> None:
    before = calculate(profile, EDITION, AS_OF).total
    grown = replace(profile, social_insurance_months=profile.social_insurance_months + more)
    assert calculate(grown, EDITION, AS_OF).total >= before


@given(profiles, st.sampled_from(["family_planning_violation", "serious_crime"]))
def test_a_veto_never_reaches_the_standard(profile: Profile, veto: str) -> None:
    if veto == "serious_crime":
        profile = replace(profile, serious_crime=True)
    else:
        profile = replace(profile, family_planning_violation=True)
    score = calculate(profile, EDITION, AS_OF)
    assert score.vetoed and not score.reaches_standard and not score.eligible
    assert score.suggestions == () and score.next_steps == ()


@given(profiles)
def test_suggestions_only_below_the_standard_and_each_adds_up(profile: Profile) -> None:
    score = calculate(profile, EDITION, AS_OF)
    if score.reaches_standard:
        assert score.suggestions == ()
    for suggestion in score.suggestions:
        assert suggestion.gain > 0
        assert suggestion.total_after == score.total + suggestion.gain


@given(profiles)
def test_items_sum_to_the_total_unless_deductions_floor_it(profile: Profile) -> None:
    score = calculate(profile, EDITION, AS_OF)
    assert score.total == max(0, sum(item.points for item in score.items))
    assert score.gap == max(0, 120 - score.total)


@settings(max_examples=5, deadline=None)
@given(possible_profiles_json)
def test_jifen_score_json_parses_and_matches_the_python_api(jifen, data: dict) -> None:
    result = jifen("-", "--json", "--as-of", AS_OF.isoformat(), stdin=json.dumps(data))
    assert result.returncode == 0, result.stderr
    expected = calculate(Profile.from_json(data), EDITION, AS_OF).to_json()
    assert json.loads(result.stdout) == expected
