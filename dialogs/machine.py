"""The dialog: ONE `transitions` machine for every conversation, states and transitions as a
table. `step` attaches a conversation, fires one trigger and detaches it again."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from transitions import EventData, Machine

from dialogs.commands import ANSWER, resolve_number, route
from dialogs.conversation import INITIAL_STATE, LOCALES, Conversation
from dialogs.output import Out
from dialogs.parsing import Unclear, parse_endorsed_date
from dialogs.questions import (
    QUESTIONS,
    Option,
    Question,
    applicable,
    by_id,
    find_by_word,
    record,
    recorded,
)
from dialogs.reading import Reading, read
from dialogs.result import score_answers, show_score
from dialogs.types import Choice, Inbound, StepResult
from faq.retrieve import load_entries, most_asked
from scoring.policy import edition_in_force

__all__ = ["MACHINE", "STATES", "TRANSITIONS", "step"]

SHANGHAI = ZoneInfo("Asia/Shanghai")
MAX_TEXT = 4000
FAQ_MENU_SIZE = 6
SUGGESTIONS = 3
# Context keys of one run through the points questions.
QUESTIONNAIRE = ("q", "done", "extra", "pending", "goal_month")
QUESTION_IDS = frozenset(q.id for q in QUESTIONS)


@dataclass(frozen=True)
class Turn:
    """One step's input and output, handed to every callback as the `turn` keyword."""

    today: date
    arg: str
    reading: Reading
    out: Out


def _turn(event: EventData) -> tuple[Conversation, Turn]:
    conversation = event.model
    assert isinstance(conversation, Conversation)
    return conversation, event.kwargs["turn"]


# -- conditions -------------------------------------------------------------------------


def _kind(*kinds: str) -> Callable[[EventData], bool]:
    def condition(event: EventData) -> bool:
        return _turn(event)[1].reading.kind in kinds

    condition.__name__ = f"reading_is_{'_or_'.join(kinds)}"
    return condition


is_value = _kind("value")
is_ambiguous = _kind("ambiguous")
is_faq = _kind("faq")
is_suggest = _kind("suggest")
is_unknown = _kind("unknown")
is_greeting = _kind("greeting")
is_yes = _kind("yes")


def completes(event: EventData) -> bool:
    """Recording this answer leaves no question to ask: the result comes next."""
    conversation, turn = _turn(event)
    answers = dict(conversation.answers)
    extra = dict(conversation.context.get("extra", {}))
    question = by_id(conversation.context["q"])
    record(question, turn.reading.value, answers, extra)
    done = {*conversation.context.get("done", []), question.id}
    return _next_question(answers, extra, done) is None


def edit_applies(event: EventData) -> bool:
    conversation, turn = _turn(event)
    question = find_by_word(turn.arg)
    return question is not None and question in applicable(_facts(conversation))


# -- the questions ----------------------------------------------------------------------


def _facts(conversation: Conversation) -> dict[str, Any]:
    return {**conversation.answers, **conversation.context.get("extra", {})}


def _next_question(answers: dict[str, Any], extra: dict[str, Any], done: set[str]) -> str | None:
    return next((q.id for q in applicable({**answers, **extra}) if q.id not in done), None)


def _fmt(value: Any) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _show(out: Out, question: Question, value: Any) -> str:
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


def _nav(out: Out, conversation: Conversation) -> list[Choice]:
    buttons = [out.choice("nav:menu", "button-menu"), out.choice("nav:human", "button-human")]
    if conversation.context.get("done"):
        buttons.insert(0, out.choice("nav:back", "button-back"))
    return buttons


def _ask(conversation: Conversation, out: Out, note: str = "") -> None:
    """Ask the current question: progress, prompt, the old answer if there is one."""
    question = by_id(conversation.context["q"])
    order = applicable(_facts(conversation))
    lines = [note] if note else []
    lines.append(out.t("progress", n=order.index(question) + 1, total=len(order)))
    lines.append(out.t(question.prompt))
    old = recorded(question, conversation.answers, conversation.context.get("extra", {}))
    if old is not None:
        lines.append(out.t("previous-answer", answer=_show(out, question, old)))
    out.say("\n".join(lines), _choices(out, question.choices), _nav(out, conversation))


