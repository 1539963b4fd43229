"""Free-text answers (mostly Chinese, some English) -> Profile values.

Every parser takes the user's text and today's date in Asia/Shanghai and returns a value,
or an `Ambiguous` when the text fits more than one value (the dialog then asks which one:
we never guess silently). A `ValueError` means "ask again"; an `Unclear` (a ValueError)
carries the locale key of a friendlier correction, e.g. for an impossible age.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

__all__ = [
    "BONUS_ITEMS",
    "Ambiguous",
    "Parser",
    "Unclear",
    "chinese_number",
    "normalise",
    "parse_age",
    "parse_award",
    "parse_bonus",
    "parse_count",
    "parse_education",
    "parse_endorsed_date",
    "parse_expiry_date",
    "parse_months",
    "parse_tier",
    "parse_title",
    "parse_yes_no",
    "parse_yuan",
]


class Unclear(ValueError):
    """The answer cannot be used; `key` names the locale text that explains why."""

    def __init__(self, key: str = "", **values: Any) -> None:
        super().__init__(key or "unclear")
        self.key = key
        self.values = values


@dataclass(frozen=True)
class Ambiguous:
    """The answer fits several values; `key` is the confirm question ("" = generic)."""

    options: tuple[Any, ...]
    key: str = ""


Parser = Callable[[str, date], Any]

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "四": 4}
_DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_NUMBER = "[零〇一二两俩三四五六七八九十百千]+"
_NUMBER = rf"(?:\d+(?:\.\d+)?|{_CN_NUMBER})"


def normalise(text: str) -> str:
    """Full-width -> half-width, lower case, trimmed, inner blanks collapsed."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().lower()


def chinese_number(text: str) -> int:
    """三十五 -> 35, 两 -> 2, 一百零八 -> 108, 二〇二七 -> 2027 (digit by digit)."""
    if not text or any(ch not in _DIGITS and ch not in _UNITS for ch in text):
        raise ValueError(text)
    if not any(ch in _UNITS for ch in text):
        return int("".join(str(_DIGITS[ch]) for ch in text))
    total, digit = 0, None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
    return total + (digit or 0)


def _number(token: str) -> float:
    try:
        value = float(token)
    except ValueError:
        return chinese_number(token)
    if not math.isfinite(value):  # "9" * 400 is inf: not a number anyone means
        raise ValueError(token)
    return value


def _int(token: str) -> int:
    value = _number(token)
    if value != int(value):
        raise ValueError(token)
    return int(value)


def _words(text: str) -> str:
    return re.sub(r"[\s,，.。!！?？~～、;；:：]+", "", text)


# -- yes / no ---------------------------------------------------------------------------

_NO = ("没有", "没", "不是", "不", "无", "否", "no", "n", "nope", "not")
_YES = ("是", "对", "有", "嗯", "好", "行", "可以", "符合", "yes", "y", "yeah", "yep", "ok", "sure")
_NO_PREFIX = ("不", "没", "无", "否", "no ", "not ")
_YES_PREFIX = ("是", "对", "有", "嗯", "好", "符合", "yes ")


_UNSURE = re.compile(r"不知道|不清楚|不确定|不记得|说不准|not sure|don'?t know|unsure")
# "都没有", "从来没有过", "全都是": the quantifier does not change the answer.
_QUANTIFIER = re.compile(r"^(?:全都|都|全|从来|一直|一个也|一次也)|过$")


def parse_yes_no(text: str, today: date | None = None) -> bool:
    said = _QUANTIFIER.sub("", normalise(text))
    bare = _words(said)
    if _UNSURE.search(said):
        raise ValueError(text)
    if bare in _NO:
        return False
    if bare in _YES:
        return True
    if said.startswith(_NO_PREFIX):
        return False
    if said.startswith(_YES_PREFIX):
        return True
    raise ValueError(text)


def _is_none(text: str) -> bool:
    return _words(normalise(text)) in {
        "没有",
        "没",
        "无",
        "都没有",
        "都不是",
        "否",
        "不",
        "0",
        "零",
        "none",
        "no",
        "n",
    }


# -- age --------------------------------------------------------------------------------

MIN_AGE, MAX_AGE = 14, 100


