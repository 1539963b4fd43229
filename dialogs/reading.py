"""What an answer means in the state the conversation is in: read before the machine runs,
so that the transition table can choose by plain conditions on the reading."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from dialogs import asked_in_question as asked
from dialogs.conversation import Conversation
from dialogs.cues_refused import unrefused
from dialogs.intents import asks, asks_yes_or_no, detect, named_before
from dialogs.locales import text
from dialogs.parsing import (
    Ambiguous,
    Unclear,
    corrected,
    digits,
    is_unsure,
    normalise,
    own_clauses,
    parse_expiry_date,
    parse_yes_no,
    words,
)
from dialogs.parsing.alternatives import either
from dialogs.parsing.text import CLAUSE
from dialogs.question import YES_NO
from dialogs.questions import Question, by_id, impossible, parser, recorded
from dialogs.same_points import settle
from dialogs.types import Inbound
from faq import live
from faq.retrieve import Decision

__all__ = ["Reading", "read"]

GREETINGS = frozenset({"你好", "您好", "hi", "hello", "hey", "嗨", "在吗", "在么", "开始", "哈喽"})
# Only text that reads like a question is offered to the FAQ in the middle of the questions:
# "2倍" typed at the wrong question is a wrong answer, not a question about the base tiers.
QUESTION_LIKE = re.compile(
    r"[?？]|怎么|怎样|什么|如何|为什么|多久|多长|哪|吗|呢|能不能|可不可以|是否|要不要"
    r"|^(how|what|when|where|why|which|can|do|does|is|are|should)\b",
    re.IGNORECASE,
)
# 嘛 or 呢 with more of the clause after it marks a topic, not a question: 学位嘛有的.
_TOPIC = re.compile(r"(?<=\S)[嘛呢](?=[^\s,，。.!！?？~～…])")
# 什么 or 啥 after a negator in its clause is "any", not "what": 没拿过什么表彰, 不是啥领导.
_INDEFINITE = re.compile(r"([没不无未][^,，。;；?？]{0,4}?)(?<!为)(?:什么|啥)")
# Channels that show choices as a numbered menu ("1. 没有"): a number typed there is a pick.
# Elsewhere choices are buttons, and "2" typed at 几倍 may mean 2倍 as well as the 2nd button.
NUMBERED = frozenset({"wechat", "console"})
# Confirm questions phrased as yes/no: yes picks the first option, no the second.
YES_NO_CONFIRMS = frozenset(
    {"confirm-bachelor", "confirm-family-planning", "confirm-old-record", "confirm-penalty"}
) | {asked.CONFIRM_KEY}

MULTI = "bonus"  # the one question where several options may be picked
# Requests whose text is never also an answer: an edit names its own question and value, and
# a deletion is confirmed anyway.
ANSWERLESS = frozenset({"edit", "delete_data"})
CARRY_ON = "score"  # a request to calculate, made at a question: go on with the questions
DONE = "bonus:done"  # its submit button


def picked(conversation: Conversation) -> list[str]:
    """The bonus items ticked so far: the buttons pressed, else the answer given before."""
    context = conversation.context
    if "picked" in context:
        return list(context["picked"])
    return list(recorded(by_id(MULTI), conversation.answers, context.get("extra", {})) or ())


@dataclass(frozen=True)
class Reading:
    """kind: value | toggle (a multi-select item pressed) | ambiguous | unclear | invalid |
    stale | faq | suggest | unknown | greeting | yes | no | empty | unsure (我也不确定) |
    intent (a request: value is the Intent) | maybe_intent (a request or an FAQ question:
    value and decision) | request_or_answer (a request that also answers the open question:
    value is the Intent, answer the value it answers)."""

    kind: str
    value: Any = None
    ambiguous: Ambiguous | None = None
    error: Unclear | None = None
    decision: Any = None
    said: str = ""
    answer: Any = None


def read(conversation: Conversation, inbound: Inbound, today: date) -> Reading:
    said = "" if inbound.choice else (inbound.text or "").strip()
    if not said and not inbound.choice:
        return Reading("empty")
    match conversation.state:
        case "asking":
            return _answer(conversation, inbound, unrefused(said), today)
        case "confirming":
            return _confirmation(conversation, inbound, said, today)
        case "expiry":
            return _expiry(said, today)
        case "confirm_delete" | "offer_human":
            yes_no = _yes_no(inbound, said)
            if yes_no or conversation.state == "confirm_delete":
                return yes_no or Reading("no")
    return _free_text(said)


def _yes_no(inbound: Inbound, said: str) -> Reading | None:
    if inbound.choice in ("yes", "no"):
        return Reading(inbound.choice)
    try:
        return Reading("yes" if parse_yes_no(said) else "no")
    except ValueError:
        return None


def _typed_value(conversation: Conversation, question: Question, said: str, today: date) -> Any:
    """What a number typed as a pick also means as an answer (None: nothing else); at the
    bonus, what a position means in the items listed (最后一个: the last item, or 都不符合?)."""
    number = re.fullmatch(r"\d+(?:\.\d+)?", words(digits(said)))
    if not said or not (number or question.id == MULTI):
        return None  # 第三个, 选3: a position only
    try:
        value = parser(question, conversation.facts())(said, today)
    except ValueError:
        return None
    return None if isinstance(value, Ambiguous) else value


def _answer(conversation: Conversation, inbound: Inbound, said: str, today: date) -> Reading:
    question = by_id(conversation.context["q"])
    if question.id == MULTI and inbound.choice:
        ticked = picked(conversation)
        said = inbound.text or ""  # 最后一个 typed: the last item, or none ticked (DONE)?
        typed = None if ticked else _typed_value(conversation, question, said, today)
        if inbound.choice == DONE and typed:
            return _either(conversation, question, Ambiguous(((), typed)), said, today)
        if inbound.choice == DONE:
            return _possible(conversation, question, tuple(ticked), today)
        option = question.option_for(inbound.choice)
        if option is not None and option.value and inbound.text is None:  # a button pressed
            possible = _possible(conversation, question, option.value, today)
            return Reading("toggle", option.value[0]) if possible.kind == "value" else possible
    if inbound.choice:
        try:
            chosen = question.value_of(inbound.choice)
        except (KeyError, ValueError):
            return Reading("stale")
        number = (inbound.text or "").strip()  # a number typed where buttons were shown
        typed = (
            _typed_value(conversation, question, number, today)
            if inbound.channel not in NUMBERED
            else None
        )
        if typed is not None and typed != chosen:  # "2" at 几倍: option 2, or 2倍? Asked.
            return _either(conversation, question, Ambiguous((chosen, typed)), number, today)
        return _possible(conversation, question, chosen, today)
    if (first := _no_answer(conversation, question, said, today)) is not None:
        return first
    own = own_clauses(said, question.id)
    if own is None:  # 老公是高级工程师: about someone else only
        return Reading("invalid", said=said)
    try:  # 不是本科，是大专: the correction is the answer (at a yes/no question 不是 is the answer)
        parse = parser(question, conversation.facts())
        plain = corrected(own, yes_no=question.choices == YES_NO)
        value = parse(plain, today) if question.id == MULTI else either(parse, plain, today)
    except Unclear as error:
        if error.key:
            return _request_or(Reading("unclear", error=error), said)
        return _unsure_or(_request_or(_faq_or(Reading("invalid", said=said), said), said), said)
    except ValueError:
        return _unsure_or(_request_or(_faq_or(Reading("invalid", said=said), said), said), said)
    if isinstance(value, Ambiguous):
        try:
            value = settle(question.id, value, today)
        except Unclear:
            return _unsure_or(Reading("invalid", said=said), said)
    if asked.asks_the_rule(question, plain, lambda c: parse(c, today), value):  # 交通违章算不算？
        ambiguous = asked.rule_or_answer(question, value, conversation.facts(), today)
        return Reading("ambiguous", ambiguous=ambiguous, said=said)
    if isinstance(value, Ambiguous):
        return _either(conversation, question, value, said, today)
    return _possible(conversation, question, value, today)


def _no_answer(
    conversation: Conversation, question: Question, said: str, today: date
) -> Reading | None:
    """What no parser may read as an answer alone: a sure request about something else (虚假材料
    那题改成0 asks for an edit, not 0 here; 30岁，重开 at the age question is asked back: the
    request, or 30 as the answer) and a question (中级职称能加多少分？ is not 中级; 怎么算积分,
    a request too, is asked back: the request, or the FAQ's answer)."""
    intent = named_before(detect(said), question.id, said)
    if intent is not None and intent.sure and intent.arg != question.id:
        answer = None if intent.name in ANSWERLESS else _value(conversation, question, said, today)
        if answer is None:
            return Reading("intent", intent)
        if intent.trigger == CARRY_ON:  # 我35岁，帮我算算: the answer carries the calculation on
            return Reading("value", answer)
        return Reading("request_or_answer", intent, said=said, answer=answer)
    plain = _INDEFINITE.sub(r"\1", _TOPIC.sub("", said))
    if is_unsure(said) or not (asks(plain) or asks_yes_or_no(plain)):
        return None
    if asked.answered_beside(said, parser(question, conversation.facts()), today):
        return None  # 60，还能申请吗; 中级职称能加多少？我就是中级: the answer, said on its own
    decision = live.current().ask(said)
    if asks(plain) or decision.kind == "answer":  # 在临港工作了三年，能加分吗 is not 3 years
        if intent is not None and not (intent.sure or intent.aside) and decision.kind != "unknown":
            return Reading("maybe_intent", intent, decision=decision, said=said)
        return faq_reading(decision, said)
    return None


def _value(conversation: Conversation, question: Question, said: str, today: date) -> Any:
    """The answer the clauses of `said` that ask for nothing give at `question` (我35岁 of
    我35岁，帮我算算), None when they give none: the request's own words are no answer (一次
    of 重新测一次 is no count, 我填的都不对 no 不)."""
    rest = "，".join(c for c in CLAUSE.findall(said) if c.strip() and detect(c) is None)
    if not rest:
        return None
    try:
        value = parser(question, conversation.facts())(rest, today)
    except ValueError:
        return None
    if isinstance(value, Ambiguous) or question.id == MULTI:
        return None
    return value if _possible(conversation, question, value, today).kind == "value" else None


def _possible(conversation: Conversation, question: Question, value: Any, today: date) -> Reading:
    """An answer earlier answers rule out is asked again, saying why; a bonus item they rule
    out (it is not listed) is named, with the earlier answer to change if it was wrong."""
    facts = conversation.facts()
    found = impossible(question, value, facts, today)
    if found is None:
        return Reading("value", value)
    reason = found.en if conversation.locale == "en" else found.zh
    if question.id != MULTI:
        return Reading("unclear", error=Unclear("error-impossible", reason=reason))
    item = next(i for i in value if impossible(question, (i,), facts, today) is not None)
    earlier = "age" if found.other == "birth_date" else found.other
    return Reading(
        "unclear",
        error=Unclear(
            "error-ruled-out-item",
            item=text(conversation.locale, f"bonus-{item}"),
            reason=reason,
            field=text(conversation.locale, f"field-{earlier}"),
        ),
    )


def _either(
    conversation: Conversation, question: Question, value: Ambiguous, said: str, today: date
) -> Reading:
    """Only the readings earlier answers leave possible are asked about ("30" at the months,
    aged 30: not 30 years); the one left is the answer; none left, the first one's reason.
    A bonus item named in doubt (应届生: full-time?) that earlier answers rule out leaves only
    "none", which the user did not say: the item is refused with its reason, as when sure."""
    facts = conversation.facts()
    left = tuple(o for o in value.options if impossible(question, o, facts, today) is None)
    if question.id == MULTI and left == ((),):
        return _possible(conversation, question, value.options[0], today)
    if len(left) == 1:
        return Reading("value", left[0])
    if not left:
        return _possible(conversation, question, value.options[0], today)
    return Reading("ambiguous", ambiguous=replace(value, options=left), said=said)


def _unsure_or(fallback: Reading, said: str) -> Reading:
    """我也不确定: never a value; the dialog explains how to find out instead."""
    return Reading("unsure", said=said) if is_unsure(said) else fallback


def _request_or(fallback: Reading, said: str) -> Reading:
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


def _faq_or(fallback: Reading, said: str) -> Reading:
    """A question typed instead of an answer gets its FAQ answer, if the FAQ is sure of it."""
    if not QUESTION_LIKE.search(said.strip()):
        return fallback
    decision = live.current().ask(said)
    return Reading("faq", decision=decision) if decision.kind == "answer" else fallback


def _confirmation(conversation: Conversation, inbound: Inbound, said: str, today: date) -> Reading:
    pending = conversation.context["pending"]
    question = by_id(conversation.context["q"])
    options: list[str] = pending["options"]
    if pending["key"] in asked.RULE_KEYS and asked.about_the_rule(inbound.choice, said):
        return faq_reading(live.current().ask(pending["said"]), pending["said"])  # 问规定
    if inbound.choice:
        if inbound.choice in options:
            return _possible(conversation, question, question.value_of(inbound.choice), today)
        return Reading("stale")
    if pending["key"] in YES_NO_CONFIRMS:
        yes_no = _yes_no(inbound, said)
        if yes_no is not None:
            return Reading("value", question.value_of(options[0 if yes_no.kind == "yes" else 1]))
    try:
        value = parser(question, conversation.facts())(said, today)
    except Unclear as error:
        unclear = Reading("unclear", error=error) if error.key else Reading("invalid", said=said)
        return _request_or(unclear, said)
    except ValueError:
        return _request_or(Reading("invalid", said=said), said)
    if isinstance(value, Ambiguous):
        return _either(conversation, question, value, said, today)
    return _possible(conversation, question, value, today)


def _expiry(said: str, today: date) -> Reading:
    try:
        return Reading("value", parse_expiry_date(said, today))
    except Unclear as error:
        unclear = Reading("unclear", error=error) if error.key else Reading("invalid", said=said)
        return _request_or(unclear, said)
    except ValueError:
        return _request_or(Reading("invalid", said=said), said)


def _free_text(said: str) -> Reading:
    if not said:
        return Reading("stale")
    if normalise(said).rstrip("!！~") in GREETINGS:
        return Reading("greeting")
    intent = detect(said)
    if intent is not None and intent.sure:
        return Reading("intent", intent)
    decision = live.current().ask(said)
    if intent is not None and not (intent.aside and decision.kind == "answer"):
        kind = "intent" if decision.kind == "unknown" else "maybe_intent"
        return Reading(kind, intent, decision=decision, said=said)
    # 提醒一下，积分要每年续吗: the words in passing introduce the question
    return faq_reading(decision, said)


def faq_reading(decision: Decision, said: str) -> Reading:
    """What the FAQ decided of a question typed: its answer, its suggestions, or unknown."""
    kind = {"answer": "faq", "suggest": "suggest"}.get(decision.kind, "unknown")
    return Reading(kind, decision=decision, said=said)
