"""The points rules: one function per indicator, numbers from the edition in force.

A rule gives its points and a `Reason` (a key and the values it used); scoring.wording puts
the reason into words, so no sentence is written here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from scoring.policy import Edition
from scoring.profile import BaseTier, Education, Profile, Title
from scoring.wording import (
    AWARD_NAMES,
    EDUCATION_NAMES,
    INDICATOR_NAMES,
    TIER_NAMES,
    TITLE_NAMES,
    Reason,
    render,
)

__all__ = [
    "AWARD_NAMES",
    "EDUCATION_NAMES",
    "INDICATOR_NAMES",
    "TIER_KEYS",
    "TIER_NAMES",
    "TITLES_NEEDING_BASE",
    "TITLE_NAMES",
    "Assessment",
    "Item",
    "age_points",
    "age_window",
    "assess",
    "base_tier_window",
    "education_points",
    "in_age_window",
    "title_points",
    "too_old",
]

TIER_KEYS = {"0.8x": "tier_0_8x", "1x": "tier_1x", "2x": "tier_2x", "3x": "tier_3x"}
TITLES_NEEDING_BASE = frozenset({"skill_2", "skill_1", "title_intermediate", "title_senior"})


@dataclass(frozen=True)
class Item:
    indicator: str
    points: int
    reason: Reason

    @property
    def note(self) -> str:
        return render(self.reason, "zh")

    @property
    def note_en(self) -> str:
        return render(self.reason, "en")


@dataclass(frozen=True)
class Assessment:
    items: tuple[Item, ...]
    total: int
    standard: int
    vetoed: bool
    why_not_eligible: tuple[Reason, ...]
    age: int | None

    @property
    def eligible(self) -> bool:
        return not self.why_not_eligible

    @property
    def reasons(self) -> tuple[str, ...]:
        return tuple(render(reason, "zh") for reason in self.why_not_eligible)

    @property
    def reasons_en(self) -> tuple[str, ...]:
        return tuple(render(reason, "en") for reason in self.why_not_eligible)

    @property
    def reaches_standard(self) -> bool:
        return not self.vetoed and self.total >= self.standard


def age_window(edition: Edition) -> tuple[int, int]:
    """The youngest and the oldest age that may apply: the one place the window is read."""
    return edition.int_value("age.min_age"), edition.int_value("age.max_age")


def in_age_window(edition: Edition, age: int) -> bool:
    low, high = age_window(edition)
    return low <= age <= high


def too_old(edition: Edition, age: int) -> bool:
    """Past the window: waiting cannot help any more (being too young passes)."""
    return age > age_window(edition)[1]


def age_points(edition: Edition, age: int) -> int:
    """Points of an age inside the window (the caller checks it): the floor, plus so many
    per year younger than the floor age, up to the maximum."""
    v = edition.int_value
    years_younger = max(0, v("age.floor_from_age") - age)
    return min(
        v("age.max_points"), v("age.floor_points") + v("age.points_per_year") * years_younger
    )


def base_tier_window(edition: Edition, tier: BaseTier) -> tuple[int, int]:
    """(window, required): a tier is met with `required` months at that base in the last
    `window` months."""
    prefix = "insurance_base.tier_3x_" if tier == "3x" else "insurance_base."
    return edition.int_value(f"{prefix}window_months"), edition.int_value(
        f"{prefix}required_months"
    )


def education_points(edition: Edition, education: Education) -> int:
    return 0 if education == "none" else edition.int_value(f"education.{education}")


def title_points(edition: Edition, profile: Profile) -> tuple[int, Reason | None]:
    """Points of the title or skill level, and why they are zero when a title counts 0."""
    title: Title = profile.title
    if title == "none":
        return 0, None
    if not profile.title_matches_job:
        return 0, Reason("title-mismatch", title=title)
    if title in TITLES_NEEDING_BASE and not profile.base_1x_6_of_last_12:
        months = edition.int_value("title.base_condition_months")
        window = edition.int_value("title.base_condition_window_months")
        return 0, Reason("title-base-missing", title=title, months=months, window=window)
    return edition.int_value(f"title.{title}"), None


def assess(profile: Profile, edition: Edition, as_of: date) -> Assessment:
    age = profile.age_on(as_of)
    items = (
        _age_item(edition, age),
        _education_or_title_item(edition, profile),
        _insurance_years_item(edition, profile),
        *_bonus_items(edition, profile),
        *_deduction_items(edition, profile),
    )
    why_not: list[Reason] = []
    if age is not None and not in_age_window(edition, age):
        low, high = age_window(edition)
        why_not.append(Reason("age-window", age=age, low=low, high=high))
    vetoes = _vetoes(edition, profile)
    return Assessment(
        items=items,
        total=max(0, sum(item.points for item in items)),
        standard=edition.int_value("standard"),
        vetoed=bool(vetoes),
        why_not_eligible=(*why_not, *vetoes),
        age=age,
    )


def _age_item(edition: Edition, age: int | None) -> Item:
    if age is None:
        return Item("age", 0, Reason("age-not-given"))
    if not in_age_window(edition, age):
        low, high = age_window(edition)
        return Item("age", 0, Reason("age-outside", age=age, low=low, high=high))
    return Item("age", age_points(edition, age), Reason("age", age=age))


def _education_or_title_item(edition: Edition, profile: Profile) -> Item:
    edu = education_points(edition, profile.education)
    title, why_zero = title_points(edition, profile)
    has_edu, has_title = profile.education != "none", profile.title != "none"
    edu_part = Reason("education-part", education=profile.education, points=edu)
    title_part = why_zero or Reason("title-part", title=profile.title, points=title)
    if has_edu and has_title and why_zero:
        reason = Reason("education-and-title-zero", education=edu_part, title=title_part)
    elif has_edu and has_title:
        key = "title-counted" if title > edu else "education-counted"
        reason = Reason(key, education=edu_part, title=title_part)
    elif has_title:
        reason = title_part
    elif has_edu:
        reason = edu_part
    else:
        reason = Reason("no-education-or-title")
    return Item("education_or_title", max(edu, title), reason)


def _insurance_years_item(edition: Edition, profile: Profile) -> Item:
    months = profile.social_insurance_months
    years, per_year = months // 12, edition.int_value("social_insurance.points_per_year")
    reason = Reason("insurance-years", years=years, months=months, per_year=per_year)
    return Item("social_insurance_years", years * per_year, reason)


def _bonus_items(edition: Edition, profile: Profile) -> list[Item]:
    v = edition.int_value
    items: list[Item] = []
    if profile.shortage_major:
        if profile.education == "none":
            items.append(Item("shortage_major", 0, Reason("shortage-without-education")))
        else:
            items.append(Item("shortage_major", v("shortage_major.points"), Reason("shortage")))
    if profile.investment_tax_yuan or profile.local_hires:
        items.append(_investment_item(edition, profile))
    if profile.insurance_base_tier != "none":
        tier = profile.insurance_base_tier
        window, need = base_tier_window(edition, tier)
        reason = Reason("base-tier", tier=tier, window=window, need=need)
        items.append(Item("insurance_base", v(f"insurance_base.{TIER_KEYS[tier]}"), reason))
    if profile.public_service_years:
        items.append(_years_item(edition, "public_service", profile.public_service_years))
    if profile.remote_area_years:
        items.append(_years_item(edition, "remote_area", profile.remote_area_years))
    if profile.fresh_graduate:
        items.append(Item("fresh_graduate", v("fresh_graduate.points"), Reason("fresh-graduate")))
    if profile.award != "none":
        award = profile.award
        items.append(Item("award", v(f"award.{award}"), Reason("award", award=award)))
    if profile.spouse_hukou_years:
        years = profile.spouse_hukou_years
        per_year, cap = v("spouse_hukou.points_per_year"), v("spouse_hukou.max_points")
        reason = Reason("spouse-years", years=years, per_year=per_year, cap=cap)
        items.append(Item("spouse_hukou", min(cap, years * per_year), reason))
    if profile.entrepreneur_talent:
        points = v("entrepreneur_talent.points")
        items.append(Item("entrepreneur_talent", points, Reason("entrepreneur-talent")))
    return items


def _investment_item(edition: Edition, profile: Profile) -> Item:
    v = edition.int_value
    per_unit, cap = v("investment.points_per_unit"), v("investment.max_points")
    by_tax = int(profile.investment_tax_yuan // v("investment.tax_yuan_per_unit")) * per_unit
    by_hires = int(profile.local_hires // v("investment.hires_per_unit")) * per_unit
    if by_tax >= by_hires:
        reason = Reason("investment-tax", amount=profile.investment_tax_yuan, cap=cap)
    else:
        reason = Reason("investment-hires", amount=profile.local_hires, cap=cap)
    return Item("investment_or_hires", min(cap, max(by_tax, by_hires)), reason)


def _years_item(edition: Edition, indicator: str, years: int) -> Item:
    """Public service and remote area: per full year, from a minimum, remote area capped."""
    min_years = edition.int_value(f"{indicator}.min_years")
    if years < min_years:
        return Item(indicator, 0, Reason("years-too-few", years=years, min_years=min_years))
    per_year = edition.int_value(f"{indicator}.points_per_year")
    cap_key = f"{indicator}.max_points"
    if cap_key not in edition.entries_by_key:
        return Item(indicator, years * per_year, Reason("years", years=years, per_year=per_year))
    cap = edition.int_value(cap_key)
    reason = Reason("years-capped", years=years, per_year=per_year, cap=cap)
    return Item(indicator, min(cap, years * per_year), reason)


def _deduction_items(edition: Edition, profile: Profile) -> list[Item]:
    rows = (
        ("false_material", profile.false_material_count),
        ("detention", profile.detention_count),
        ("criminal", profile.criminal_count),
    )
    items = []
    for name, count in rows:
        if count:
            each = edition.int_value(f"deduction.{name}")
            window = edition.int_value(f"deduction.{name}_window_years")
            reason = Reason("deduction", count=count, each=each, window=window)
            items.append(Item(f"deduction_{name}", -each * count, reason))
    return items


def _vetoes(edition: Edition, profile: Profile) -> list[Reason]:
    vetoes = []
    if profile.family_planning_violation and edition.int_value("veto.family_planning"):
        vetoes.append(Reason("veto-family-planning"))
    if profile.serious_crime:
        years = edition.int_value("veto.serious_crime_min_sentence_years")
        vetoes.append(Reason("veto-serious-crime", years=years))
    return vetoes
