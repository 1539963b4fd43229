"""What a message means in each state of the conversation: at a points question or its
confirm (dialogs/reading_answer.py), at the expiry date asked for a reminder, at a yes/no
question, and elsewhere as free text (a greeting, a request, a question for the FAQ)."""

from __future__ import annotations

from datetime import date

from dialogs.conversation import Conversation
from dialogs.cues_refused import unrefused
from dialogs.intents import detect
from dialogs.parsing import normalise, parse_expiry_date
from dialogs.reading import Reading, faq_reading, not_read, yes_no
from dialogs.reading_answer import answer, confirmation
from dialogs.reading_asides import without_asides
from dialogs.reading_expiry import EXPIRY_MONTH, month_told, with_day
from dialogs.types import Inbound
from faq import live

__all__ = ["read"]

GREETINGS = frozenset({"你好", "您好", "hi", "hello", "hey", "嗨", "在吗", "在么", "哈喽"})


def read(conversation: Conversation, inbound: Inbound, today: date) -> Reading:
    said = "" if inbound.choice else (inbound.text or "").strip()
    if not said and not inbound.choice:
        return Reading("empty")
    match conversation.state:
        case "asking":
            plain = without_asides(unrefused(said), conversation.context["q"])
            return answer(conversation, inbound, plain, today)
        case "confirming":
            return confirmation(conversation, inbound, said, today)
        case "expiry":
            return _expiry(conversation, said, today)
        case "confirm_delete" | "offer_human":
            said_yes_no = yes_no(inbound, said)
            if said_yes_no or conversation.state == "confirm_delete":
                return said_yes_no or Reading("no")
    return _free_text(said)


def _expiry(conversation: Conversation, said: str, today: date) -> Reading:
    """A date; the day of the month told before (15号 after 明年3月); a month without its day
    (its day is asked, never guessed); else not read."""
    try:
        return Reading("value", parse_expiry_date(said, today))
    except ValueError as error:
        asked_month = conversation.context.get(EXPIRY_MONTH)
        try:
            day = with_day(asked_month, said, today) if asked_month else None
        except ValueError as wrong_day:
            return not_read(wrong_day, said)
        if day is not None:
            return Reading("value", day)
        if month := month_told(said, today):
            return Reading("month", month, said=said)
        return not_read(error, said)


def _free_text(said: str) -> Reading:
    if not said:
        return Reading("stale")
    if normalise(said).rstrip("!！~") in GREETINGS:
        return Reading("greeting")
    intent = detect(said)
    if intent is not None and intent.sure:
        return Reading("intent", intent)
    decision = live.current().ask(said)
    # 想落户，除了打分的路子还有别的吗: a question the FAQ points to another scheme, no request
    elsewhere = decision.kind == "unknown" and decision.pointer
    if intent is not None and not elsewhere and not (intent.aside and decision.kind == "answer"):
        kind = "intent" if decision.kind == "unknown" else "maybe_intent"
        return Reading(kind, intent, decision=decision, said=said)
    # 提醒一下，积分要每年续吗: the words in passing introduce the question
    return faq_reading(decision, said)
