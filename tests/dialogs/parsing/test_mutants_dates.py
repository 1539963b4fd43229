"""Reminder dates as users say them (dialogs/parsing/dates.py): years said relative to today,
the expiry window's edges (today, five years ahead), an endorsement on today's date or
yesterday, and the dates the corrections name."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dialogs.parsing import Unclear, parse_endorsed_date, parse_expiry_date

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("said", "expires"),
    [
        ("后年3月1日", date(2028, 3, 1)),
        ("后年十二月五号", date(2028, 12, 5)),
        ("3/1 next year", date(2027, 3, 1)),
        ("this year 12月5日", date(2026, 12, 5)),
        ("11月30日", TODAY),  # today is still valid
        ("2031-11-28", date(2031, 11, 28)),  # five years ahead (a day of every month)
    ],
)
def test_expiry_dates_relative_years_and_the_window_edges(said: str, expires: date) -> None:
    assert parse_expiry_date(said, TODAY) == expires


@pytest.mark.parametrize(
    ("parse", "said", "key", "values"),
    [
        (parse_expiry_date, "2031-11-29", "error-expiry-far", {"date": "2031-11-29", "years": 5}),
        (parse_expiry_date, "2025-03-01", "error-expiry-past", {"date": "2025-03-01"}),
        (parse_expiry_date, "2月30日", "error-date-invalid", {}),
        (parse_endorsed_date, "今年12月1日", "error-endorsed-future", {"date": "2026-12-01"}),
        (parse_endorsed_date, "2月30日", "error-date-invalid", {}),
    ],
)
def test_a_date_out_of_range_is_refused_naming_it(
    parse: Any, said: str, key: str, values: dict[str, Any]
) -> None:
    with pytest.raises(Unclear) as refused:
        parse(said, TODAY)
    assert (refused.value.key, refused.value.values) == (key, values)


@pytest.mark.parametrize(
    ("said", "endorsed"),
    [
        ("today", TODAY),
        ("昨天", date(2026, 11, 29)),
        ("yesterday", date(2026, 11, 29)),
        ("11月30日", TODAY),  # today's date is today, not a year ago
        ("12月1日", date(2025, 12, 1)),
        ("2026年11月20日", date(2026, 11, 20)),
        ("2025年12月1日", date(2025, 12, 1)),  # the year said, not this one
    ],
)
def test_endorsement_dates_today_yesterday_and_the_last_occurrence(
    said: str, endorsed: date
) -> None:
    assert parse_endorsed_date(said, TODAY) == endorsed