def _reask(conversation: Conversation, out: Out, reason: str) -> None:
    question = by_id(conversation.context["q"])
    body = f"{reason}\n{out.t(question.example)}"
    out.say(body, _choices(out, question.choices), _nav(out, conversation))


def _confirm(conversation: Conversation, out: Out, note: str = "") -> None:
    question = by_id(conversation.context["q"])
    pending = conversation.context["pending"]
    choices = []
    for choice_id in pending["options"]:
        value = question.value_of(choice_id)
        choices.append(Choice(choice_id, _show(out, question, value)))
    lines = [note] if note else []
    lines.append(out.t(pending["key"], said=pending["said"]))
    out.say("\n".join(lines), choices, _nav(out, conversation))


def _error_text(out: Out, reading: Reading) -> str:
    if reading.kind == "unclear" and reading.error is not None:
        return out.t(reading.error.key, **reading.error.values)
    if reading.kind == "stale":
        return out.t("error-stale-choice")
    if reading.kind == "empty":
        return out.t("please-type-text")
    return out.t("error-not-understood", said=reading.said)


# -- callbacks: menu and navigation -----------------------------------------------------


def _menu_choices(out: Out) -> list[Choice]:
    return [
        out.choice("menu:score", "menu-score"),
        out.choice("menu:faq", "menu-faq"),
        out.choice("menu:remind", "menu-remind"),
        out.choice("menu:human", "menu-human"),
        out.choice("menu:reminders", "menu-reminders"),
        out.choice("menu:language", "menu-language"),
    ]


def show_welcome(event: EventData) -> None:
    _, turn = _turn(event)
    turn.out.say(turn.out.t("welcome"), _menu_choices(turn.out))


def show_menu(event: EventData) -> None:
    conversation, turn = _turn(event)
    key = "menu-resume" if conversation.context.get("q") else "menu"
    turn.out.say(turn.out.t(key), _menu_choices(turn.out))


def _resume(conversation: Conversation, out: Out) -> None:
    """After an aside (language, FAQ, a bad command): show again what the user was at."""
    match conversation.state:
        case "asking":
            _ask(conversation, out)
        case "confirming":
            _confirm(conversation, out)
        case "expiry":
            out.say(out.t("remind-ask-expiry"), buttons=[out.choice("nav:menu", "button-menu")])
        case "confirm_delete":
            _ask_delete(out)
        case _:
            out.say(out.t("menu-short"), _menu_choices(out))


def switch_language(event: EventData) -> None:
    conversation, turn = _turn(event)
    other = LOCALES[1] if conversation.locale == LOCALES[0] else LOCALES[0]
    conversation.locale = turn.arg if turn.arg in LOCALES else other
    turn.out.say(turn.out.t("language-switched"))
    _resume(conversation, turn.out)


def request_handoff(event: EventData) -> None:
    """The service's support desk answers (place in the queue, or when staff are back)."""
    _turn(event)[1].out.effect("handoff", reason="user_request")


def resume(event: EventData) -> None:
    conversation, turn = _turn(event)
    _resume(conversation, turn.out)


def handoff_faq_unknown(event: EventData) -> None:
    _turn(event)[1].out.effect("handoff", reason="faq_unknown")


# -- callbacks: the points questions ----------------------------------------------------


def _clear_questionnaire(conversation: Conversation) -> None:
    conversation.answers.clear()
    for key in QUESTIONNAIRE:
        conversation.context.pop(key, None)


def begin(event: EventData) -> None:
    """算积分: continue an unfinished run, else start one."""
    conversation, turn = _turn(event)
    if not conversation.context.get("q"):
        _clear_questionnaire(conversation)
        conversation.context["q"] = _next_question({}, {}, set())
        turn.out.say(turn.out.t("score-intro"))
    _ask(conversation, turn.out)