def _age_on(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _checked_age(age: int) -> int:
    if not MIN_AGE <= age <= MAX_AGE:
        raise Unclear("error-age-range", value=age)
    return age


def parse_age(text: str, today: date) -> int | date | Ambiguous:
    """An age in full years, a birth date, or (month known, day not) the two possible ages."""
    said = normalise(text)
    full = re.search(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})", said)
    if full:
        try:
            born = date(int(full[1]), int(full[2]), int(full[3]))
        except ValueError:
            raise Unclear("error-date-invalid") from None
        _checked_age(_age_on(born, today))
        return born
    month = re.search(r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})(?!\d)", said)
    if month and 1 <= int(month[2]) <= 12:
        year, mon = int(month[1]), int(month[2])
        age = today.year - year - (mon > today.month)
        if mon == today.month:
            return Ambiguous((_checked_age(age - 1), _checked_age(age)), "confirm-age")
        return _checked_age(age)
    year_only = re.fullmatch(r"(?:born (?:in )?)?((?:19|20)\d\d)\s*(?:年)?(?:出生|生)?", said)
    if year_only:
        age = today.year - int(year_only[1])
        return Ambiguous((_checked_age(age - 1), _checked_age(age)), "confirm-age")
    plain = re.fullmatch(
        rf"(?:我|今年|已经|i am|i'm|age)*\s*({_NUMBER})\s*(?:周岁|岁|岁了|了|years?(?: old)?)?",
        said,
    )
    if plain:
        try:
            age = _int(plain[1])
        except ValueError:
            raise Unclear("error-age-whole") from None
        return _checked_age(age)
    raise ValueError(text)


# -- education --------------------------------------------------------------------------

_NO_DEGREE = re.compile(
    r"(没|无|没有|不)(拿到|取得|拿)?(学士)?学位|只有毕业证|无学位|without|no degree"
)
_DEGREE = re.compile(r"学士|有学位|双证|学位证|with (a )?degree|bachelor'?s degree")


def parse_education(text: str, today: date | None = None) -> str | Ambiguous:
    said = normalise(text)
    if re.search(r"博士|phd|doctor", said):
        return "doctor"
    if re.search(r"硕士|研究生|master|mba", said):
        return "master"
    if re.search(r"只有毕业证|没有学位证", said):
        return "bachelor"
    if re.search(r"本科|bachelor|学士|university", said):
        if _NO_DEGREE.search(said):
            return "bachelor"
        if _DEGREE.search(said):
            return "bachelor_degree"
        return Ambiguous(("bachelor_degree", "bachelor"), "confirm-bachelor")
    if re.search(r"大专|专科|高职|college|associate", said):
        return "college"
    if re.search(r"高中|初中|小学|中专|中技|技校|职高|high school", said) or _is_none(said):
        return "none"
    raise ValueError(text)


# -- professional title / skill level ---------------------------------------------------

_SKILL_LEVEL = re.compile(
    r"(?:国家)?(?:职业资格|技能等级|技能|等级)?\s*([一二三四五1-5])\s*级|level\s*([1-5])"
)
_TITLE_TABLE: tuple[tuple[str, str | Ambiguous], ...] = (
    (r"高级技师", "skill_1"),
    (
        r"高级工程师|高工|正高|副高|高级职称|高级(经济|会计|统计|审计)师|教授|主任医师|研究员",
        "title_senior",
    ),
    (r"senior (professional )?title", "title_senior"),
    (
        r"中级工程师|中级职称|经济师|会计师|统计师|审计师|主治医师|讲师|intermediate title",
        "title_intermediate",
    ),
    (r"助理工程师|助工|初级职称|技术员|助理|junior title", "title_junior"),
    (r"工程师|engineer", Ambiguous(("title_intermediate", "title_junior"), "confirm-engineer")),
    (r"技师|technician", "skill_2"),
    (r"高级工", "skill_3"),
    (r"中级工", "skill_4"),
    (r"初级工", "skill_5"),
)
_BARE_LEVEL: dict[str, Ambiguous] = {
    "高级": Ambiguous(("title_senior", "skill_3"), "confirm-level"),
    "中级": Ambiguous(("title_intermediate", "skill_4"), "confirm-level"),
    "初级": Ambiguous(("title_junior", "skill_5"), "confirm-level"),
}


