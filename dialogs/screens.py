"""What the user sees on each screen of the dialog: the menu, a question, a confirm, the
navigation buttons. Callbacks decide what happens; these only render."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from dialogs.asked_in_question import RULE_CHOICE
from dialogs.conversation import Conversation
from dialogs.output import Out
from dialogs.question_whom import prompt
from dialogs.questions import QUESTIONS, Option, Question, by_id, offered, recorded
from dialogs.reading import Reading
from dialogs.reading_answer import DONE, MULTI, picked
from dialogs.types import Choice

__all__ = [
    "MENU_IDS",
    "RESUMED",
    "TOLD",
    "Turn",
    "ask",
    "ask_delete",
    "ask_expiry",
    "back_to_question",
    "confirm",
    "error_text",
    "menu_choices",
    "nav",
    "reask",
    "resume",
    "show",
]


# Context key: the open question was last shown again after an aside, not asked afresh. Kept
# for one message (dialogs/machine.py drops it before each step).
RESUMED = "resumed"
# Context key: the text of a request asked back (我30岁硕士，能到120分吗: calculate, or the FAQ?),
# whose facts the calculation takes when it is picked next. Kept for one message, as RESUMED.
TOLD = "told"


@dataclass(frozen=True)
class Turn:
    """One step's input and output, handed to every callback as the `turn` keyword."""

    today: date
    arg: str
    reading: Reading
    out: Out


# Progress is shown by section: their number is fixed whatever the answers open, so it only
# moves forward and the last section is the last. Each starts at its question (in the asking
# order of dialogs/questions.py); the questions after it belong to it.
SECTION_STARTS = {
    "age": "section-basics",
    "social_insurance_months": "section-insurance",
    "bonus": "section-bonus",
    "deductions": "section-deductions",
}
SECTIONS = tuple(SECTION_STARTS.values())


def section_of(question: Question) -> int:
    """The index in SECTIONS of the section `question` is in."""
    part = 0
    for asked in QUESTIONS:
        if asked.id in SECTION_STARTS:
            part = SECTIONS.index(SECTION_STARTS[asked.id])
        if asked.id == question.id:
            return part
    raise KeyError(question.id)


def _fmt(value: Any) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def show(out: Out, question: Question, value: Any) -> str:
    """An answer as the user reads it back."""
    if question.id == "bonus":
        return "、".join(out.t(f"bonus-{item}") for item in value) or out.t("bonus-none")
    option = next((o for o in question.choices if o.value == value), None)
    if option is not None:
        return out.t(option.label)
    if isinstance(value, date):
        return value.isoformat()
    if question.unit:
        return out.t(question.unit, value=_fmt(value))
    return _fmt(value)


def _choices(out: Out, options: tuple[Option, ...]) -> list[Choice]:
    return [out.choice(o.id, o.label) for o in options]


def _question_choices(conversation: Conversation, out: Out, question: Question) -> list[Choice]:
    """The options still possible; at the multi-select each item button toggles (✓ when
    ticked) and a last button submits what is ticked."""
    options = offered(question, conversation.facts())
    if question.id != MULTI:
        return _choices(out, options)
    ticked = picked(conversation)
    choices = [
        out.choice(o.id, "picked-label" if set(o.value) & set(ticked) else o.label,
                   label=out.t(o.label))
        for o in options
    ]  # fmt: skip
    return [*choices, out.choice(DONE, "choice-bonus-done", count=len(ticked))]


def nav(out: Out, conversation: Conversation) -> list[Choice]:
    buttons = [out.choice("nav:menu", "button-menu"), out.choice("nav:human", "button-human")]
    if conversation.context.get("done"):
        buttons.insert(0, out.choice("nav:back", "button-back"))
    return buttons


# The menu's buttons in the order shown: (choice id, label key). 第一个 / 最后一个 typed at the
# menu picks one by its place even where no menu is on screen (dialogs/machine.py).
MENU = (
    ("menu:score", "menu-score"),
    ("menu:faq", "menu-faq"),
    ("menu:remind", "menu-remind"),
    ("menu:human", "menu-human"),
    ("menu:reminders", "menu-reminders"),
    ("menu:language", "menu-language"),
)
MENU_IDS = [choice_id for choice_id, _ in MENU]


def menu_choices(out: Out) -> list[Choice]:
    return [out.choice(choice_id, label) for choice_id, label in MENU]


def back_to_question(conversation: Conversation, out: Out) -> None:
    """The open question again after an aside (an FAQ answer, an explanation), marked so for
    the next message (好，继续 goes on with it: dialogs/going_on.py)."""
    ask(conversation, out, out.t("back-to-question"))
    conversation.context[RESUMED] = True


def ask(conversation: Conversation, out: Out, note: str = "") -> None:
    """Ask the current question: progress, prompt, the old answer if there is one."""
    question = by_id(conversation.context["q"])
    lines = [note] if note else []
    part = section_of(question)
    lines.append(out.t("progress", n=part + 1, total=len(SECTIONS), section=out.t(SECTIONS[part])))
    lines.append(prompt(conversation, out, question))
    old = recorded(question, conversation.answers, conversation.context.get("extra", {}))
    if old is not None:
        lines.append(out.t("previous-answer", answer=show(out, question, old)))
    out.say(
        "\n".join(lines), _question_choices(conversation, out, question), nav(out, conversation)
    )


def reask(conversation: Conversation, out: Out, reason: str) -> None:
    question = by_id(conversation.context["q"])
    body = f"{reason}\n{out.t(question.example)}"
    out.say(body, _question_choices(conversation, out, question), nav(out, conversation))


def confirm(conversation: Conversation, out: Out, note: str = "") -> None:
    question = by_id(conversation.context["q"])
    pending = conversation.context["pending"]
    choices = []
    for choice_id in pending["options"]:
        if choice_id == RULE_CHOICE:
            choices.append(out.choice(choice_id, "choice-asking-the-rule"))
            continue
        value = question.value_of(choice_id)
        choices.append(Choice(choice_id, show(out, question, value)))
    lines = [note] if note else []
    lines.append(out.t(pending["key"], said=pending["said"], **pending.get("values", {})))
    out.say("\n".join(lines), choices, nav(out, conversation))


def error_text(out: Out, reading: Reading) -> str:
    if reading.kind == "unclear" and reading.error is not None:
        return out.t(reading.error.key, **reading.error.values)
    if reading.kind == "stale":
        return out.t("error-stale-choice")
    if reading.kind == "empty":
        return out.t("please-type-text")
    return out.t("error-not-understood", said=reading.said)


def ask_expiry(out: Out, note: str = "") -> None:
    body = f"{note}\n{out.t('remind-example')}" if note else out.t("remind-ask-expiry")
    out.say(body, buttons=[out.choice("nav:menu", "button-menu")])


def ask_delete(out: Out) -> None:
    choices = [out.choice("yes", "choice-delete-yes"), out.choice("no", "choice-delete-no")]
    out.say(out.t("delete-confirm"), choices)


def resume(conversation: Conversation, out: Out) -> None:
    """After an aside (language, FAQ, a bad command): show again what the user was at."""
    match conversation.state:
        case "asking":
            ask(conversation, out)
            conversation.context[RESUMED] = True
        case "confirming":
            confirm(conversation, out)
        case "expiry":
            ask_expiry(out)
        case "confirm_delete":
            ask_delete(out)
        case _:
            out.say(out.t("menu-short"), menu_choices(out))