def begin_fresh(event: EventData) -> None:
    conversation, turn = _turn(event)
    _clear_questionnaire(conversation)
    conversation.context["q"] = _next_question({}, {}, set())
    turn.out.say(turn.out.t("restarted"))
    _ask(conversation, turn.out)


def go_back(event: EventData) -> None:
    conversation, turn = _turn(event)
    context = conversation.context
    if context.pop("pending", None):  # back from a confirm: the question it confirms
        _ask(conversation, turn.out)
        return
    done: list[str] = context.get("done", [])
    if not done:
        _ask(conversation, turn.out, turn.out.t("back-first"))
        return
    context["q"] = done.pop()
    _ask(conversation, turn.out)


def begin_edit(event: EventData) -> None:
    conversation, turn = _turn(event)
    question = find_by_word(turn.arg)
    assert question is not None  # guarded by edit_applies
    context = conversation.context
    context.pop("pending", None)
    context["done"] = [d for d in context.get("done", []) if d != question.id]
    context["q"] = question.id
    _ask(conversation, turn.out)


def edit_refused(event: EventData) -> None:
    conversation, turn = _turn(event)
    key = "edit-not-applicable" if find_by_word(turn.arg) else "edit-unknown"
    turn.out.say(turn.out.t(key, item=turn.arg))
    _resume(conversation, turn.out)


def record_answer(event: EventData) -> None:
    conversation, turn = _turn(event)
    context = conversation.context
    question = by_id(context["q"])
    extra = context.setdefault("extra", {})
    record(question, turn.reading.value, conversation.answers, extra)
    still = {q.id for q in applicable(_facts(conversation))}
    context["done"] = [d for d in context.get("done", []) if d != question.id and d in still] + [
        question.id
    ]
    context.pop("pending", None)


def ask_next(event: EventData) -> None:
    conversation, turn = _turn(event)
    context = conversation.context
    context["q"] = _next_question(
        conversation.answers, context.get("extra", {}), set(context["done"])
    )
    _ask(conversation, turn.out)


def ask_confirmation(event: EventData) -> None:
    conversation, turn = _turn(event)
    ambiguous = turn.reading.ambiguous
    assert ambiguous is not None
    question = by_id(conversation.context["q"])
    conversation.context["pending"] = {
        "options": [question.option_id(value) for value in ambiguous.options],
        "key": ambiguous.key or "confirm-which",
        "said": turn.reading.said,
    }
    _confirm(conversation, turn.out)


def reask(event: EventData) -> None:
    conversation, turn = _turn(event)
    reason = _error_text(turn.out, turn.reading)
    if conversation.state == "confirming":
        _confirm(conversation, turn.out, reason)
    else:
        _reask(conversation, turn.out, reason)


def show_result(event: EventData) -> None:
    conversation, turn = _turn(event)
    out, context = turn.out, conversation.context
    context["q"] = None
    context.pop("done", None)
    try:
        outcome = score_answers(conversation.answers, turn.today)
    except ValueError:
        out.say(out.t("result-error"), _menu_choices(out))
        return
    context["done"] = [q.id for q in applicable(_facts(conversation))]
    context["goal_month"] = outcome.goal_month
    show_score(out, outcome, conversation.locale == "en")
    choices = []
    if outcome.goal_month:
        year, month = outcome.goal_month.split("-")
        choices.append(
            out.choice("remind:goal", "choice-goal-reminder", year=year, month=int(month))
        )
    choices += [
        out.choice("menu:remind", "choice-endorsement-reminder"),
        out.choice("nav:restart", "choice-score-again"),
        out.choice("menu:faq", "menu-faq"),
        out.choice("menu:human", "menu-human"),
    ]
    out.say(out.t("result-menu"), choices)


# -- callbacks: FAQ ---------------------------------------------------------------------


def _faq_label(conversation: Conversation, entry: Any) -> str:
    return str(entry.question_en if conversation.locale == "en" else entry.question)


