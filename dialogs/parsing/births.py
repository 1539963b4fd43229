"""Ages from what is said of a birth but its date: a birth year with a lunar month (86年腊月)
or a holiday (八八年中秋节生的), a generation (90后) or part of a decade (八十年代末). Each
leaves the ages of every month it may be: one value when they score alike, else asked."""

from __future__ import annotations

import re
from datetime import date

from dialogs.parsing.age_points import MAX_AGE, MIN_AGE, of_ages
from dialogs.parsing.text import Ambiguous, Unclear
from dialogs.parsing.vocabulary import vocabulary

__all__ = ["born_around", "born_in_years", "full_year", "lunar"]

_LUNAR_NUMBERED = re.compile(r"(?:农历|阴历|旧历)\s*(\d{1,2})\s*月")
# 90后, 85后, 00后: born in that year or the years after it to the decade's end; 八十年代末:
# a part of a decade (data/dates.yaml decade_parts); 千禧年: 2000.
_GENERATION = re.compile(r"(?<![\d.])(\d)(\d)\s*后")
_DECADE_CN = re.compile(r"(?<![\d.])(\d)0\s*年代\s*(初|初期|前期|中|中期|末|末期|后期)?")


def born_in(months: list[tuple[int, int]], today: date) -> int | Ambiguous:
    """The age of someone born in one of `months` (year, month): this month may be either."""
    ages: set[int] = set()
    for year, month in months:
        age = today.year - year - (month > today.month)
        ages |= {age - 1, age} if month == today.month else {age}
    return of_ages(ages)


def lunar(said: str, today: date) -> int | Ambiguous | None:
    """86年腊月: a lunar month starts in the Gregorian month of its number or up to two later."""
    data = vocabulary("dates")
    numbered = _LUNAR_NUMBERED.search(said)
    named = next((int(n) for w, n in data["lunar_months"].items() if w in said), None)
    month = int(numbered[1]) if numbered else named
    year = re.search(r"(?<![\d.])((?:19|20)\d\d|\d\d)\s*年", said)
    if month is None or year is None or not 1 <= month <= 12:
        return None
    start = full_year(year[1], today)
    months = [(start + (month + k - 1) // 12, (month + k - 1) % 12 + 1) for k in range(3)]
    return born_in(months, today)


def born_around(said: str, today: date) -> int | Ambiguous | None:
    """八八年中秋节生的, 90年年底: a birth year and a holiday or part of it (dates.yaml) leave
    the months it may be; None when no such pair is said."""
    parts = vocabulary("dates")["months_of_words"]
    words = "|".join(sorted(map(re.escape, parts), key=len, reverse=True))
    found = re.search(rf"(?<![\d.])((?:19|20)\d\d|\d\d)\s*年(?:的)?({words})", said)
    if found is None or not re.search(r"生|born", said):
        return None
    first, last = (int(m) for m in parts[found[2]])
    year = full_year(found[1], today)
    return born_in([(year, month) for month in range(first, last + 1)], today)


def full_year(token: str, today: date) -> int:
    year = int(token)
    if year < 100:
        year += 2000 if year <= today.year % 100 - MIN_AGE else 1900
    return year


def born_in_years(said: str, today: date) -> int | Ambiguous | None:
    """90后, 八十年代末的: the ages of someone born in those years, one value when they score
    alike; None when no such years are said, or a birth year is said too."""
    if re.search(r"(?<![\d.])(?:19|20)\d\d(?![\d.])", said):
        return None  # 00后，2003年的: the year said decides
    generation = _GENERATION.search(said)
    decade = _DECADE_CN.search(said)
    if generation and re.search(rf"(?<![\d.]){generation[1]}\d\s*年(?!代)", said):
        return None  # 九零后，具体是92年: a year of that generation said decides
    if generation:
        first = int(generation[1] + generation[2])
        first += 2000 if first <= today.year % 100 - MIN_AGE else 1900
        years = range(first, first - first % 10 + 10)
    elif decade:
        start = 1900 + 10 * int(decade[1])
        low, high = (int(n) for n in vocabulary("dates")["decade_parts"][decade[2] or ""])
        years = range(start + low, start + high + 1)
    else:
        return None
    ages = {today.year - year - born_later for year in years for born_later in (0, 1)}
    try:
        return of_ages({a for a in ages if MIN_AGE <= a <= MAX_AGE} or ages, key="confirm-which")
    except Unclear as error:
        if error.key:
            raise
        # 七十年代末: ages scoring three ways or more; the range is told with the question again
        first, last = years[0], years[-1]
        youngest, oldest = min(ages), max(ages)
        raise Unclear(
            "error-age-born-between", first=first, last=last, youngest=youngest, oldest=oldest
        ) from None
