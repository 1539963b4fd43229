"""Reminder dates on the Chinese working-day calendar (chinesecalendar 2025/2026 data)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.reminders.plan import (
    SHANGHAI,
    Planned,
    confirmation_plan,
    endorsement_plan,
    goal_plan,
    in_quiet_hours,
    known_years,
    not_in_quiet_hours,
    plan,
)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)


def test_endorsement_reminders_at_window_7_days_and_1_day_before_expiry_at_nine() -> None:
    assert endorsement_plan(date(2026, 12, 31)).reminders == (
        Planned("endorsement_window_open", at("2026-12-01 09:00")),
        Planned("endorsement_7_days", at("2026-12-24 09:00")),
        Planned("endorsement_1_day", at("2026-12-30 09:00")),
    )


@pytest.mark.parametrize(
    ("endorsed", "confirm_on", "why"),
    [
        ("2026-03-02", "2026-03-05", "Monday: Tue, Wed, Thu"),
        ("2026-03-05", "2026-03-10", "Thursday: Fri, then the weekend is skipped: Mon, Tue"),
        ("2026-03-07", "2026-03-11", "Saturday: Mon, Tue, Wed"),
        (
            "2025-09-30",
            "2025-10-11",
            "eve of National Day: Oct 1-8 off; Thu 9, Fri 10, make-up Sat 11",
        ),
        ("2025-10-03", "2025-10-11", "inside Golden Week: Thu 9, Fri 10, make-up Sat 11"),
        ("2025-10-08", "2025-10-11", "last holiday day: Thu 9, Fri 10, make-up Sat 11"),
        ("2025-09-26", "2025-09-30", "Friday before: make-up Sun Sep 28, Mon 29, Tue 30"),
        (
            "2025-01-24",
            "2025-02-05",
            "before Spring Festival 2025: make-up Sun Jan 26, Mon 27, Jan 28-Feb 4 off, Wed Feb 5",
        ),
        ("2025-02-05", "2025-02-08", "after Spring Festival 2025: Thu 6, Fri 7, make-up Sat 8"),
        (
            "2026-02-12",
            "2026-02-24",
            "before Spring Festival 2026: Fri 13, make-up Sat 14, Feb 15-23 off, Tue 24",
        ),
        ("2026-02-24", "2026-02-27", "after Spring Festival 2026: Wed 25, Thu 26, Fri 27"),
        ("2026-02-25", "2026-02-28", "Wed 25: Thu 26, Fri 27, make-up Sat 28"),
        (
            "2026-09-30",
            "2026-10-10",
            "eve of National Day 2026: Oct 1-7 off; Thu 8, Fri 9, make-up Sat 10",
        ),
    ],
)
def test_points_confirmation_on_the_third_working_day_after_endorsement(
    endorsed: str, confirm_on: str, why: str
) -> None:
    result = confirmation_plan(date.fromisoformat(endorsed))
    assert result.reminders == (Planned("points_confirmation", at(f"{confirm_on} 09:00")),), why
    assert result.uncovered_years == ()


def test_goal_reminder_on_first_working_day_of_the_month() -> None:
    assert goal_plan(2025, 10).reminders == (Planned("goal_month", at("2025-10-09 09:00")),)
    assert goal_plan(2026, 2).reminders == (Planned("goal_month", at("2026-02-02 09:00")),)
    assert goal_plan(2026, 3).reminders == (Planned("goal_month", at("2026-03-02 09:00")),)
    assert goal_plan(2026, 10).reminders == (Planned("goal_month", at("2026-10-08 09:00")),)


def test_year_outside_the_calendar_counts_weekdays_and_says_which_year() -> None:
    first, last = known_years()
    assert (first, last) == (2004, 2026)
    result = confirmation_plan(date(2026, 12, 30))  # Thu 31 (known), then 2027: Fri 1, Mon 4
    assert result.reminders == (Planned("points_confirmation", at("2027-01-04 09:00")),)
    assert result.uncovered_years == (2027,)
    goal = goal_plan(2027, 5)
    assert goal.reminders == (Planned("goal_month", at("2027-05-03 09:00")),)
    assert goal.uncovered_years == (2027,)


def test_endorsement_reminders_need_no_working_days_so_no_warning() -> None:
    assert endorsement_plan(date(2030, 1, 1)).uncovered_years == ()


@pytest.mark.parametrize(
    ("given", "moved"),
    [
        ("2026-03-02 08:59", "2026-03-02 09:00"),
        ("2026-03-02 00:00", "2026-03-02 09:00"),
        ("2026-03-02 09:00", "2026-03-02 09:00"),
        ("2026-03-02 14:30", "2026-03-02 14:30"),
        ("2026-03-02 20:00", "2026-03-02 20:00"),
        ("2026-03-02 20:01", "2026-03-03 09:00"),
        ("2026-03-31 23:30", "2026-04-01 09:00"),
    ],
)
def test_quiet_hours_move_to_nine_in_the_morning(given: str, moved: str) -> None:
    assert not_in_quiet_hours(at(given)) == at(moved)
    assert in_quiet_hours(at(given)) == (given != moved)


def test_quiet_hours_are_shanghai_time_whatever_the_zone_given() -> None:
    utc_late_evening_is_shanghai_morning = datetime.fromisoformat("2026-03-01T23:30:00+00:00")
    assert not_in_quiet_hours(utc_late_evening_is_shanghai_morning) == at("2026-03-02 09:00")
    utc_afternoon_is_shanghai_night = datetime.fromisoformat("2026-03-02T13:00:00+00:00")
    assert not_in_quiet_hours(utc_afternoon_is_shanghai_night) == at("2026-03-03 09:00")


def test_now_drops_reminders_already_past() -> None:
    expiry = date(2026, 12, 31)
    assert [p.kind for p in endorsement_plan(expiry, now=at("2026-12-01 08:00")).reminders] == [
        "endorsement_window_open",
        "endorsement_7_days",
        "endorsement_1_day",
    ]
    assert [p.kind for p in endorsement_plan(expiry, now=at("2026-12-01 09:00")).reminders] == [
        "endorsement_7_days",
        "endorsement_1_day",
    ]
    assert endorsement_plan(expiry, now=at("2026-12-30 09:01")).reminders == ()
    assert confirmation_plan(date(2026, 3, 2), now=at("2026-03-05 10:00")).reminders == ()


def test_whole_plan_keeps_endorsement_reminders_up_to_the_endorsement_day() -> None:
    result = plan(date(2025, 10, 20), date(2025, 9, 30))
    assert [p.to_json() for p in result.reminders] == [
        {"kind": "endorsement_window_open", "at": "2025-09-20T09:00:00+08:00"},
        {"kind": "points_confirmation", "at": "2025-10-11T09:00:00+08:00"},
    ]
    assert plan(date(2025, 10, 20)) == endorsement_plan(date(2025, 10, 20))