def _faq_answer(conversation: Conversation, turn: Turn, entry: Any) -> None:
    values = edition_in_force(turn.today).values()
    out = turn.out
    body = entry.render(conversation.locale, values)
    out.say(
        body,
        buttons=[
            out.choice("nav:human", "button-not-helpful"),
            out.choice("nav:menu", "button-menu"),
        ],
    )


def list_faq(event: EventData) -> None:
    conversation, turn = _turn(event)
    choices = [
        Choice(f"faq:{entry.id}", _faq_label(conversation, entry))
        for entry in most_asked(FAQ_MENU_SIZE)
    ]
    turn.out.say(turn.out.t("faq-list"), choices, [turn.out.choice("nav:menu", "button-menu")])


def show_faq_topic(event: EventData) -> None:
    conversation, turn = _turn(event)
    entry = next((e for e in load_entries() if e.id == turn.arg), None)
    if entry is None:
        turn.out.say(turn.out.t("faq-gone"))
    else:
        _faq_answer(conversation, turn, entry)
    if conversation.state != "menu":
        _resume(conversation, turn.out)


def answer_from_faq(event: EventData) -> None:
    conversation, turn = _turn(event)
    _faq_answer(conversation, turn, turn.reading.decision.entry)
    if conversation.state == "asking":
        _ask(conversation, turn.out, turn.out.t("back-to-question"))


def suggest_faq(event: EventData) -> None:
    conversation, turn = _turn(event)
    suggestions = list(turn.reading.decision.suggestions)[:SUGGESTIONS]
    choices = [Choice(f"faq:{e.id}", _faq_label(conversation, e)) for e in suggestions]
    turn.out.say(turn.out.t("faq-suggest"), choices, [turn.out.choice("nav:human", "button-human")])


def say_unknown(event: EventData) -> None:
    _, turn = _turn(event)
    out = turn.out
    out.effect("faq_unanswered", question=turn.reading.said)
    choices = [out.choice("yes", "choice-talk-to-person"), out.choice("no", "choice-no-thanks")]
    out.say(out.t("faq-unknown"), choices)


def decline_handoff(event: EventData) -> None:
    _, turn = _turn(event)
    turn.out.say(turn.out.t("faq-unknown-declined"), _menu_choices(turn.out))


def menu_aside(event: EventData) -> None:
    """Nothing usable typed at the menu (a sticker, a stale button): the menu again."""
    _, turn = _turn(event)
    if turn.reading.kind == "empty":
        turn.out.say(turn.out.t("please-type-text"))
    turn.out.say(turn.out.t("menu-short"), _menu_choices(turn.out))


# -- callbacks: reminders and data ------------------------------------------------------


def ask_expiry(event: EventData) -> None:
    _, turn = _turn(event)
    out = turn.out
    out.say(out.t("remind-ask-expiry"), buttons=[out.choice("nav:menu", "button-menu")])


# The service answers the reminder effects itself: it knows the plan it stored.


def set_reminder(event: EventData) -> None:
    _, turn = _turn(event)
    expiry: date = turn.reading.value
    turn.out.effect("set_reminder", expiry=expiry.isoformat())


def reask_expiry(event: EventData) -> None:
    _, turn = _turn(event)
    out = turn.out
    body = f"{_error_text(out, turn.reading)}\n{out.t('remind-example')}"
    out.say(body, buttons=[out.choice("nav:menu", "button-menu")])


def list_reminders(event: EventData) -> None:
    _turn(event)[1].out.effect("list_reminders")


def mark_endorsed(event: EventData) -> None:
    _, turn = _turn(event)
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


def cancel_reminders(event: EventData) -> None:
    _turn(event)[1].out.effect("cancel_reminders")


def goal_reminder(event: EventData) -> None:
    conversation, turn = _turn(event)
    month = conversation.context.get("goal_month")
    if not month:
        turn.out.say(turn.out.t("menu-short"), _menu_choices(turn.out))
        return
    turn.out.effect("goal_reminder", month=month)