def parse_title(text: str, today: date | None = None) -> str | Ambiguous:
    said = normalise(text)
    for pattern, value in _TITLE_TABLE:
        if re.search(pattern, said):
            return value
    level = _SKILL_LEVEL.search(said)
    if level:
        return f"skill_{_int(level[1] or level[2])}"
    for word, ambiguous in _BARE_LEVEL.items():
        if word in said:
            return ambiguous
    if _is_none(said) or re.search(r"没有?(职称|证)|无(职称|证)", said):
        return "none"
    raise ValueError(text)


# -- social insurance months ------------------------------------------------------------

MAX_MONTHS = 600


def _checked_months(months: int) -> int:
    if not 0 <= months <= MAX_MONTHS:
        raise Unclear("error-months-range", value=months)
    return months


def parse_months(text: str, today: date) -> int | Ambiguous:
    """Months paid: 54个月, 4年半, 两年零三个月, 三年, 2019年3月开始交 (until today)."""
    said = normalise(text)
    if _is_none(said):
        return 0
    since = re.search(r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*月?", said)
    if since:
        year, month = int(since[1]), int(since[2])
        if not 1 <= month <= 12:
            raise Unclear("error-date-invalid")
        elapsed = (today.year - year) * 12 + today.month - month
        if elapsed < 0:
            raise Unclear("error-date-future")
        return _checked_months(elapsed)
    years = re.search(rf"({_NUMBER})\s*(?:年|years?|yrs?)(半)?", said)
    months = re.search(rf"({_NUMBER})\s*(?:个月|个|月|months?)", said)
    if years or months:
        total = 0.0
        if years:
            total += _number(years[1]) * 12 + (6 if years[2] else 0)
        if months:
            total += _number(months[1])
        if total != int(total):
            raise Unclear("error-months-whole")
        return _checked_months(int(total))
    bare = re.fullmatch(rf"(?:交了|已交|缴了)?\s*({_NUMBER})", said)
    if bare:
        number = _int(bare[1])
        if number <= 30:
            return Ambiguous((_checked_months(number * 12), number), "confirm-months")
        return _checked_months(number)
    raise ValueError(text)


# -- base tier --------------------------------------------------------------------------

_TIERS = ((3.0, "3x"), (2.0, "2x"), (1.0, "1x"), (0.8, "0.8x"))


def parse_tier(text: str, today: date | None = None) -> str:
    """2倍, 两倍, 1倍多, 0.8, 3倍以上 -> the highest tier reached; 不到… is too vague."""
    said = normalise(text)
    if _is_none(said) or re.search(r"最低|不到0\.8|低于0\.8", said):
        return "none"
    if re.search(r"不到|低于|less than|below", said):
        raise ValueError(text)
    if re.search(r"八成", said):
        return "0.8x"
    found = re.search(rf"({_NUMBER})\s*(?:倍|x|times)?", said)
    if not found:
        raise ValueError(text)
    multiple = _number(found[1])
    if multiple > 10:
        raise Unclear("error-tier-range")
    for floor, tier in _TIERS:
        if multiple >= floor:
            return tier
    return "none"


# -- counts, years, money, awards -------------------------------------------------------

MAX_COUNT = 60


def parse_count(text: str, today: date | None = None) -> int:
    """A small whole number: 2次, 两次, 5年, 没有 -> 0."""
    said = normalise(text)
    if _is_none(said):
        return 0
    found = re.search(_NUMBER, said)
    if not found:
        raise ValueError(text)
    count = _int(found[0])
    if count > MAX_COUNT:
        raise Unclear("error-count-range", value=count)
    return count


def parse_yuan(text: str, today: date | None = None) -> float:
    """An amount in yuan: 20万, 200000, 1.5万元, 没有 -> 0."""
    said = normalise(text).replace(",", "")
    if _is_none(said):
        return 0.0
    found = re.search(rf"({_NUMBER})\s*(万)?", said)
    if not found:
        raise ValueError(text)
    amount = _number(found[1]) * (10_000 if found[2] else 1)
    if amount > 1e10:
        raise Unclear("error-amount-range")
    return amount


def parse_award(text: str, today: date | None = None) -> str:
    said = normalise(text)
    if re.search(r"国家|省部|全国|national|ministerial", said):
        return "national"
    if re.search(r"综合|comprehensive", said):
        return "city_comprehensive"
    if re.search(r"专项|specific", said):
        return "city_specific"
    if _is_none(said):
        return "none"
    raise ValueError(text)


# -- the bonus multi-choice -------------------------------------------------------------

BONUS_ITEMS: tuple[tuple[str, str], ...] = (
    ("shortage_major", r"紧缺|急需|shortage"),
    ("investment", r"纳税|投资|聘用|雇|就业|tax|invest|hire"),
    ("public_service", r"环卫|sanitation"),
    ("remote_area", r"临港|远郊|lingang"),
    ("fresh_graduate", r"应届|fresh|graduate"),
    ("award", r"奖|表彰|award"),
    ("spouse_hukou", r"配偶|老公|老婆|爱人|丈夫|妻子|spouse|wife|husband"),
    ("entrepreneur_talent", r"创业|创新|entrepreneur"),
)


def parse_bonus(text: str, today: date | None = None) -> tuple[str, ...]:
    """Item numbers ("1 3", "1、3", "13") or words naming items; 无 -> none."""
    said = normalise(text)
    if _is_none(said) or said in {"都没有", "以上都没有", "都不符合"}:
        return ()
    picked: set[int] = set()
    tokens = re.findall(rf"\d+|{_CN_NUMBER}", said)
    if tokens and not re.sub(rf"\d+|{_CN_NUMBER}|[\s,，、;；和及and]+", "", said):
        for token in tokens:
            digits = str(_int(token)) if not token.isdigit() else token
            whole = int(digits) <= len(BONUS_ITEMS)
            numbers = [int(digits)] if whole else [int(d) for d in digits]
            for number in numbers:
                if not 1 <= number <= len(BONUS_ITEMS):
                    raise Unclear("error-bonus-number", most=len(BONUS_ITEMS))
                picked.add(number)
    else:
        picked = {i for i, (_, words) in enumerate(BONUS_ITEMS, 1) if re.search(words, said)}
    if not picked:
        raise ValueError(text)
    return tuple(BONUS_ITEMS[i - 1][0] for i in sorted(picked))


# -- dates for reminders ----------------------------------------------------------------

_RELATIVE_YEAR = {"今年": 0, "明年": 1, "后年": 2, "this year": 0, "next year": 1}


def _date_parts(said: str, today: date) -> tuple[int | None, int, int] | None:
    iso = re.search(r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})", said)
    if iso:
        return int(iso[1]), int(iso[2]), int(iso[3])
    month_day = re.search(
        rf"({_CN_NUMBER}|\d{{1,2}})\s*[月/.-]\s*({_CN_NUMBER}|\d{{1,2}})\s*(?:日|号)?", said
    )
    if not month_day:
        return None
    year = None
    for word, offset in _RELATIVE_YEAR.items():
        if word in said:
            year = today.year + offset
    return year, _int(month_day[1]), _int(month_day[2])


