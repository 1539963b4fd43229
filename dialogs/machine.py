"""The dialog: ONE `transitions` machine for every conversation, states and transitions as a
table. `step` attaches a conversation, fires one trigger on it and detaches it again; the
callbacks (in `dialogs.flows`, one module per feature) get `conversation` and `turn` as
keyword arguments."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from functools import partial
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from transitions import Machine

from dialogs import asked_instead, breaks, going_on
from dialogs.asked_rule import rule_instead
from dialogs.commands import ANSWER, command_of, resolve_number, route
from dialogs.conversation import INITIAL_STATE, Conversation
from dialogs.flows import faq, menu, points, rating, reminders, rule, unsure
from dialogs.intents import EITHER, Intent, says
from dialogs.memo import one_step
from dialogs.output import Out
from dialogs.parsing import normalise
from dialogs.questions import QUESTIONS, find_by_word
from dialogs.reading import Reading
from dialogs.reading_by_state import read
from dialogs.screens import MENU_IDS, RESUMED, TOLD, Turn, ask
from dialogs.types import Inbound, StepResult

__all__ = ["MACHINE", "STATES", "TRANSITIONS", "Understood", "step", "understand"]

SHANGHAI = ZoneInfo("Asia/Shanghai")
MAX_TEXT = 4000
QUESTION_IDS = frozenset(q.id for q in QUESTIONS)
NO_ANSWER = frozenset({"invalid", "unclear"})

is_value = menu.is_kind("value")
is_ambiguous = menu.is_kind("ambiguous")
is_toggle = menu.is_kind("toggle")
is_unsure = menu.is_kind("unsure")
is_rule = menu.is_kind("rule")
is_maybe_intent = menu.is_kind("maybe_intent")
is_request_or_answer = menu.is_kind("request_or_answer")
is_faq = menu.is_kind("faq")
is_faq_reading = menu.is_kind("faq", "suggest", "unknown")
is_suggest = menu.is_kind("suggest")
is_unknown = menu.is_kind("unknown")
is_greeting = menu.is_kind("greeting")
is_yes = menu.is_kind("yes")
is_month = menu.is_kind("month")
is_no = menu.is_kind("no")

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
    {"trigger": "start", "source": "*", "dest": "menu", "after": menu.show_welcome},
    {"trigger": "menu", "source": "*", "dest": "menu", "after": menu.show_menu},
    {"trigger": "score", "source": "*", "dest": "asking", "after": points.begin},
    {"trigger": "restart", "source": "*", "dest": "asking",
     "after": partial(points.begin, fresh=True)},
    {"trigger": "back", "source": QUESTIONING, "dest": "asking", "after": points.go_back},
    {"trigger": "back", "source": ELSEWHERE, "dest": "menu", "after": menu.show_menu},
    {"trigger": "edit", "source": "*", "dest": "=", "conditions": menu.names_two_questions,
     "after": menu.ask_which_question},
    {"trigger": "edit", "source": "*", "dest": "=", "conditions": menu.names_no_question,
     "after": menu.offer_edits},
    {"trigger": "edit", "source": "*", "dest": "asking", "conditions": menu.opened_elsewhere,
     "after": menu.edit_opener},
    {"trigger": "edit", "source": "*", "dest": "asking", "conditions": points.edit_applies,
     "after": points.begin_edit},
    {"trigger": "edit", "source": "*", "dest": "=", "after": points.edit_refused},
    {"trigger": "language", "source": "*", "dest": "=", "after": menu.switch_language},
    {"trigger": "human", "source": "*", "dest": "=", "after": menu.request_handoff},
    {"trigger": "cancel", "source": "confirm_delete", "dest": "menu", "after": menu.keep_data},
    {"trigger": "cancel", "source": "expiry", "dest": "menu", "after": menu.show_menu},
    {"trigger": "cancel", "source": QUESTIONING, "dest": "menu",
     "conditions": menu.leaves_the_questions, "after": menu.show_menu},
    {"trigger": "cancel", "source": "*", "dest": "=", "after": menu.resume_screen},
    {"trigger": "faq", "source": "*", "dest": "menu", "after": faq.list_faq},
    {"trigger": "faq_topic", "source": "*", "dest": "=", "after": faq.show_faq_topic},
    {"trigger": "rate", "source": "*", "dest": "=", "after": rating.rate},
    {"trigger": "remind", "source": "*", "dest": "menu", "conditions": reminders.tells_expiry,
     "after": reminders.set_told_reminder},
    {"trigger": "remind", "source": "*", "dest": "expiry", "after": reminders.ask_for_expiry},
    {"trigger": "reminders", "source": "*", "dest": "=", "after": reminders.list_reminders},
    {"trigger": "endorsed", "source": "*", "dest": "=", "after": reminders.mark_endorsed},
    {"trigger": "unsubscribe", "source": "*", "dest": "=", "after": reminders.cancel_reminders},
    {"trigger": "goal_reminder", "source": "*", "dest": "=", "after": reminders.goal_reminder},
    {"trigger": ANSWER, "source": "*", "dest": "=", "conditions": is_maybe_intent,
     "after": menu.ask_which_was_meant},
    {"trigger": ANSWER, "source": "asking", "dest": "=", "conditions": is_request_or_answer,
     "after": menu.ask_request_or_answer},
    {"trigger": "delete_data", "source": "*", "dest": "confirm_delete",
     "after": menu.ask_to_delete},
    # answers to the points questions
    {"trigger": ANSWER, "source": QUESTIONING, "dest": "menu",
     "conditions": [is_value, points.completes],
     "after": [points.record_answer, faq.offer_asked_beside, points.show_result]},
    {"trigger": ANSWER, "source": QUESTIONING, "dest": "asking", "conditions": is_value,
     "after": [points.record_answer, faq.offer_asked_beside, points.ask_next]},
    {"trigger": ANSWER, "source": "asking", "dest": "=", "conditions": is_toggle,
     "after": points.toggle_pick},
    {"trigger": ANSWER, "source": QUESTIONING, "dest": "confirming", "conditions": is_ambiguous,
     "after": points.ask_confirmation},
    {"trigger": ANSWER, "source": "asking", "dest": "=", "conditions": is_unsure,
     "after": unsure.explain},
    {"trigger": ANSWER, "source": "asking", "dest": "=", "conditions": is_rule,
     "after": rule.explain_rule},
    {"trigger": ANSWER, "source": "asking", "dest": "=", "conditions": faq.asks_how_points_add_up,
     "after": faq.explain_points},
    {"trigger": ANSWER, "source": "asking", "dest": "=", "conditions": faq.asks_own_eligibility,
     "after": faq.answer_eligibility},
    # 问规定 pressed at the confirm of a question about the rule: the FAQ, then the question
    {"trigger": ANSWER, "source": "confirming", "dest": "asking",
     "conditions": is_faq_reading, "after": [points.drop_confirm, faq.answer_faq_reading]},
    {"trigger": ANSWER, "source": "asking", "dest": "=", "conditions": is_faq,
     "after": faq.answer_from_faq},
    {"trigger": ANSWER, "source": "asking", "dest": "=", "conditions": is_suggest,
     "after": faq.suggest_mid_question},
    {"trigger": ANSWER, "source": "asking", "dest": "=", "conditions": is_unknown,
     "after": faq.unknown_mid_question},
    {"trigger": ANSWER, "source": QUESTIONING, "dest": "=", "after": points.reask_answer},
    # free text at the menu: an FAQ question, or something we do not know
    {"trigger": ANSWER, "source": "confirm_delete", "dest": "menu", "conditions": is_yes,
     "after": menu.delete_data},
    {"trigger": ANSWER, "source": "confirm_delete", "dest": "menu", "after": menu.keep_data},
    {"trigger": ANSWER, "source": "offer_human", "dest": "menu", "conditions": is_yes,
     "after": partial(menu.request_handoff, reason="faq_unknown")},
    {"trigger": ANSWER, "source": "offer_human", "dest": "menu", "conditions": is_no,
     "after": faq.decline_handoff},
    {"trigger": ANSWER, "source": ["menu", "offer_human"], "dest": "menu",
     "conditions": is_greeting, "after": menu.show_welcome},
    {"trigger": ANSWER, "source": ["menu", "offer_human"], "dest": "menu",
     "conditions": faq.asks_how_points_add_up, "after": faq.explain_points},
    {"trigger": ANSWER, "source": ["menu", "offer_human"], "dest": "menu",
     "conditions": faq.asks_own_eligibility, "after": faq.answer_eligibility},
    {"trigger": ANSWER, "source": ["menu", "offer_human"], "dest": "menu", "conditions": is_faq,
     "after": faq.answer_from_faq},
    {"trigger": ANSWER, "source": ["menu", "offer_human"], "dest": "menu",
     "conditions": is_suggest, "after": faq.suggest_faq},
    {"trigger": ANSWER, "source": ["menu", "offer_human"], "dest": "offer_human",
     "conditions": is_unknown, "after": faq.say_unknown},
    {"trigger": ANSWER, "source": ["menu", "offer_human"], "dest": "menu",
     "after": menu.menu_aside},
    # reminders
    {"trigger": ANSWER, "source": "expiry", "dest": "menu", "conditions": is_value,
     "after": reminders.set_reminder},
    {"trigger": ANSWER, "source": "expiry", "dest": "=", "conditions": is_month,
     "after": reminders.ask_expiry_day},
    {"trigger": ANSWER, "source": "expiry", "dest": "=", "after": reminders.reask_expiry},
]  # fmt: skip

MACHINE = Machine(
    model=None,
    states=STATES,
    transitions=TRANSITIONS,
    initial=INITIAL_STATE,
    auto_transitions=False,
)


class Understood(NamedTuple):
    trigger: str
    arg: str
    reading: Reading
    request: Intent | None = None  # the typed request the trigger carries out, if one did


def _repair(conversation: Conversation) -> None:
    """A record from an older version may name a state or question that no longer exists:
    start again from the menu rather than fail on every message."""
    context = conversation.context
    known_state = conversation.state in MACHINE.states
    question = context.get("q")
    if not known_state or (question and question not in QUESTION_IDS):
        conversation.state = INITIAL_STATE
        for key in points.QUESTIONNAIRE:
            context.pop(key, None)
    elif conversation.state in QUESTIONING and not question:
        conversation.state = INITIAL_STATE


def _today(now: datetime) -> date:
    """The date in Shanghai; a naive `now` is taken as Shanghai time already."""
    return (now.astimezone(SHANGHAI) if now.tzinfo else now).date()


def _pickable(conversation: Conversation) -> list[str]:
    """The choices a number or an ordinal typed now picks from: those on screen; at the menu
    with none (a first message, a screen without buttons), the menu's own."""
    offered: list[str] = conversation.context.get("offered", [])
    return offered or (MENU_IDS if conversation.state == "menu" else [])