def _ask_delete(out: Out) -> None:
    choices = [out.choice("yes", "choice-delete-yes"), out.choice("no", "choice-delete-no")]
    out.say(out.t("delete-confirm"), choices)


def ask_delete(event: EventData) -> None:
    _ask_delete(_turn(event)[1].out)


def delete_data(event: EventData) -> None:
    conversation, turn = _turn(event)
    conversation.answers.clear()
    conversation.context.clear()
    turn.out.effect("delete_data")
    turn.out.say(turn.out.t("data-deleted"), _menu_choices(turn.out))


def keep_data(event: EventData) -> None:
    _, turn = _turn(event)
    turn.out.say(turn.out.t("delete-cancelled"), _menu_choices(turn.out))


# -- the table --------------------------------------------------------------------------

STATES: list[dict[str, Any]] = [
    {"name": "menu"},  # the main menu, also after a result or an FAQ answer
    {"name": "asking"},  # a points question is open (context["q"])
    {"name": "confirming"},  # an ambiguous answer waits for a pick (context["pending"])
    {"name": "offer_human"},  # the FAQ did not know; a person was offered
    {"name": "expiry"},  # 设置提醒: waiting for the permit's expiry date
    {"name": "confirm_delete"},  # 删除我的数据: waiting for yes / no
]
QUESTIONING = ["asking", "confirming"]
ELSEWHERE = ["menu", "offer_human", "expiry", "confirm_delete"]

TRANSITIONS: list[dict[str, Any]] = [
    # commands, from anywhere
    {"trigger": "start", "source": "*", "dest": "menu", "after": show_welcome},
    {"trigger": "menu", "source": "*", "dest": "menu", "after": show_menu},
    {"trigger": "score", "source": "*", "dest": "asking", "after": begin},
    {"trigger": "restart", "source": "*", "dest": "asking", "after": begin_fresh},
    {"trigger": "back", "source": QUESTIONING, "dest": "asking", "after": go_back},
    {"trigger": "back", "source": ELSEWHERE, "dest": "menu", "after": show_menu},
    {"trigger": "edit", "source": "*", "dest": "asking", "conditions": edit_applies,
     "after": begin_edit},
    {"trigger": "edit", "source": "*", "dest": "=", "after": edit_refused},
    {"trigger": "language", "source": "*", "dest": "=", "after": switch_language},
    {"trigger": "human", "source": "*", "dest": "=", "after": request_handoff},
    {"trigger": "cancel", "source": "confirm_delete", "dest": "menu", "after": keep_data},
    {"trigger": "cancel", "source": "expiry", "dest": "menu", "after": show_menu},
    {"trigger": "cancel", "source": "*", "dest": "=", "after": resume},
    {"trigger": "faq", "source": "*", "dest": "menu", "after": list_faq},
    {"trigger": "faq_topic", "source": "*", "dest": "=", "after": show_faq_topic},
    {"trigger": "remind", "source": "*", "dest": "expiry", "after": ask_expiry},
    {"trigger": "reminders", "source": "*", "dest": "=", "after": list_reminders},
    {"trigger": "endorsed", "source": "*", "dest": "=", "after": mark_endorsed},
    {"trigger": "unsubscribe", "source": "*", "dest": "=", "after": cancel_reminders},
    {"trigger": "goal_reminder", "source": "*", "dest": "=", "after": goal_reminder},
    {"trigger": "delete_data", "source": "*", "dest": "confirm_delete", "after": ask_delete},
    # answers to the points questions
    {"trigger": ANSWER, "source": QUESTIONING, "dest": "menu", "conditions": [is_value, completes],
     "after": [record_answer, show_result]},
    {"trigger": ANSWER, "source": QUESTIONING, "dest": "asking", "conditions": is_value,
     "after": [record_answer, ask_next]},
    {"trigger": ANSWER, "source": QUESTIONING, "dest": "confirming", "conditions": is_ambiguous,
     "after": ask_confirmation},
    {"trigger": ANSWER, "source": "asking", "dest": "=", "conditions": is_faq,
     "after": answer_from_faq},
    {"trigger": ANSWER, "source": QUESTIONING, "dest": "=", "after": reask},
    # free text at the menu: an FAQ question, or something we do not know
    {"trigger": ANSWER, "source": "confirm_delete", "dest": "menu", "conditions": is_yes,
     "after": delete_data},
    {"trigger": ANSWER, "source": "confirm_delete", "dest": "menu", "after": keep_data},
    {"trigger": ANSWER, "source": "offer_human", "dest": "menu", "conditions": is_yes,
     "after": handoff_faq_unknown},
    {"trigger": ANSWER, "source": "offer_human", "dest": "menu", "conditions": _kind("no"),
     "after": decline_handoff},
    {"trigger": ANSWER, "source": ["menu", "offer_human"], "dest": "menu",
     "conditions": is_greeting, "after": show_welcome},
    {"trigger": ANSWER, "source": ["menu", "offer_human"], "dest": "menu", "conditions": is_faq,
     "after": answer_from_faq},
    {"trigger": ANSWER, "source": ["menu", "offer_human"], "dest": "menu",
     "conditions": is_suggest, "after": suggest_faq},
    {"trigger": ANSWER, "source": ["menu", "offer_human"], "dest": "offer_human",
     "conditions": is_unknown, "after": say_unknown},
    {"trigger": ANSWER, "source": ["menu", "offer_human"], "dest": "menu", "after": menu_aside},
    # reminders
    {"trigger": ANSWER, "source": "expiry", "dest": "menu", "conditions": is_value,
     "after": set_reminder},
    {"trigger": ANSWER, "source": "expiry", "dest": "=", "after": reask_expiry},
]  # fmt: skip

