"""Every sentence scoring writes, in zh and en, in one place: the formulas and checks return
a `Reason` (a key and its values) and this module turns it into words.

A value whose name differs by language (a tier, an education, a title, an award, a kind of
work) is looked up in its table here when the sentence is rendered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from scoring.policy import Source

__all__ = [
    "AWARD_NAMES",
    "EDUCATION_NAMES",
    "INDICATOR_NAMES",
    "SENTENCES",
    "TIER_NAMES",
    "TITLE_NAMES",
    "Language",
    "Reason",
    "render",
    "sources_line",
]

Language = Literal["zh", "en"]

INDICATOR_NAMES: dict[str, tuple[str, str]] = {
    "age": ("年龄", "Age"),
    "education_or_title": ("教育背景或职称/技能（取高）", "Education or title/skill (higher)"),
    "social_insurance_years": ("社保缴费年限", "Years of social insurance"),
    "shortage_major": ("紧缺急需专业", "Shortage major"),
    "investment_or_hires": ("投资纳税或带动就业", "Investment & tax or local jobs"),
    "insurance_base": ("社保缴费基数", "Social-insurance base"),
    "public_service": ("特定公共服务领域", "Specific public service"),
    "remote_area": ("远郊重点区域", "Remote key area"),
    "fresh_graduate": ("应届高校毕业生", "Fresh graduate"),
    "award": ("表彰奖励", "Awards"),
    "spouse_hukou": ("配偶为本市户籍", "Spouse with Shanghai hukou"),
    "entrepreneur_talent": ("创业人才", "Entrepreneur talent"),
    "deduction_false_material": ("提供虚假材料", "False materials"),
    "deduction_detention": ("行政拘留", "Administrative detention"),
    "deduction_criminal": ("一般刑事犯罪", "Criminal record"),
}
EDUCATION_NAMES: dict[str, tuple[str, str]] = {
    "college": ("大专/高职", "college"),
    "bachelor": ("本科（无学位）", "bachelor's without degree"),
    "bachelor_degree": ("本科+学士学位", "bachelor's degree"),
    "master": ("硕士", "master's"),
    "doctor": ("博士", "doctorate"),
}
TITLE_NAMES: dict[str, tuple[str, str]] = {
    "skill_5": ("技能五级", "skill level 5"),
    "skill_4": ("技能四级", "skill level 4"),
    "skill_3": ("技能三级", "skill level 3"),
    "skill_2": ("技能二级（技师）", "skill level 2 (technician)"),
    "skill_1": ("技能一级（高级技师）", "skill level 1 (senior technician)"),
    "title_junior": ("初级职称", "junior title"),
    "title_intermediate": ("中级职称", "intermediate title"),
    "title_senior": ("高级职称", "senior title"),
}
TIER_NAMES: dict[str, tuple[str, str]] = {
    "0.8x": ("0.8 倍", "0.8x"),
    "1x": ("1 倍", "1x"),
    "2x": ("2 倍", "2x"),
    "3x": ("3 倍", "3x"),
}
AWARD_NAMES: dict[str, tuple[str, str]] = {
    "city_specific": ("市级专项表彰", "city specific award"),
    "city_comprehensive": ("市级综合表彰", "city comprehensive award"),
    "national": ("省部级及以上表彰", "provincial/ministerial or higher award"),
}
_WORK_NAMES: dict[str, tuple[str, str]] = {
    "public_service_years": ("在特定公共服务领域工作", "in the specific public service"),
    "remote_area_years": ("在远郊重点区域工作", "in the remote key area"),
}
# Reason values that are names: the value is looked up in the table for the language.
_NAMED_VALUES: dict[str, dict[str, tuple[str, str]]] = {
    "tier": TIER_NAMES,
    "education": EDUCATION_NAMES,
    "title": TITLE_NAMES,
    "award": AWARD_NAMES,
    "work": _WORK_NAMES,
}

# key -> (zh, en): str.format templates over the reason's values.
SENTENCES: dict[str, tuple[str, str]] = {
    # items[].note, indicator by indicator (scoring.rules).
    "age-not-given": ("未提供年龄", "age not given"),
    "age-outside": ("{age} 周岁：不在 {low}–{high} 周岁", "age {age}: outside {low}-{high}"),
    "age": ("{age} 周岁", "age {age}"),
    "education-part": ("{education} {points} 分", "{education} {points}"),
    "title-part": ("{title} {points} 分", "{title} {points}"),
    "title-mismatch": (
        "{title}与现岗位不对口，不计分",
        "{title} does not match the current job, 0",
    ),
    "title-base-missing": (
        "{title}近 {window} 个月社保基数达 1 倍社平不足 {months} 个月，不计分",
        "{title} fewer than {months} of the last {window} months at a base >= 1x, 0",
    ),
    "education-and-title-zero": ("{education}；{title}", "{education}; {title}"),
    "title-counted": (
        "按{title}计（学历{education}，不叠加）",
        "{title} counted (education {education} does not add)",
    ),
    "education-counted": (
        "按{education}计（{title}，不叠加）",
        "{education} counted ({title}, does not add)",
    ),
    "no-education-or-title": ("无学历或职称/技能分", "no education or title points"),
    "insurance-years": (
        "满 {years} 年（{months} 个月）× {per_year}",
        "{years} full years ({months} months) x {per_year}",
    ),
    "shortage-without-education": ("需大专及以上学历", "needs college or above"),
    "shortage": ("紧缺急需专业", "shortage major"),
    "investment-tax": (
        "年均纳税 {amount:g} 元（二者取高，最多 {cap}）",
        "average yearly tax {amount:g} yuan (higher of two, max {cap})",
    ),
    "investment-hires": (
        "年均聘用本市户籍 {amount:g} 人（二者取高，最多 {cap}）",
        "{amount:g} Shanghai-hukou employees a year (higher of two, max {cap})",
    ),
    "base-tier": (
        "基数 {tier}社平，近 {window} 个月累计 {need} 个月",
        "base {tier} the average wage, {need} of the last {window} months",
    ),
    "years-too-few": (
        "{years} 年，满 {min_years} 年才计分",
        "{years} years; counts from {min_years}",
    ),
    "years": ("满 {years} 年 × {per_year}", "{years} full years x {per_year}"),
    "years-capped": (
        "满 {years} 年 × {per_year}，最多 {cap}",
        "{years} full years x {per_year}, at most {cap}",
    ),
    "fresh-graduate": ("全日制应届毕业生", "fresh graduate"),
    "award": ("{award}", "{award}"),
    "spouse-years": (
        "婚姻满 {years} 年 × {per_year}，最多 {cap}",
        "{years} years of marriage x {per_year}, at most {cap}",
    ),
    "entrepreneur-talent": (
        "符合创业人才或创新创业中介服务人才条件",
        "meets the entrepreneur or innovation-service talent conditions",
    ),
    "deduction": (
        "近 {window} 年 {count} 次 × −{each}",
        "{count} in the last {window} years x -{each}",
    ),
    # Why someone cannot apply (Assessment.reasons).
    "age-window": (
        "{age} 周岁：申请年龄须在 {low}–{high} 周岁",
        "age {age}: applicants must be {low}-{high}",
    ),
    "veto-family-planning": (
        "有违反计划生育政策记录：一票否决，不能申请（近年是否仍执行，请以受理点告知为准）",
        "family-planning violation: a veto, cannot apply (whether this is still applied "
        "in recent years: the service centre will tell you)",
    ),
    "veto-serious-crime": (
        "有被判处 {years} 年以上有期徒刑的刑事犯罪记录：一票否决，不能申请",
        "sentenced to {years}+ years in prison: a veto, cannot apply",
    ),
    # Answers that cannot be true together (scoring.consistency).
    "tier-needs-months": (
        "社保基数 {tier}社平须在近 {window} 个月内累计 {need} 个月，而社保一共只有 {months} 个月",
        "a base of {tier} the average wage needs {need} of the last {window} months, "
        "but there are only {months} months of social insurance",
    ),
    "graduate-needs-education": (
        "应届高校毕业生须有大专及以上学历",
        "a fresh graduate has a college education or above",
    ),
    "shortage-needs-education": (
        "紧缺急需专业须有大专及以上学历",
        "a shortage major needs a college education or above",
    ),
    "years-exceed-insurance": (
        "{work}满 {years} 年，多于社保缴费的 {insured} 年（这些年须在本市缴纳社保）",
        "{years} years {work} are more than the {insured} full years of social insurance "
        "(they are years of insured work in Shanghai)",
    ),
    "months-exceed-age": (
        "{age} 周岁最多缴纳过 {most} 个月社保（最早 {start} 周岁才能参加工作）",
        "at {age} nobody has more than {most} months of social insurance "
        "(work starts at {start} at the earliest)",
    ),
    "marriage-exceeds-age": (
        "{age} 周岁的婚姻最多 {most} 年（法定婚龄最早 {start} 周岁）",
        "at {age} a marriage is at most {most} years old (the earliest legal age is {start})",
    ),
    "match-needs-title": (
        "没有职称或技能等级，就谈不上与岗位是否对口",
        "without a title or skill level there is nothing to match the job",
    ),
    "base-1x-needs-months": (
        "近 {window} 个月有 {need} 个月社保基数达 1 倍社平，需要至少 {need} 个月社保，"
        "而社保一共只有 {months} 个月",
        "{need} of the last {window} months at a base of 1x needs at least {need} months of "
        "social insurance, but there are only {months}",
    ),
}


@dataclass(frozen=True)
class Reason:
    """What a rule or check found, before it is put into words."""

    key: str
    values: dict[str, object] = field(default_factory=dict)

    def __init__(self, key: str, **values: object) -> None:
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "values", values)


def render(reason: Reason, language: Language) -> str:
    index = 0 if language == "zh" else 1
    values = {name: _word(name, value, language) for name, value in reason.values.items()}
    return SENTENCES[reason.key][index].format(**values)


def sources_line(sources: Sequence[Source], language: Language) -> str:
    """Where a result's guidance or an FAQ answer comes from, by title and publisher and the
    address where the source gives one (shared/policy/sources.md); an agency page adds that it
    is unofficial and only a reference. The one renderer of sources for users."""
    en = language == "en"
    titles = ("; " if en else "；").join(
        f"{source.shown(en)} {source.url}" if source.url else source.shown(en) for source in sources
    )
    label = ("Sources" if len(sources) > 1 else "Source") if en else "来源"
    line = f"{label}: {titles}." if en else f"{label}：{titles}。"
    if any(source.unofficial for source in sources):
        line += (
            " Unofficial, for reference only; the official announcement decides."
            if en
            else "非官方，仅供参考，以官方公布为准。"
        )
    return line


def _word(name: str, value: object, language: Language) -> object:
    """A value as it goes into a sentence: a nested reason rendered, a name looked up."""
    if isinstance(value, Reason):
        return render(value, language)
    if name in _NAMED_VALUES:
        return _NAMED_VALUES[name][str(value)][0 if language == "zh" else 1]
    return value
