"""Callbacks of the reminders. The service answers the reminder effects itself: it knows
the plan it stored."""

from __future__ import annotations

from datetime import date

from dialogs.conversation import Conversation
from dialogs.parsing import Unclear, parse_endorsed_date
from dialogs.screens import Turn, ask_expiry, error_text, menu_choices

__all__ = [
    "ask_for_expiry",
    "cancel_reminders",
    "goal_reminder",
    "list_reminders",
    "mark_endorsed",
    "reask_expiry",
    "set_reminder",
]


def ask_for_expiry(*, turn: Turn, **_: object) -> None:
    ask_expiry(turn.out)


def reask_expiry(*, turn: Turn, **_: object) -> None:
    ask_expiry(turn.out, error_text(turn.out, turn.reading))


def set_reminder(*, turn: Turn, **_: object) -> None:
    expiry: date = turn.reading.value
    turn.out.effect("set_reminder", expiry=expiry.isoformat())


def list_reminders(*, turn: Turn, **_: object) -> None:
    turn.out.effect("list_reminders")


def cancel_reminders(*, turn: Turn, **_: object) -> None:
    turn.out.effect("cancel_reminders")


def mark_endorsed(*, turn: Turn, **_: object) -> None:
    out = turn.out
    try:
        endorsed = parse_endorsed_date(turn.arg, turn.today)
    except Unclear as error:
        out.say(out.t(error.key, **error.values) if error.key else out.t("endorsed-example"))
        return
    except ValueError:
        out.say(out.t("endorsed-example"))
        return
    out.effect("endorsed", date=endorsed.isoformat())


def goal_reminder(*, conversation: Conversation, turn: Turn) -> None:
    month = conversation.context.get("goal_month")
    if not month:
        turn.out.say(turn.out.t("menu-short"), menu_choices(turn.out))
        return
    turn.out.effect("goal_reminder", month=month)
