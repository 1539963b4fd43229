"""When staff are at work: daily hours in Shanghai on working days (State Council calendar)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import chinese_calendar

from bot.clock import SHANGHAI


def is_working_day(day: date) -> bool:
    """Weekend make-up days count as working days; a year the calendar does not cover yet
    falls back to Monday to Friday."""
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return day.weekday() < 5


@dataclass(frozen=True)
class StaffHours:
    opens: time = time(9, 0)
    closes: time = time(18, 0)
    working_days_only: bool = True

    def _staffed(self, day: date) -> bool:
        return not self.working_days_only or is_working_day(day)

    def is_open(self, at: datetime) -> bool:
        local = at.astimezone(SHANGHAI)
        return self._staffed(local.date()) and self.opens <= local.time() < self.closes

    def next_opening(self, at: datetime) -> datetime:
        """The next time staff start work, at or after `at` (Shanghai time)."""
        local = at.astimezone(SHANGHAI)
        day = local.date() if local.time() < self.opens else local.date() + timedelta(days=1)
        for _ in range(60):  # the longest Chinese holiday is well under that
            if self._staffed(day):
                break
            day += timedelta(days=1)
        return datetime.combine(day, self.opens, SHANGHAI)
