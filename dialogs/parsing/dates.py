"""Dates for reminders: when the permit expires, when it was endorsed."""

from __future__ import annotations

import re
from datetime import date

from dialogs.parsing.text import Unclear, digits

__all__ = ["RELATIVE_YEAR", "full_years_since", "parse_endorsed_date", "parse_expiry_date"]

# A date said in full: 2021年11月30号, 2021-11-30, 2021/11/30.
_FULL_DATE = re.compile(r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*(?:日|号)?")
RELATIVE_YEAR = {"今年": 0, "明年": 1, "后年": 2, "this year": 0, "next year": 1}


def _date_parts(said: str, today: date) -> tuple[int | None, int, int] | None:
    iso = _FULL_DATE.search(said)
    if iso:
        return int(iso[1]), int(iso[2]), int(iso[3])
    month_day = re.search(r"(\d{1,2})\s*[月/.-]\s*(\d{1,2})\s*(?:日|号)?", said)
    if not month_day:
        return None
    year = None
    for word, offset in RELATIVE_YEAR.items():
        if word in said:
            year = today.year + offset
    return year, int(month_day[1]), int(month_day[2])


def _make_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise Unclear("error-date-invalid") from None


MAX_YEARS_AHEAD = 5


def full_years_since(text: str, today: date) -> int | None:
    """2021年11月30号领的证: the full years since one past date said to the day (4 on
    2026-11-29, not 5); None when no one such date is said."""
    found = _FULL_DATE.findall(digits(text))
    if len(found) != 1:
        return None
    then = _make_date(*map(int, found[0]))
    if then > today:
        return None
    return today.year - then.year - ((today.month, today.day) < (then.month, then.day))


def parse_expiry_date(text: str, today: date) -> date:
    """The permit's expiry: a full date, 明年3月1号, or 3月1日 (its next occurrence)."""
    parts = _date_parts(digits(text), today)
    if parts is None:
        raise Unclear()
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
    said = digits(text)
    if not said or said in {"今天", "today"}:
        return today
    if said in {"昨天", "yesterday"}:
        return date.fromordinal(today.toordinal() - 1)
    parts = _date_parts(said, today)
    if parts is None:
        raise Unclear()
    year, month, day = parts
    found = _make_date(today.year if year is None else year, month, day)
    if year is None and found > today:
        found = _make_date(today.year - 1, month, day)
    if found > today:
        raise Unclear("error-endorsed-future", date=found.isoformat())
    return found
