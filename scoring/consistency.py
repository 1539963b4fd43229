"""Which answers can be true together: the one place that knows it.

A rule ties a *claim* (a field the user asserted) to the *basis* it depends on: a base tier
needs its months of social insurance, a fresh graduate an education, years of public service
years of insured work. A claim is checked only when it was given; a basis that was not given
takes its Profile default (a missing field means "none"), except the age, which is then
unknown and checks nothing.

`jifen score` refuses a profile with a conflict (`check`); the dialog offers and accepts only
the values `conflict` lets through, judged against the answers asked before.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from datetime import date

from scoring.policy import Edition
from scoring.profile import Profile, ProfileError
from scoring.rules import base_tier_window
from scoring.wording import Reason, render

__all__ = ["RULES", "Conflict", "check", "conflict"]

_PROFILE_FIELDS = frozenset(f.name for f in fields(Profile))
_AGE_FIELDS = ("age", "birth_date")


@dataclass(frozen=True)
class Conflict:
    field: str
    value: object
    other: str
    other_value: object
    reason: Reason

    @property
    def zh(self) -> str:
        return render(self.reason, "zh")

    @property
    def en(self) -> str:
        return render(self.reason, "en")

    @property
    def message(self) -> str:
        """What `jifen score` says after the field's name: the other field, and why."""
        value, other = _json(self.value), _json(self.other_value)
        return f"{value} conflicts with {self.other} {other}: {self.en}"


# A rule: (its claim field, profile, edition, age or None) -> why it cannot be, or None.
# Plain functions (no factories), so that every rule runs, and can be mutated, at check time.
Check = Callable[[str, Profile, Edition, int | None], Reason | None]


@dataclass(frozen=True)
class Rule:
    claim: str
    basis: str
    broken: Check


def _tier_needs_months(_f: str, p: Profile, edition: Edition, _age: int | None) -> Reason | None:
    if p.insurance_base_tier == "none":
        return None
    window, need = base_tier_window(edition, p.insurance_base_tier)
    if p.social_insurance_months >= need:
        return None
    months = p.social_insurance_months
    tier = p.insurance_base_tier
    return Reason("tier-needs-months", tier=tier, need=need, window=window, months=months)


_EDUCATION_REASONS = {
    "shortage_major": "shortage-needs-education",
    "fresh_graduate": "graduate-needs-education",
}


def _needs_education(field: str, p: Profile, _edition: Edition, _age: int | None) -> Reason | None:
    return (
        Reason(_EDUCATION_REASONS[field]) if getattr(p, field) and p.education == "none" else None
    )


def _years_within_insurance(
    field: str, p: Profile, _edition: Edition, _age: int | None
) -> Reason | None:
    years, insured = getattr(p, field), p.social_insurance_months // 12
    if years <= insured:
        return None
    return Reason("years-exceed-insurance", work=field, years=years, insured=insured)


def _months_within_working_life(
    _f: str, p: Profile, edition: Edition, age: int | None
) -> Reason | None:
    start = edition.int_value("plausibility.min_working_age")
    if age is None or p.social_insurance_months <= 12 * max(0, age - start):
        return None
    return Reason("months-exceed-age", age=age, most=12 * max(0, age - start), start=start)


def _marriage_within_age(_f: str, p: Profile, edition: Edition, age: int | None) -> Reason | None:
    start = edition.int_value("plausibility.min_marriage_age")
    if age is None or p.spouse_hukou_years <= max(0, age - start):
        return None
    return Reason("marriage-exceeds-age", age=age, most=max(0, age - start), start=start)


def _match_needs_title(_f: str, p: Profile, _edition: Edition, _age: int | None) -> Reason | None:
    return Reason("match-needs-title") if not p.title_matches_job and p.title == "none" else None


def _base_1x_needs_months(_f: str, p: Profile, edition: Edition, _age: int | None) -> Reason | None:
    need = edition.int_value("title.base_condition_months")
    if not p.base_1x_6_of_last_12 or p.social_insurance_months >= need:
        return None
    window = edition.int_value("title.base_condition_window_months")
    return Reason(
        "base-1x-needs-months", need=need, window=window, months=p.social_insurance_months
    )


RULES = (
    Rule("social_insurance_months", "age", _months_within_working_life),
    Rule("title_matches_job", "title", _match_needs_title),
    Rule("base_1x_6_of_last_12", "social_insurance_months", _base_1x_needs_months),
    Rule("insurance_base_tier", "social_insurance_months", _tier_needs_months),
    Rule("shortage_major", "education", _needs_education),
    Rule("fresh_graduate", "education", _needs_education),
    Rule("public_service_years", "social_insurance_months", _years_within_insurance),
    Rule("remote_area_years", "social_insurance_months", _years_within_insurance),
    Rule("spouse_hukou_years", "age", _marriage_within_age),
)


def conflict(
    field: str,
    value: object,
    given: Mapping[str, object],
    edition: Edition,
    as_of: date | None = None,
) -> Conflict | None:
    """Why `field` cannot be `value` next to the answers in `given` (None when it can).

    Only rules between `field` and a field in `given` are checked (what was not asked yet
    rules nothing out). `given` holds JSON values of Profile fields; other keys are ignored.
    `as_of` is needed only to turn a `birth_date` into an age."""
    answers = {k: v for k, v in given.items() if k in _PROFILE_FIELDS and k != field}
    answers[field] = value
    concerned = [
        rule
        for rule in _RULES_OF.get(field, ())
        if (field == rule.claim and any(f in answers for f in _basis_fields(rule)))
        or (field in _basis_fields(rule) and rule.claim in answers)
    ]
    if not concerned:  # most calls (the dialog asks this for every choice it offers)
        return None
    profile = Profile.from_json(answers)
    age = _age(profile, as_of)
    for rule in concerned:
        reason = rule.broken(rule.claim, profile, edition, age)
        if reason is not None:
            return _conflict(rule, answers, reason)
    return None


def check(answers: Mapping[str, object], edition: Edition, as_of: date) -> None:
    """Raise ProfileError (one line naming both fields) if the given answers cannot all hold."""
    profile = Profile.from_json(answers)
    age = _age(profile, as_of)
    for rule in RULES:
        if rule.claim in answers:
            reason = rule.broken(rule.claim, profile, edition, age)
            if reason is not None:
                found = _conflict(rule, answers, reason)
                raise ProfileError(found.field, found.message)


def _basis_fields(rule: Rule) -> tuple[str, ...]:
    return _AGE_FIELDS if rule.basis == "age" else (rule.basis,)


# field -> the rules it is the claim or a basis of
_RULES_OF = {
    field: tuple(r for r in RULES if field == r.claim or field in _basis_fields(r))
    for field in _PROFILE_FIELDS
}


def _conflict(rule: Rule, answers: Mapping[str, object], reason: Reason) -> Conflict:
    other = next((f for f in _basis_fields(rule) if f in answers), rule.basis)
    default = getattr(Profile(), other)
    return Conflict(rule.claim, answers[rule.claim], other, answers.get(other, default), reason)


def _age(profile: Profile, as_of: date | None) -> int | None:
    if as_of is not None:
        return profile.age_on(as_of)
    return profile.age


def _json(value: object) -> str:
    return json.dumps(value)  # the values of the checked fields are all ASCII
