"""Reminder times from a permit's expiry date, its endorsement date, or a goal month (pure).

The permit is endorsed (签注) within the 30 days before it expires; the endorsement data reach
the points system about 3 working days later, then the points are confirmed online (积分确认).
Working days follow the State Council holiday notices as encoded in the `chinesecalendar`
package (a weekend make-up day is a working day). For a year the package does not know yet
the plan counts Monday to Friday as working days and names that year in `Plan.uncovered_years`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import chinese_calendar

SHANGHAI = ZoneInfo("Asia/Shanghai")
MORNING = time(9, 0)
EVENING = time(20, 0)
WINDOW_DAYS = 30
DATA_ARRIVAL_WORKING_DAYS = 3

ENDORSEMENT_KINDS = ("endorsement_window_open", "endorsement_7_days", "endorsement_1_day")
CONFIRMATION = "points_confirmation"
GOAL = "goal_month"
KINDS = (*ENDORSEMENT_KINDS, CONFIRMATION, GOAL)

_DAYS_BEFORE_EXPIRY = {
    "endorsement_window_open": WINDOW_DAYS,
    "endorsement_7_days": 7,
    "endorsement_1_day": 1,
}


@dataclass(frozen=True)
class Planned:
    kind: str
    at: datetime  # aware, Asia/Shanghai

    def to_json(self) -> dict[str, str]:
        return {"kind": self.kind, "at": self.at.isoformat()}


@dataclass(frozen=True)
class Plan:
    reminders: tuple[Planned, ...]
    uncovered_years: tuple[int, ...] = field(default=())  # counted with weekends only

    def __add__(self, other: Plan) -> Plan:
        return Plan(
            self.reminders + other.reminders,
            tuple(sorted(set(self.uncovered_years) | set(other.uncovered_years))),
        )


class _WorkingDays:
    """Asks the holiday calendar, remembering the years it had to guess."""

    def __init__(self) -> None:
        self.uncovered: set[int] = set()

    def __call__(self, day: date) -> bool:
        try:
            return bool(chinese_calendar.is_workday(day))
        except NotImplementedError:  # how chinesecalendar says "no data for this year"
            self.uncovered.add(day.year)
            return day.weekday() < 5


def known_years() -> tuple[int, int]:
    """The first and last year the installed holiday calendar covers."""
    years = [day.year for day in chinese_calendar.holidays]
    return min(years), max(years)


def not_in_quiet_hours(at: datetime) -> datetime:
    """Before 09:00 -> 09:00 that day; after 20:00 -> 09:00 the next day (Shanghai time)."""
    local = at.astimezone(SHANGHAI)
    if local.time() < MORNING:
        return _morning(local.date())
    if local.time() > EVENING:
        return _morning(local.date() + timedelta(days=1))
    return local


def in_quiet_hours(at: datetime) -> bool:
    return not_in_quiet_hours(at) != at.astimezone(SHANGHAI)


def endorsement_plan(expiry: date, *, now: datetime | None = None) -> Plan:
    """Window opens (30 days before expiry), 7 days before, 1 day before; at 09:00."""
    planned = (
        Planned(kind, _morning(expiry - timedelta(days=days)))
        for kind, days in _DAYS_BEFORE_EXPIRY.items()
    )
    return Plan(_upcoming(planned, now))


def confirmation_plan(endorsed: date, *, now: datetime | None = None) -> Plan:
    """09:00 on the 3rd working day after the endorsement day."""
    working = _WorkingDays()
    day = endorsed
    for _ in range(DATA_ARRIVAL_WORKING_DAYS):
        day += timedelta(days=1)
        while not working(day):
            day += timedelta(days=1)
    return Plan(
        _upcoming([Planned(CONFIRMATION, _morning(day))], now), tuple(sorted(working.uncovered))
    )


def goal_plan(year: int, month: int, *, now: datetime | None = None) -> Plan:
    """09:00 on the first working day of the month the points reach the standard."""
    working = _WorkingDays()
    day = date(year, month, 1)
    while not working(day):
        day += timedelta(days=1)
    return Plan(_upcoming([Planned(GOAL, _morning(day))], now), tuple(sorted(working.uncovered)))


def plan(expiry: date, endorsed: date | None = None, *, now: datetime | None = None) -> Plan:
    """The whole timeline: endorsement reminders up to the endorsement day, then the points
    confirmation. `now=None` keeps reminders already in the past (the CLI's default, so tools
    see the full plan); with `now` only those still to come are left.
    """
    endorsement = endorsement_plan(expiry, now=now)
    if endorsed is None:
        return endorsement
    before = tuple(p for p in endorsement.reminders if p.at.date() <= endorsed)
    return Plan(before) + confirmation_plan(endorsed, now=now)


def _morning(day: date) -> datetime:
    return datetime.combine(day, MORNING, SHANGHAI)


def _upcoming(planned: Iterable[Planned], now: datetime | None) -> tuple[Planned, ...]:
    moved = (Planned(p.kind, not_in_quiet_hours(p.at)) for p in planned)
    return tuple(p for p in moved if now is None or p.at > now)
