"""The permit's expiry as told for a reminder: a full date (the parser's), or a month without
its day (明年3月到期, March 2027). A month alone is never taken for a date (its 1st or its
last day would remind on the wrong day): the day is asked, the month kept, and the day told
next (15号, 15) completes it."""

from __future__ import annotations

import re
from datetime import date

from dialogs.parsing import digits, normalise, parse_expiry_date
from dialogs.parsing.dates import RELATIVE_YEAR

__all__ = ["EXPIRY_MONTH", "month_told", "with_day"]

EXPIRY_MONTH = "expiry_month"  # context: "2027-03", the month told, its day asked
_RELATIVE_WORDS = "|".join(w for w in RELATIVE_YEAR if not w.isascii())  # 今年|明年|后年
_MONTH = re.compile(
    rf"(?:(?P<year>\d{{4}})\s*年|(?P<relative>{_RELATIVE_WORDS}))?\s*(?P<month>\d{{1,2}})\s*月份?"
    r"(?!\s*\d)(?!\s*(?:[上中下]旬|初|底|末))"
)
_YEAR_MONTH = re.compile(r"(?<!\d)(?P<year>\d{4})\s*[-./]\s*(?P<month>\d{1,2})(?![-./\d])")
_DAY = re.compile(
    r"^\W*(?:on\s+)?(?:the\s+)?(?:day\s+)?(?P<day>\d{1,2})\s*(?:号|日|th|st|nd|rd)?\W*$"
)


def month_told(said: str, today: date) -> str | None:
    """The month "YYYY-MM" when `said` tells a month of expiry without its day, that month not past;
    a month said without its year is its next one (3月 in November: next March)."""
    plain = digits(normalise(said))
    found = _MONTH.search(plain) or _YEAR_MONTH.search(plain)
    if found is None or not 1 <= int(found["month"]) <= 12:
        return None
    month = int(found["month"])
    groups = found.groupdict()
    if groups.get("year"):
        year = int(groups["year"])
    elif groups.get("relative"):
        year = today.year + RELATIVE_YEAR[groups["relative"]]
    else:
        year = today.year + (month < today.month)
    if (year, month) < (today.year, today.month):
        return None
    return f"{year}-{month:02d}"


def with_day(month: str, said: str, today: date) -> date | None:
    """The expiry when `said` is a day alone (15号, 15, the 15th) of the `month` told before;
    None when it is no day. Raises the parser's Unclear for a day that cannot be it."""
    found = _DAY.match(digits(normalise(said)))
    if found is None:
        return None
    year, number = month.split("-")
    return parse_expiry_date(f"{year}年{int(number)}月{int(found['day'])}日", today)