def understand(conversation: Conversation, inbound: Inbound, today: date) -> Understood:
    """What a message asks of the machine: a command (typed, pressed, or a request in the
    user's words) or an answer with its reading. Pure: the conversation is not changed."""
    if inbound.text and not inbound.choice and not inbound.command:
        picked = resolve_number(inbound.text, _pickable(conversation))
        if picked:
            inbound = replace(inbound, choice=picked)  # the text stays: typed, not pressed
    trigger, arg = route(inbound)
    reading = read(conversation, inbound, today) if trigger == ANSWER else Reading("command")
    if conversation.state == "asking" and inbound.text and not inbound.choice:
        plain = normalise(inbound.text)
        reading = breaks.checked(conversation, inbound.text, plain, reading, today)
        if reading.kind in NO_ANSWER and says("skips", plain):
            reading = Reading("unsure", said=inbound.text)  # 跳过: as 我也不确定
        reading = asked_instead.checked(inbound.text.strip(), reading)
        reading = rule_instead(conversation, inbound.text, reading, today)
        if conversation.context.get(RESUMED):
            reading = going_on.checked(inbound.text, reading)
    if reading.kind == "intent":  # a request typed as text: the command it asks for
        intent = reading.value
        trigger, arg = command_of(intent)
        # the text stays with the command: a calculation keeps the facts told with it
        return Understood(trigger, arg, Reading("command", said=inbound.text or ""), intent)
    return Understood(trigger, arg, reading)


