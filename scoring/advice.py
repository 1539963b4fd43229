"""What someone below the standard can change to reach it, soonest first."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from scoring.policy import Edition
from scoring.profile import (
    BASE_TIERS,
    Education,
    Profile,
    ProfileError,
    Title,
    full_years_between,
)
from scoring.rules import (
    EDUCATION_NAMES,
    TIER_KEYS,
    TIER_NAMES,
    TITLE_NAMES,
    TITLES_NEEDING_BASE,
    Assessment,
    age_window,
    assess,
    base_tier_window,
    education_points,
    title_points,
    too_old,
)

__all__ = ["Suggestion", "months_to_standard_by_insurance", "suggest"]

# Time-based steps are looked at no further ahead than this many years.
_YEARS_AHEAD = 10
_TITLE_LADDER: tuple[Title, ...] = ("skill_3", "title_intermediate", "title_senior")
_EDUCATION_LADDER: tuple[Education, ...] = ("bachelor_degree", "master")


@dataclass(frozen=True)
class Suggestion:
    change: str
    change_en: str
    gain: int
    total_after: int
    months: int | None


def months_to_standard_by_insurance(
    profile: Profile, edition: Edition, as_of: date | None = None
) -> int | None:
    """Months of further social insurance after which, all else equal but the person's age,
    the total reaches the standard; None if it never does while they may still apply."""
    when = as_of or profile.as_of
    if when is None:
        if profile.birth_date is not None:
            raise ProfileError("as_of", "needed to compute the age from birth_date")
        when = edition.effective_from
    now = assess(profile, edition, when)
    if now.reaches_standard and now.eligible:
        return 0
    if now.vetoed:
        return None
    low, high = age_window(edition)
    horizon = 12 * (high - low + 1)
    months = 12 - profile.social_insurance_months % 12
    while months <= horizon:
        later = _later(profile, edition, when, months)
        if later.age is not None and too_old(edition, later.age):
            return None
        if later.reaches_standard and later.eligible:
            return months
        months += 12
    return None


def suggest(
    profile: Profile, edition: Edition, as_of: date, now: Assessment
) -> tuple[Suggestion, ...]:
    """Changes that reach the standard (or the biggest steps towards it), soonest first."""
    if now.reaches_standard or not now.eligible:
        return ()
    found = [
        *_insurance_months(profile, edition, as_of, now),
        *_base_tier(profile, edition, as_of, now),
        *_title(profile, edition, as_of, now),
        *_education(profile, edition, as_of, now),
        *_more_years(profile, edition, as_of, now),
    ]
    useful = [s for s in found if s.gain > 0 and _in_time(profile, edition, as_of, s)]
    # Soonest first (those without a time last), then the biggest gain (those reaching the
    # standard gain more than those that do not). Two `months` compared are both None or both
    # numbers.
    return tuple(sorted(useful, key=lambda s: (s.months is None, s.months, -s.gain)))


def _later(profile: Profile, edition: Edition, as_of: date, months: int) -> Assessment:
    """The assessment `months` from now, having paid social insurance all along."""
    later = replace(
        _by_then(profile, months),
        age=_age_after(profile, as_of, months),
        social_insurance_months=profile.social_insurance_months + months,
    )
    return assess(later, edition, _add_months(as_of, months))


def _by_then(profile: Profile, months: int) -> Profile:
    """The profile once `months` have passed: a fresh graduate is one no longer after a year."""
    if profile.fresh_graduate and months >= 12:
        return replace(profile, fresh_graduate=False)
    return profile


def _age_after(profile: Profile, as_of: date, months: int) -> int | None:
    """Age `months` from now; with only `age` known, as if the birthday were today."""
    if profile.birth_date is not None:
        return full_years_between(profile.birth_date, _add_months(as_of, months))
    return None if profile.age is None else profile.age + months // 12


def _insurance_months(
    profile: Profile, edition: Edition, as_of: date, now: Assessment
) -> Iterable[Suggestion]:
    months = months_to_standard_by_insurance(profile, edition, as_of)
    if months is None:
        months = 12 - profile.social_insurance_months % 12
    after = _later(profile, edition, as_of, months)
    if not after.eligible:
        return
    years = (profile.social_insurance_months + months) // 12
    per_year = edition.int_value("social_insurance.points_per_year")
    aged = aged_en = ""
    if after.age is not None and now.age is not None and after.age != now.age:
        aged, aged_en = f"；届时 {after.age} 周岁", f"; by then aged {after.age}"
    yield Suggestion(
        f"再缴纳本市职工社保 {months} 个月（累计满 {years} 年，每满 1 年 +{per_year} 分{aged}）",
        f"Keep paying Shanghai social insurance {months} more months "
        f"({years} full years, +{per_year} per full year{aged_en})",
        after.total - now.total,
        after.total,
        months,
    )


def _base_tier(
    profile: Profile, edition: Edition, as_of: date, now: Assessment
) -> Iterable[Suggestion]:
    tiers = BASE_TIERS[BASE_TIERS.index(profile.insurance_base_tier) + 1 :]
    options = []
    for tier in tiers:
        zh, en = TIER_NAMES[tier]
        points = edition.int_value(f"insurance_base.{TIER_KEYS[tier]}")
        window, need = base_tier_window(edition, tier)
        changed = replace(_by_then(profile, need), insurance_base_tier=tier)
        after = assess(changed, edition, as_of)
        options.append(
            Suggestion(
                f"社保缴费基数不低于社平工资 {zh}，近 {window} 个月内累计满 {need} 个月"
                f"（基数加分 {points} 分）",
                f"Social-insurance base at least {en} the average wage for {need} of {window} "
                f"months (base points {points})",
                after.total - now.total,
                after.total,
                need,
            )
        )
    in_time = [s for s in options if _in_time(profile, edition, as_of, s)]
    yield from _cheapest_reaching(in_time, now.standard)


def _title(
    profile: Profile, edition: Edition, as_of: date, now: Assessment
) -> Iterable[Suggestion]:
    current, why_zero = title_points(edition, profile)
    months = edition.int_value("title.base_condition_months")
    window = edition.int_value("title.base_condition_window_months")
    if why_zero and profile.title in TITLES_NEEDING_BASE and profile.title_matches_job:
        after = assess(replace(profile, base_1x_6_of_last_12=True), edition, as_of)
        zh, en = TITLE_NAMES[profile.title]
        yield Suggestion(
            f"近 {window} 个月内有 {months} 个月社保基数不低于社平工资 1 倍，{zh}即可计分",
            f"Pay a base of at least 1x the average wage for {months} of {window} months, "
            f"so your {en} counts",
            after.total - now.total,
            after.total,
            months,
        )
    elif why_zero:
        after = assess(replace(profile, title_matches_job=True), edition, as_of)
        zh, en = TITLE_NAMES[profile.title]
        yield Suggestion(
            f"从事与{zh}对口的工作，职称/技能即可计分",
            f"Work in a job matching your {en}, so it counts",
            after.total - now.total,
            after.total,
            None,
        )
    counted = max(current, education_points(edition, profile.education))
    options = []
    for title in _TITLE_LADDER:
        points = edition.int_value(f"title.{title}")
        if points <= counted or title == profile.title:
            continue
        changed = replace(profile, title=title, title_matches_job=True, base_1x_6_of_last_12=True)
        after = assess(changed, edition, as_of)
        zh, en = TITLE_NAMES[title]
        base_zh = base_en = ""
        if title in TITLES_NEEDING_BASE and not profile.base_1x_6_of_last_12:
            base_zh = f"，且近 {window} 个月有 {months} 个月社保基数不低于 1 倍社平"
            base_en = f", with a base >= 1x for {months} of the last {window} months"
        options.append(
            Suggestion(
                f"取得与工作对口的{zh}{base_zh}（按 {points} 分计，替代现在的 {counted} 分）",
                f"Obtain a title/skill matching your job, {en}{base_en} "
                f"({points} instead of {counted})",
                after.total - now.total,
                after.total,
                None,
            )
        )
    yield from _cheapest_reaching(options, now.standard)


def _education(
    profile: Profile, edition: Edition, as_of: date, now: Assessment
) -> Iterable[Suggestion]:
    counted = max(title_points(edition, profile)[0], education_points(edition, profile.education))
    options = []
    for education in _EDUCATION_LADDER:
        points = education_points(edition, education)
        if points <= counted:
            continue
        after = assess(replace(profile, education=education), edition, as_of)
        zh, en = EDUCATION_NAMES[education]
        options.append(
            Suggestion(
                f"取得国家承认的{zh}学历（按 {points} 分计，替代现在的 {counted} 分）",
                f"Obtain a recognised {en} ({points} instead of {counted})",
                after.total - now.total,
                after.total,
                None,
            )
        )
    yield from _cheapest_reaching(options, now.standard)


def _more_years(
    profile: Profile, edition: Edition, as_of: date, now: Assessment
) -> Iterable[Suggestion]:
    rows = (
        ("spouse_hukou_years", "与沪籍配偶婚姻", "of marriage to a Shanghai-hukou spouse"),
        ("remote_area_years", "在临港新片区工作", "working in Lingang"),
        ("public_service_years", "在环卫等特定公共服务领域工作", "in sanitation public service"),
    )
    for field, zh, en in rows:
        years = getattr(profile, field)
        if not years:
            continue
        options = []
        for extra in range(1, _YEARS_AHEAD + 1):
            changed = replace(_by_then(profile, 12 * extra), **{field: years + extra})
            after = assess(changed, edition, as_of)
            options.append(
                Suggestion(
                    f"{zh}再满 {extra} 年（共 {years + extra} 年）",
                    f"{extra} more years {en} ({years + extra} in all)",
                    after.total - now.total,
                    after.total,
                    12 * extra,
                )
            )
        in_time = [s for s in options if _in_time(profile, edition, as_of, s)]
        reaching = [s for s in in_time if s.total_after >= now.standard]
        first_gain = [s for s in in_time if s.gain > 0]
        if reaching or first_gain:
            yield (reaching or first_gain)[0]


def _in_time(profile: Profile, edition: Edition, as_of: date, suggestion: Suggestion) -> bool:
    """Whether the person is still young enough to apply once the change has happened."""
    if suggestion.months is None:
        return True
    age = _age_after(profile, as_of, suggestion.months)
    return age is None or not too_old(edition, age)


def _cheapest_reaching(options: list[Suggestion], standard: int) -> list[Suggestion]:
    """The first option reaching the standard, else the biggest step."""
    for option in options:
        if option.total_after >= standard:
            return [option]
    return [max(options, key=lambda s: s.gain)] if options else []


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
