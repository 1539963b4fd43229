"""Months since a start said as a date: 2019年3月入职, 17年9月开始交, 二零一六年起 (some month
of 2016: a range), 2018年7月到2023年12月 (the months between). Two-digit years are dates only
with a month or a "since" word after them (认识10年，结婚3年: no 2010)."""

from __future__ import annotations

import re
from datetime import date

from dialogs.parsing.amounts import Range
from dialogs.parsing.text import CLAUSE_BREAK, Unclear
from dialogs.parsing.vocabulary import built, vocabulary

__all__ = ["months_since"]

# A point in time: 2019年3月, 2019.3, 2019-03, 17年9月, 二零一六年 (with a since word).
_YEAR_MONTH = re.compile(
    r"(?<![\d.])(?P<y>(?:19|20)\d{2})\s*(?:年|[./-])\s*(?P<m>\d{1,2})(?![\d.])\s*月?"
    r"|(?<![\d.])(?P<y2>\d{2})\s*年\s*(?P<m2>\d{1,2})\s*月"
)


def _year_only() -> re.Pattern[str]:
    return built(_build_year_only)


def _build_year_only() -> re.Pattern[str]:
    parts = "|".join(sorted(vocabulary("dates")["months_of_words"], key=len, reverse=True))
    return re.compile(
        rf"(?<![\d.~])(?P<y>(?:19|20)\d{{2}}|\d{{2}})\s*年(?:的)?(?P<part>{parts}|初|底|末|中)?"
    )


_SINCE = re.compile(
    r"开始|起|以来|至今|到现在|到今|入的?职|参加工作|工作|来上海|来沪|那年|毕业|结的?婚|领的?证|就在|干"
    r"|from|since|until now|married|got married"
)
_DURATION_CONTEXT = re.compile(r"交了|缴了|已交|一共|累计|总共|共")


def _full_year(token: str, today: date) -> int:
    year = int(token)
    if year < 100:
        year += 2000 if year <= today.year % 100 else 1900
    return year


def _elapsed(year: int, month: int, today: date) -> int:
    if not 1 <= month <= 12:
        raise Unclear("error-date-invalid")
    elapsed = (today.year - year) * 12 + today.month - month
    if elapsed < 0:
        raise Unclear("error-date-future")
    return elapsed


_TO = re.compile(r"到|至|~|-|—|–|\b(?:to|until|till|through)\b")
_START_BEFORE = re.compile(r"(?:从|自|\bfrom|\bsince)\s*$")
_START_AFTER = re.compile(r"\s*(?:开始|起|以来)")


def _second_start(said: str, first: re.Match[str], second: re.Match[str]) -> bool:
    """Job started in Jan 2021, social insurance from Feb 2021: the second date said as a
    start too, with no end word between them (not 2018年7月到2023年12月)."""
    between = said[first.end() : second.start()]
    starts = _START_BEFORE.search(between) or _START_AFTER.match(said, second.end())
    return bool(starts) and not _TO.search(between)


def months_since(said: str, today: date, paid_months: bool) -> Range | None:
    """Months from a start said as a date until today. Counted as months paid
    (`paid_months`), the month said is one of them and this month may or may not be paid
    yet: 2023年12月入职 is 35 or 36 months, asked where that changes the full years."""
    points = list(_YEAR_MONTH.finditer(said))
    if len(points) == 2 and _second_start(said, *points):
        raise Unclear()  # 2021年1月入职，2021年2月开始交社保: which start is asked
    if len(points) == 2:  # 2018年7月到2023年12月: the months between (paid: both ends, 66)
        start, end = (
            (_full_year(p["y"] or p["y2"], today), int(p["m"] or p["m2"])) for p in points
        )
        months = (end[0] - start[0]) * 12 + end[1] - start[1]
        if months >= 0:
            months += paid_months
        if months < 0:
            raise Unclear("error-date-invalid")
        return Range(months, months, months, "exact")
    point = points[0] if points else None
    if point:
        year = _full_year(point["y"] or point["y2"], today)
        months = _elapsed(year, int(point["m"] or point["m2"]), today)
        return Range(months, months + paid_months, months, "pair" if paid_months else "exact")
    only = _year_only().search(said)
    if not only:
        return None
    four_digits = len(only["y"]) == 4
    after = CLAUSE_BREAK.split(said[only.end() :])[0]  # 认识10年，结婚3年: no 2010
    if not four_digits and not _SINCE.search(after):
        return None
    if _DURATION_CONTEXT.search(said[: only.start()]) and not four_digits:
        return None
    year = _full_year(only["y"], today)
    parts = vocabulary("dates")["months_of_words"]
    first, last = (
        int(m) for m in parts.get(f"年{only['part']}", parts.get(only["part"] or "", (1, 12)))
    )
    if year == today.year:
        last = min(last, today.month)
    low, high = _elapsed(year, last, today), _elapsed(year, first, today) + paid_months
    return Range(low, high, (low + high) // 2, "pair")
