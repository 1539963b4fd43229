"""The points rules: one function per indicator, numbers from the edition in force."""

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
    "assess",
    "base_tier_window",
    "education_points",
    "title_points",
]

TIER_KEYS = {"0.8x": "tier_0_8x", "1x": "tier_1x", "2x": "tier_2x", "3x": "tier_3x"}
TITLES_NEEDING_BASE = frozenset({"skill_2", "skill_1", "title_intermediate", "title_senior"})


@dataclass(frozen=True)
class Item:
    indicator: str
    points: int
    note: str
    note_en: str


@dataclass(frozen=True)
class Assessment:
    items: tuple[Item, ...]
    total: int
    standard: int
    vetoed: bool
    eligible: bool
    reasons: tuple[str, ...]
    reasons_en: tuple[str, ...]
    age: int | None

    @property
    def reaches_standard(self) -> bool:
        return not self.vetoed and self.total >= self.standard


def age_points(edition: Edition, age: int) -> int:
    v = edition.int_value
    if not v("age.min_age") <= age <= v("age.max_age"):
        return 0
    if age >= v("age.floor_from_age"):
        return v("age.floor_points")
    extra = v("age.points_per_year") * (v("age.floor_from_age") - age)
    return min(v("age.max_points"), v("age.floor_points") + extra)


def base_tier_window(edition: Edition, tier: BaseTier) -> tuple[int, int]:
    """(window, required): a tier is met with `required` months at that base in the last
    `window` months."""
    prefix = "insurance_base.tier_3x_" if tier == "3x" else "insurance_base."
    return edition.int_value(f"{prefix}window_months"), edition.int_value(
        f"{prefix}required_months"
    )


def education_points(edition: Edition, education: Education) -> int:
    return 0 if education == "none" else edition.int_value(f"education.{education}")


def title_points(edition: Edition, profile: Profile) -> tuple[int, str, str]:
    """Points of the title or skill level, and why it is zero when it is."""
    title: Title = profile.title
    if title == "none":
        return 0, "", ""
    if not profile.title_matches_job:
        return 0, "与现岗位不对口，不计分", "does not match the current job, 0"
    if title in TITLES_NEEDING_BASE and not profile.base_1x_6_of_last_12:
        months = edition.int_value("title.base_condition_months")
        window = edition.int_value("title.base_condition_window_months")
        return (
            0,
            f"近 {window} 个月社保基数达 1 倍社平不足 {months} 个月，不计分",
            f"fewer than {months} of the last {window} months at a base >= 1x, 0",
        )
    return edition.int_value(f"title.{title}"), "", ""


def assess(profile: Profile, edition: Edition, as_of: date) -> Assessment:
    age = profile.age_on(as_of)
    items = (
        _age_item(edition, age),
        _education_or_title_item(edition, profile),
        _insurance_years_item(edition, profile),
        *_bonus_items(edition, profile),
        *_deduction_items(edition, profile),
    )
    reasons: list[tuple[str, str]] = []
    if age is not None and not (
        edition.int_value("age.min_age") <= age <= edition.int_value("age.max_age")
    ):
        low, high = edition.int_value("age.min_age"), edition.int_value("age.max_age")
        reasons.append(
            (
                f"{age} 周岁：申请年龄须在 {low}–{high} 周岁",
                f"age {age}: applicants must be {low}-{high}",
            )
        )
    vetoes = _vetoes(edition, profile)
    reasons.extend(vetoes)
    return Assessment(
        items=items,
        total=max(0, sum(item.points for item in items)),
        standard=edition.int_value("standard"),
        vetoed=bool(vetoes),
        eligible=not reasons,
        reasons=tuple(zh for zh, _ in reasons),
        reasons_en=tuple(en for _, en in reasons),
        age=age,
    )


def _age_item(edition: Edition, age: int | None) -> Item:
    if age is None:
        return Item("age", 0, "未提供年龄", "age not given")
    low, high = edition.int_value("age.min_age"), edition.int_value("age.max_age")
    if age < low or age > high:
        return Item(
            "age", 0, f"{age} 周岁：不在 {low}–{high} 周岁", f"age {age}: outside {low}-{high}"
        )
    return Item("age", age_points(edition, age), f"{age} 周岁", f"age {age}")


def _education_or_title_item(edition: Edition, profile: Profile) -> Item:
    edu = education_points(edition, profile.education)
    title, why_zero, why_zero_en = title_points(edition, profile)
    edu_zh, edu_en = EDUCATION_NAMES.get(profile.education, ("无学历分", "no education points"))
    title_zh, title_en = TITLE_NAMES.get(profile.title, ("", ""))
    edu_part = (f"{edu_zh} {edu} 分", f"{edu_en} {edu}") if profile.education != "none" else None
    if profile.title == "none":
        title_part = None
    elif why_zero:
        title_part = (f"{title_zh}{why_zero}", f"{title_en} {why_zero_en}")
    else:
        title_part = (f"{title_zh} {title} 分", f"{title_en} {title}")
    if title_part and edu_part and why_zero:
        zh, en = f"{edu_part[0]}；{title_part[0]}", f"{edu_part[1]}; {title_part[1]}"
    elif title_part and edu_part and title > edu:
        zh = f"按{title_part[0]}计（学历{edu_part[0]}，不叠加）"
        en = f"{title_part[1]} counted (education {edu_part[1]} does not add)"
    elif title_part and edu_part:
        zh = f"按{edu_part[0]}计（{title_part[0]}，不叠加）"
        en = f"{edu_part[1]} counted ({title_part[1]}, does not add)"
    elif title_part or edu_part:
        zh, en = title_part or edu_part or ("", "")
    else:
        zh, en = "无学历或职称/技能分", "no education or title points"
    return Item("education_or_title", max(edu, title), zh, en)


