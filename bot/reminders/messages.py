"""What a reminder says: stored as a locale key with its values, rendered when it is sent."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from bot.reminders.plan import SHANGHAI, Plan, known_years
from dialogs.locales import text
from dialogs.types import Reply


def payload(kind: str, locale: str, values: Mapping[str, Any]) -> dict[str, Any]:
    return {"locale": locale, "key": f"reminders.push.{kind}", "values": dict(values)}


def render(stored: Mapping[str, Any]) -> Reply:
    return Reply(text(stored["locale"], stored["key"], **stored["values"]))


def local_time(locale: str, at: datetime) -> str:
    local = at.astimezone(SHANGHAI)
    return text(
        locale,
        "reminders.at",
        year=local.year,
        month=local.month,
        day=local.day,
        date=local.date().isoformat(),
        time=local.strftime("%H:%M"),
    )


def reminder_lines(locale: str, reminders: list[tuple[str, datetime]]) -> str:
    return "\n".join(
        text(
            locale,
            "reminders.line",
            at=local_time(locale, at),
            kind=text(locale, f"reminders.kind.{kind}"),
        )
        for kind, at in reminders
    )


def calendar_note(locale: str, plan: Plan) -> list[str]:
    """A warning when a working day had to be guessed for a year without a holiday notice."""
    if not plan.uncovered_years:
        return []
    years = ("、" if locale == "zh-CN" else ", ").join(str(year) for year in plan.uncovered_years)
    return [text(locale, "reminders.calendar_unknown", last_year=known_years()[1], years=years)]
