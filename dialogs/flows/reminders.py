"""Callbacks of the reminders. The service answers the reminder effects itself: it knows
the plan it stored."""

from __future__ import annotations

from datetime import date

from dialogs.conversation import Conversation
from dialogs.cues import CLAUSE
from dialogs.memo import remembered
from dialogs.parsing import Unclear, parse_endorsed_date, parse_expiry_date
from dialogs.reading import Reading
from dialogs.reading_expiry import EXPIRY_MONTH, month_told
from dialogs.screens import Turn, ask_expiry, error_text, menu_choices

__all__ = [
    "ask_expiry_day",
    "ask_for_expiry",
    "cancel_reminders",
    "goal_reminder",
    "list_reminders",
    "mark_endorsed",
    "reask_expiry",
    "set_reminder",
    "set_told_reminder",
    "tells_expiry",
    "told_expiry",
]


def told_expiry(said: str, today: date) -> date | Unclear | None:
    """The expiry date told with the request (提醒我签注，居住证2027年3月15日到期): the one date
    a clause of it gives; a date told that cannot be one (past, too far) as its reason; None
    when no clause tells one. Read once a step: the transition's condition, its action and
    the question asked otherwise all want it."""
    return remembered(lambda: ("told_expiry", said, today), lambda: _told_expiry(said, today))


def _told_expiry(said: str, today: date) -> date | Unclear | None:
    found: list[date | Unclear] = []
    for clause in CLAUSE.findall(said):
        try:
            found.append(parse_expiry_date(clause, today))
        except Unclear as error:
            if error.key:
                found.append(error)
        except ValueError:
            continue
    dates = {d for d in found if isinstance(d, date)}
    if len(dates) == 1:
        return dates.pop()
    return next((f for f in found if isinstance(f, Unclear)), None) if not dates else None


def tells_expiry(*, turn: Turn, **_: object) -> bool:
    return isinstance(told_expiry(turn.reading.said, turn.today), date)


def set_told_reminder(*, turn: Turn, **_: object) -> None:
    expiry = told_expiry(turn.reading.said, turn.today)
    assert isinstance(expiry, date)  # guarded by tells_expiry
    turn.out.effect("set_reminder", expiry=expiry.isoformat())


def ask_for_expiry(*, conversation: Conversation, turn: Turn) -> None:
    conversation.context.pop(EXPIRY_MONTH, None)
    told = told_expiry(turn.reading.said, turn.today)
    if isinstance(told, Unclear):  # 居住证去年3月就到期了: why that date cannot be it
        ask_expiry(turn.out, error_text(turn.out, Reading("unclear", error=told)))
        return
    if told is None and (month := month_told(turn.reading.said, turn.today)):
        _ask_day(conversation, turn, month)  # 提醒我签注，明年3月到期: which day of it?
        return
    ask_expiry(turn.out)


def ask_expiry_day(*, conversation: Conversation, turn: Turn) -> None:
    """A month told without its day (明年3月): the day is asked, the month kept."""
    _ask_day(conversation, turn, turn.reading.value)


def _ask_day(conversation: Conversation, turn: Turn, month: str) -> None:
    conversation.context[EXPIRY_MONTH] = month
    year, number = month.split("-")
    out = turn.out
    out.say(out.t("remind-ask-expiry-day", year=year, month=str(int(number))),
            buttons=[out.choice("nav:menu", "button-menu")])  # fmt: skip


def reask_expiry(*, turn: Turn, **_: object) -> None:
    ask_expiry(turn.out, error_text(turn.out, turn.reading))


def set_reminder(*, conversation: Conversation, turn: Turn) -> None:
    conversation.context.pop(EXPIRY_MONTH, None)
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