def _insurance_years_item(edition: Edition, profile: Profile) -> Item:
    months = profile.social_insurance_months
    years = months // 12
    per_year = edition.int_value("social_insurance.points_per_year")
    return Item(
        "social_insurance_years",
        years * per_year,
        f"满 {years} 年（{months} 个月）× {per_year}",
        f"{years} full years ({months} months) x {per_year}",
    )


def _bonus_items(edition: Edition, profile: Profile) -> list[Item]:
    v = edition.int_value
    items: list[Item] = []
    if profile.shortage_major:
        if profile.education == "none":
            items.append(Item("shortage_major", 0, "需大专及以上学历", "needs college or above"))
        else:
            items.append(
                Item("shortage_major", v("shortage_major.points"), "紧缺急需专业", "shortage major")
            )
    if profile.investment_tax_yuan or profile.local_hires:
        items.append(_investment_item(edition, profile))
    if profile.insurance_base_tier != "none":
        tier = profile.insurance_base_tier
        zh, en = TIER_NAMES[tier]
        window, need = base_tier_window(edition, tier)
        items.append(
            Item(
                "insurance_base",
                v(f"insurance_base.{TIER_KEYS[tier]}"),
                f"基数 {zh}社平，近 {window} 个月累计 {need} 个月",
                f"base {en} the average wage, {need} of the last {window} months",
            )
        )
    if profile.public_service_years:
        items.append(
            _years_item(
                edition,
                "public_service",
                profile.public_service_years,
                v("public_service.points_per_year"),
                None,
            )
        )
    if profile.remote_area_years:
        items.append(
            _years_item(
                edition,
                "remote_area",
                profile.remote_area_years,
                v("remote_area.points_per_year"),
                v("remote_area.max_points"),
            )
        )
    if profile.fresh_graduate:
        items.append(
            Item("fresh_graduate", v("fresh_graduate.points"), "全日制应届毕业生", "fresh graduate")
        )
    if profile.award != "none":
        zh, en = AWARD_NAMES[profile.award]
        items.append(Item("award", v(f"award.{profile.award}"), zh, en))
    if profile.spouse_hukou_years:
        years = profile.spouse_hukou_years
        per_year, cap = v("spouse_hukou.points_per_year"), v("spouse_hukou.max_points")
        items.append(
            Item(
                "spouse_hukou",
                min(cap, years * per_year),
                f"婚姻满 {years} 年 × {per_year}，最多 {cap}",
                f"{years} years of marriage x {per_year}, at most {cap}",
            )
        )
    if profile.entrepreneur_talent:
        items.append(
            Item(
                "entrepreneur_talent",
                v("entrepreneur_talent.points"),
                "符合创业人才或创新创业中介服务人才条件",
                "meets the entrepreneur or innovation-service talent conditions",
            )
        )
    return items


def _investment_item(edition: Edition, profile: Profile) -> Item:
    v = edition.int_value
    per_unit, cap = v("investment.points_per_unit"), v("investment.max_points")
    by_tax = int(profile.investment_tax_yuan // v("investment.tax_yuan_per_unit")) * per_unit
    by_hires = int(profile.local_hires // v("investment.hires_per_unit")) * per_unit
    if by_tax >= by_hires:
        zh = f"年均纳税 {profile.investment_tax_yuan:g} 元"
        en = f"average yearly tax {profile.investment_tax_yuan:g} yuan"
    else:
        zh = f"年均聘用本市户籍 {profile.local_hires:g} 人"
        en = f"{profile.local_hires:g} Shanghai-hukou employees a year"
    points = min(cap, max(by_tax, by_hires))
    return Item(
        "investment_or_hires",
        points,
        f"{zh}（二者取高，最多 {cap}）",
        f"{en} (higher of two, max {cap})",
    )


def _years_item(
    edition: Edition, indicator: str, years: int, per_year: int, cap: int | None
) -> Item:
    min_years = edition.int_value(f"{indicator}.min_years")
    if years < min_years:
        return Item(
            indicator,
            0,
            f"{years} 年，满 {min_years} 年才计分",
            f"{years} years; counts from {min_years}",
        )
    points = years * per_year if cap is None else min(cap, years * per_year)
    cap_zh, cap_en = ("", "") if cap is None else (f"，最多 {cap}", f", at most {cap}")
    return Item(
        indicator,
        points,
        f"满 {years} 年 × {per_year}{cap_zh}",
        f"{years} full years x {per_year}{cap_en}",
    )


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
            items.append(
                Item(
                    f"deduction_{name}",
                    -each * count,
                    f"近 {window} 年 {count} 次 × −{each}",
                    f"{count} in the last {window} years x -{each}",
                )
            )
    return items


def _vetoes(edition: Edition, profile: Profile) -> list[tuple[str, str]]:
    vetoes = []
    if profile.family_planning_violation and edition.int_value("veto.family_planning"):
        vetoes.append(
            (
                "有违反计划生育政策记录：一票否决，不能申请（近年是否仍执行，请以受理点告知为准）",
                "family-planning violation: a veto, cannot apply (whether this is still applied "
                "in recent years: the service centre will tell you)",
            )
        )
    if profile.serious_crime:
        years = edition.int_value("veto.serious_crime_min_sentence_years")
        vetoes.append(
            (
                f"有被判处 {years} 年以上有期徒刑的刑事犯罪记录：一票否决，不能申请",
                f"sentenced to {years}+ years in prison: a veto, cannot apply",
            )
        )
    return vetoes
