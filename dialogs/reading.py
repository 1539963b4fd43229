"""Reading: what a message means in the state the conversation is in, read before the machine
runs so that the transition table can choose by plain conditions on it. This module holds the
value and the readings every state falls back on when no answer is read: a request, a question
for the FAQ, "not sure". What each state reads is in dialogs/reading_by_state.py."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from dialogs.intents import detect
from dialogs.parsing import Ambiguous, Unclear, is_unsure, parse_yes_no
from dialogs.types import Inbound
from faq import live
from faq.retrieve import Decision

__all__ = [
    "CARRY_ON",
    "Reading",
    "faq_or",
    "faq_reading",
    "not_read",
    "request_or",
    "unsure_or",
    "yes_no",
]

# Only text that reads like a question is offered to the FAQ in the middle of the questions:
# "2倍" typed at the wrong question is a wrong answer, not a question about the base tiers.
# A wish to work the points out oneself (我想先自己估一下, I'd like to estimate it myself first)
# is offered too: the FAQ tells how.
QUESTION_LIKE = re.compile(
    r"[?？]|怎么|怎样|什么|如何|为什么|多久|多长|哪|吗|呢|能不能|可不可以|是否|要不要"
    r"|^(how|what|when|where|why|which|can|do|does|is|are|should)\b"
    r"|(自己|自行)\S{0,3}(估|算|测|评)(?![过了的出])"
    r"|\b(estimate|calculate|work (it )?out|figure (it )?out)\b"
    r".{0,12}\b(myself|on my own|by myself)\b",
    re.IGNORECASE,
)
CARRY_ON = "score"  # a request to calculate, made at a question: go on with the questions


@dataclass(frozen=True)
class Reading:
    """kind: value | toggle (a multi-select item pressed) | ambiguous | unclear | invalid |
    stale | faq | suggest | unknown | greeting | yes | no | empty | unsure (我也不确定) |
    month (an expiry month told without its day: value "YYYY-MM") |
    intent (a request: value is the Intent) | maybe_intent (a request or an FAQ question:
    value and decision) | request_or_answer (a request that also answers the open question:
    value is the Intent, answer the value it answers) | rule (a question about the rule of
    the open question, or of the question named when value is its id, which says nothing of
    the user's own case: dialogs/asked_rule.py)."""

    kind: str
    value: Any = None
    ambiguous: Ambiguous | None = None
    error: Unclear | None = None
    decision: Any = None
    said: str = ""
    answer: Any = None
    whom: str = ""  # the person the answers are for, told with this one (我老婆的，她38)


def faq_reading(decision: Decision, said: str) -> Reading:
    """What the FAQ decided of a question typed: its answer, its suggestions, or unknown."""
    kind = {"answer": "faq", "suggest": "suggest"}.get(decision.kind, "unknown")
    return Reading(kind, decision=decision, said=said)


def yes_no(inbound: Inbound, said: str) -> Reading | None:
    """A yes or a no, pressed or typed; None when `said` is neither."""
    if inbound.choice in ("yes", "no"):
        return Reading(inbound.choice)
    try:
        return Reading("yes" if parse_yes_no(said) else "no")
    except ValueError:
        return None


def unsure_or(fallback: Reading, said: str) -> Reading:
    """我也不确定: never a value; the dialog explains how to find out instead. A question the
    FAQ is sure of, its doubt about something else (密码忘了怎么办), gets the FAQ's answer."""
    if fallback.kind == "faq" or not is_unsure(said):
        return fallback
    return Reading("unsure", said=said)


def request_or(fallback: Reading, said: str) -> Reading:
    """A request typed instead of an answer (我想重新算, 学历填错了, 转真人) is carried out; one
    that also reads as a question the FAQ answers (积分怎么算) is asked back."""
    intent = detect(said)
    if intent is None or (intent.aside and fallback.kind in ("unclear", "invalid")):
        return fallback  # 提醒一下，<an answer not understood>: asked again, as an answer
    if intent.sure:
        return Reading("intent", intent)
    decision = fallback.decision if fallback.kind == "faq" else live.current().ask(said)
    if decision.kind == "unknown":
        return Reading("intent", intent)
    return Reading("maybe_intent", intent, decision=decision, said=said)


def faq_or(fallback: Reading, said: str) -> Reading:
    """A question typed instead of an answer gets its FAQ answer, if the FAQ is sure of it."""
    if not QUESTION_LIKE.search(said.strip()):
        return fallback
    decision = live.current().ask(said)
    return Reading("faq", decision=decision) if decision.kind == "answer" else fallback


def not_read(error: ValueError, said: str) -> Reading:
    """No answer read: the parser's reason when it gave one (unclear), else invalid; a request
    typed instead is carried out."""
    if isinstance(error, Unclear) and error.key:
        return request_or(Reading("unclear", error=error), said)
    return request_or(Reading("invalid", said=said), said)