def _make_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise Unclear("error-date-invalid") from None


MAX_YEARS_AHEAD = 5


def parse_expiry_date(text: str, today: date) -> date:
    """The permit's expiry: a full date, 明年3月1号, or 3月1日 (its next occurrence)."""
    parts = _date_parts(normalise(text), today)
    if parts is None:
        raise ValueError(text)
    year, month, day = parts
    if year is None:
        found = _make_date(today.year, month, day)
        if found < today:
            found = _make_date(today.year + 1, month, day)
    else:
        found = _make_date(year, month, day)
    if found < today:
        raise Unclear("error-expiry-past", date=found.isoformat())
    if found > _make_date(today.year + MAX_YEARS_AHEAD, today.month, min(today.day, 28)):
        raise Unclear("error-expiry-far", date=found.isoformat(), years=MAX_YEARS_AHEAD)
    return found


def parse_endorsed_date(text: str, today: date) -> date:
    """When the permit was endorsed: empty means today, 11月20日 means its last occurrence."""
    said = normalise(text)
    if not said or said in {"今天", "today"}:
        return today
    if said in {"昨天", "yesterday"}:
        return date.fromordinal(today.toordinal() - 1)
    parts = _date_parts(said, today)
    if parts is None:
        raise ValueError(text)
    year, month, day = parts
    found = _make_date(today.year if year is None else year, month, day)
    if year is None and found > today:
        found = _make_date(today.year - 1, month, day)
    if found > today:
        raise Unclear("error-endorsed-future", date=found.isoformat())
    return found