def _edit_and_answer(conversation: Conversation, answer: Inbound, turn: Turn) -> None:
    """年纪改成41: the edit opens the question named (or the one of two it may name: 基数改成3倍),
    and 41 answers it when it reads as an answer there (then what follows is shown: the next
    open question or the result); else the question is asked as for any edit."""
    fire = conversation.trigger  # type: ignore[attr-defined]
    asked = Out(conversation)
    fire("edit", conversation=conversation, turn=replace(turn, out=asked))
    named = {q.id for arg in turn.arg.split(EITHER) if (q := find_by_word(arg))}
    if conversation.state == "asking" and conversation.context.get("q") in named:
        reading = read(conversation, answer, turn.today)
        if reading.kind == "value":
            fire(ANSWER, conversation=conversation, turn=replace(turn, arg="", reading=reading))
            return
    turn.out.replies += asked.replies
    turn.out.effects += asked.effects


def _whom_told(conversation: Conversation, reading: Reading, out: Out) -> bool:
    """An answer telling whose the answers are (我老婆的，她38): theirs from now on, said so;
    True when it answers nothing else (我老婆的), the question to be asked again about them."""
    if not reading.whom:
        return False
    conversation.context["whom"] = reading.whom
    out.say(out.t("score-for-whom", whom=reading.whom))
    return reading.kind in NO_ANSWER