MACHINE = Machine(
    model=None,
    states=STATES,
    transitions=TRANSITIONS,
    initial=INITIAL_STATE,
    auto_transitions=False,
    send_event=True,
)


def _repair(conversation: Conversation) -> None:
    """A record from an older version may name a state or question that no longer exists:
    start again from the menu rather than fail on every message."""
    context = conversation.context
    known_state = conversation.state in MACHINE.states
    question = context.get("q")
    if not known_state or (question and question not in QUESTION_IDS):
        conversation.state = INITIAL_STATE
        for key in QUESTIONNAIRE:
            context.pop(key, None)
    elif conversation.state in QUESTIONING and not question:
        conversation.state = INITIAL_STATE


def _today(now: datetime) -> date:
    """The date in Shanghai; a naive `now` is taken as Shanghai time already."""
    return (now.astimezone(SHANGHAI) if now.tzinfo else now).date()


def step(conversation: Conversation, inbound: Inbound, now: datetime) -> StepResult:
    """Synchronous on purpose: nothing can run between attaching and detaching the model."""
    out = Out(conversation)
    if inbound.text and len(inbound.text) > MAX_TEXT:
        out.say(out.t("message-too-long", limit=MAX_TEXT))
        return StepResult(tuple(out.replies))
    if inbound.text and not inbound.choice and not inbound.command:
        picked = resolve_number(inbound.text, conversation.context.get("offered", []))
        if picked:
            inbound = Inbound(
                inbound.channel, inbound.user, inbound.message_id, inbound.at, choice=picked
            )
    _repair(conversation)
    today = _today(now)
    trigger, arg = route(inbound)
    reading = read(conversation, inbound, today) if trigger == ANSWER else Reading("command")
    turn = Turn(today, arg, reading, out)
    MACHINE.add_model(conversation, initial=conversation.state)
    try:
        MACHINE.events[trigger].trigger(conversation, turn=turn)
    finally:
        MACHINE.remove_model(conversation)
        conversation.unbind()
    if out.replies:  # a step the service answers alone keeps the choices on screen
        conversation.context["offered"] = out.offered()
    return StepResult(tuple(out.replies), tuple(out.effects))