def step(conversation: Conversation, inbound: Inbound, now: datetime) -> StepResult:
    """Synchronous on purpose: nothing can run between attaching and detaching the model."""
    with one_step():
        return _step(conversation, inbound, now)


def _step(conversation: Conversation, inbound: Inbound, now: datetime) -> StepResult:
    out = Out(conversation)
    if inbound.text and len(inbound.text) > MAX_TEXT:
        out.say(out.t("message-too-long", limit=MAX_TEXT))
        return StepResult(tuple(out.replies))
    _repair(conversation)
    inbound = rating.typed(conversation, inbound)
    today = _today(now)
    trigger, arg, reading, request = understand(conversation, inbound, today)
    conversation.context.pop(RESUMED, None)  # this step shows the question again, if it does
    told = conversation.context.pop(TOLD, "")  # 我30岁硕士，能到120分吗 asked back, 算分 picked
    if trigger == "score" and told and not reading.said:
        reading = replace(reading, said=told)
    MACHINE.add_model(conversation, initial=conversation.state)
    try:
        fire = conversation.trigger  # type: ignore[attr-defined]  # added by add_model
        if request and request.value:  # 年纪改成41: answered at once if it reads as one
            _edit_and_answer(
                conversation, replace(inbound, text=request.value), Turn(today, arg, reading, out)
            )
        elif _whom_told(conversation, reading, out):  # 我老婆的: her answers, asked again
            ask(conversation, out)
        else:
            fire(trigger, conversation=conversation, turn=Turn(today, arg, reading, out))
    finally:
        MACHINE.remove_model(conversation)
        conversation.unbind()
    if request and request.also:  # 帮我算下积分，顺便设个提醒: the reminder, one tap away
        menu.offer_also(conversation, out, request.also)
    if out.replies:  # a step the service answers alone keeps the choices on screen
        conversation.context["offered"] = out.offered()
        rating.after_step(conversation, out.replies)
    return StepResult(tuple(out.replies), tuple(out.effects))
