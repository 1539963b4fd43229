"""What a message means at an open points question and at its confirm: an answer (typed,
picked, or a number typed where buttons were shown), or a request, a question for the FAQ or
"not sure" said instead of one."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

from dialogs import asked_in_question as asked
from dialogs.asked_rule import has_rule
from dialogs.conversation import Conversation
from dialogs.intents import Intent, asks, denies_item, detect, named_before, says
from dialogs.memo import remembered
from dialogs.parsing import (
    BONUS_ITEMS,
    Ambiguous,
    Unclear,
    corrected,
    digits,
    is_unsure,
    normalise,
    own_clauses,
    words,
)
from dialogs.parsing.alternatives import either
from dialogs.parsing.text import CLAUSE
from dialogs.question import YES_NO
from dialogs.questions import Question, by_id, parser, recorded
from dialogs.reading import (
    CARRY_ON,
    Reading,
    faq_or,
    faq_reading,
    not_read,
    request_or,
    unsure_or,
    yes_no,
)
from dialogs.reading_possible import MULTI, either_possible, possible
from dialogs.reading_whom import as_own, whom_told
from dialogs.same_points import settle
from dialogs.types import Inbound
from faq import live

__all__ = ["DONE", "MULTI", "answer", "confirmation", "picked"]

# Channels that show choices as a numbered menu ("1. 没有"): a number typed there is a pick.
# Elsewhere choices are buttons, and "2" typed at 几倍 may mean 2倍 as well as the 2nd button.
NUMBERED = frozenset({"wechat", "console"})
# Confirm questions phrased as yes/no: yes picks the first option, no the second.
YES_NO_CONFIRMS = frozenset(
    {"confirm-bachelor", "confirm-family-planning", "confirm-old-record", "confirm-penalty"}
) | {asked.CONFIRM_KEY}
# Requests whose text is never also an answer: an edit names its own question and value, and
# a deletion is confirmed anyway.
ANSWERLESS = frozenset({"edit", "delete_data"})
DONE = "bonus:done"  # the bonus question's submit button
NONE_PICKED: tuple[str, ...] = ()  # the bonus answer "none of these" (无, 都没有)
# Readings of the words said as an answer, read or not: 我老婆的 said with them makes the
# answers hers from now on (dialogs/machine.py).
ANSWER_KINDS = frozenset({"value", "ambiguous", "invalid", "unclear"})


def picked(conversation: Conversation) -> list[str]:
    """The bonus items ticked so far: the buttons pressed, else the answer given before."""
    context = conversation.context
    if "picked" in context:
        return list(context["picked"])
    return list(recorded(by_id(MULTI), conversation.answers, context.get("extra", {})) or ())


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


def answer(conversation: Conversation, inbound: Inbound, said: str, today: date) -> Reading:
    """What `said` or the option picked means at the open question; with an answer, the
    question asked beside it, when the FAQ answers that (没有，违章停车算吗？): its decision,
    offered once the answer is recorded."""
    whom = "" if inbound.choice else whom_told(conversation, said)
    reading = _asked_beside(conversation, inbound, as_own(conversation, said, whom), today)
    return replace(reading, whom=whom) if whom and reading.kind in ANSWER_KINDS else reading


def _asked_beside(conversation: Conversation, inbound: Inbound, said: str, today: date) -> Reading:
    reading = _answer(conversation, inbound, said, today)  # 他35岁 for 老公: his age
    if inbound.choice or reading.kind != "value":
        return reading
    beside = _beside(conversation, by_id(conversation.context["q"]), said, today)
    if beside is None:
        return reading
    decision = live.current().ask(beside.asked)
    if decision.kind != "answer":
        return reading
    return replace(reading, decision=decision, said=beside.asked)


def _answer(conversation: Conversation, inbound: Inbound, said: str, today: date) -> Reading:
    question = by_id(conversation.context["q"])
    if question.id == MULTI and inbound.choice:
        ticked = picked(conversation)
        said = inbound.text or ""  # 最后一个 typed: the last item, or none ticked (DONE)?
        typed = None if ticked else _typed_value(conversation, question, said, today)
        if inbound.choice == DONE and typed:
            return either_possible(conversation, question, Ambiguous(((), typed)), said, today)
        if inbound.choice == DONE:
            return possible(conversation, question, tuple(ticked), today)
        option = question.option_for(inbound.choice)
        if option is not None and option.value and inbound.text is None:  # a button pressed
            found = possible(conversation, question, option.value, today)
            return Reading("toggle", option.value[0]) if found.kind == "value" else found
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
            ambiguous = Ambiguous((chosen, typed))
            return either_possible(conversation, question, ambiguous, number, today)
        return possible(conversation, question, chosen, today)
    if (first := _no_answer(conversation, question, said, today)) is not None:
        return first
    own = own_clauses(said, question.id)
    if own is None:  # 老公是高级工程师: about someone else only
        return Reading("invalid", said=said)
    try:  # 不是本科，是大专: the correction is the answer (at a yes/no question 不是 is the answer)
        parse = parser(question, conversation.facts())
        plain = corrected(own, yes_no=question.choices == YES_NO)
        value = parse(plain, today) if question.id == MULTI else either(parse, plain, today)
    except ValueError as error:
        if (narrower := _narrower(conversation, question, said, today)) != said:
            return _answer(conversation, inbound, narrower, today)
        if isinstance(error, Unclear) and error.key:
            return request_or(Reading("unclear", error=error), said)
        return unsure_or(request_or(faq_or(Reading("invalid", said=said), said), said), said)
    if isinstance(value, Ambiguous):
        try:
            value = settle(question.id, value, today)
        except Unclear:
            return unsure_or(Reading("invalid", said=said), said)
    if (beside := _beside(conversation, question, said, today)) is not None:
        value = _told_beside(value, beside, parse, today)
    if asked.asks_what_counts(question, said, value):  # PMP算不算职称？ at the title: not none
        return faq_reading(live.current().ask(said), said)
    if asked.asks_the_rule(question, plain, lambda c: parse(c, today), value):  # 交通违章算不算？
        if has_rule(question.id):  # what the question counts is told, the question asked again
            return Reading("rule", said=said)
        ambiguous = asked.rule_or_answer(question, value, conversation.facts(), today)
        return Reading("ambiguous", ambiguous=ambiguous, said=said)
    if isinstance(value, Ambiguous):
        return either_possible(conversation, question, value, said, today)
    return possible(conversation, question, value, today)


def _no_answer(
    conversation: Conversation, question: Question, said: str, today: date
) -> Reading | None:
    """What no parser may read as an answer alone: a sure request about something else (虚假材料
    那题改成0 asks for an edit, not 0 here; 30岁，重开 at the age question is asked back: the
    request, or 30 as the answer) and a question (中级职称能加多少分？ is not 中级; 怎么算积分,
    a request too, is asked back: the request, or the FAQ's answer)."""
    intent = _meant(detect(said), question, said)
    if intent is not None and intent.sure and intent.arg != question.id:
        told = (
            None
            if intent.name in ANSWERLESS
            else _value(conversation, question, intent, said, today)
        )
        if told is None:
            return Reading("intent", intent)
        if intent.trigger == CARRY_ON:  # 我35岁，帮我算算: the answer carries the calculation on
            return Reading("value", told)
        return Reading("request_or_answer", intent, said=said, answer=told)
    doubt = is_unsure(said)
    if (doubt and not _asks_after_doubt(said)) or not asked.asks_something(said):
        return None
    if _beside(conversation, question, said, today):
        return None  # 60，还能申请吗; 中级职称能加多少？我就是中级: the answer, said on its own
    decision = live.current().ask(said)
    if doubt and decision.kind != "answer":
        return None  # not sure, and a question the FAQ cannot answer: how to find out is told
    if (
        asks(asked.plain_question(said)) or decision.kind == "answer"
    ):  # 在临港工作了三年，能加分吗 is not 3 years
        if intent is not None and not (intent.sure or intent.aside) and decision.kind != "unknown":
            return Reading("maybe_intent", intent, decision=decision, said=said)
        return faq_reading(decision, said)
    return None


def _asks_after_doubt(said: str) -> bool:
    """A doubt before a question of its own (我不太清楚，但工资条上基数写的是12000，这是几倍):
    the question is the FAQ's when it answers it; 不知道是几倍 asks nothing else."""
    clauses = [c for c in CLAUSE.findall(said) if c.strip()]
    return any(asks(c) and not is_unsure(c) for c in clauses[1:])


def _meant(intent: Intent | None, question: Question, said: str) -> Intent | None:
    """The edit a request naming the open question means: the question before (上一题…, see
    `named_before`), or at a question asked for a bonus item, the bonus question when the item
    is denied (我没得过奖 选错了 at the award: the award was picked wrong)."""
    intent = named_before(intent, question.id, said)
    if intent is None or intent.name != "edit" or intent.arg != question.id:
        return intent
    if not _asked_for_an_item(question) or not denies_item(said, question.id):
        return intent
    return replace(intent, arg=MULTI, value="", either="")


def _asked_for_an_item(question: Question) -> bool:
    """`question` is asked only when a bonus item is picked (the award, the years married)."""
    return not question.ask_if({}) and question.ask_if({MULTI: BONUS_ITEMS})


def _beside(
    conversation: Conversation, question: Question, said: str, today: date
) -> asked.Beside | None:
    """A few words that answer the open question beside a question (60，还能申请吗; No. Does a
    parking ticket count?): the question's words are no answer, the others are read."""
    if is_unsure(said) or not asked.asks_something(said):
        return None
    parse = parser(question, conversation.facts())
    return remembered(
        lambda: ("beside", question.id, said), lambda: asked.answered_beside(said, parse, today)
    )


def _told_beside(value: Any, beside: asked.Beside, parse: Any, today: date) -> Any:
    """The words of a question beside an answer are no answer: what the words that ask nothing
    give, when sure, is the answer (None. Is a drink-driving record a criminal one?: none, not
    one); the question's words only settle an answer in doubt (中级职称能加多少？我就是中级: the
    title, not the skill level)."""
    try:
        told = parse(beside.answer, today)
    except ValueError:
        return value
    return value if isinstance(told, Ambiguous) else told


def _narrower(conversation: Conversation, question: Question, said: str, today: date) -> str:
    """What answers the open question when the whole text gives no answer: the new value an
    edit naming it carries (改成技师 at the title: 技师; 年龄改成41 at the age: 41), or the
    words beside a question that ask nothing (Never. Would a traffic fine count?: never);
    `said` itself when neither."""
    intent = _meant(detect(said), question, said)
    if intent is not None and intent.name == "edit" and intent.arg == question.id:
        return intent.value or said
    beside = _beside(conversation, question, said, today)
    return beside.answer if beside else said


def _value(
    conversation: Conversation, question: Question, intent: Intent, said: str, today: date
) -> Any:
    """The answer the clauses of `said` that ask for nothing give at `question` (我35岁 of
    我35岁，帮我算算), None when they give none: the request's own words are no answer (一次
    of 重新测一次 is no count, 我填的都不对 no 不), nor the date a reminder is for (提醒我签注，
    6月到期), nor how far the questions have gone (算到一半想起来了)."""
    rest = "，".join(
        c
        for c in CLAUSE.findall(asked.STOP.sub("。", said))  # No. Please calculate now.: No
        if c.strip()
        and detect(c) is None
        and not _reminder_date(intent, c)
        and not says("progress_told", normalise(c))  # 算到一半想起来了: no answer
        and not says("let_go", normalise(c))  # 算了，从头再来: 算了 is no yes
    )
    if not rest:
        return None
    try:
        value = parser(question, conversation.facts())(rest, today)
    except ValueError:
        return None
    items = question.id == MULTI and value != NONE_PICKED and intent.trigger != CARRY_ON
    if isinstance(value, Ambiguous) or items:
        # bonus items named beside a request are not taken, but "none of them" is, and so are
        # items told before a go-ahead (5 and 7, then calculate): the calculation goes on
        return None
    return value if possible(conversation, question, value, today).kind == "value" else None


def _reminder_date(intent: Intent, clause: str) -> bool:
    return intent.name == "reminder" and says("permit_dates", normalise(clause))


def confirmation(conversation: Conversation, inbound: Inbound, said: str, today: date) -> Reading:
    """What a message means at the confirm of an answer: one of the readings offered, picked or
    typed, or asking about the rule (问规定) when the confirm offered that."""
    pending = conversation.context["pending"]
    question = by_id(conversation.context["q"])
    options: list[str] = pending["options"]
    if pending["key"] in asked.RULE_KEYS and asked.about_the_rule(inbound.choice, said):
        return faq_reading(live.current().ask(pending["said"]), pending["said"])  # 问规定
    if inbound.choice:
        if inbound.choice in options:
            return possible(conversation, question, question.value_of(inbound.choice), today)
        return Reading("stale")
    if pending["key"] in YES_NO_CONFIRMS:
        said_yes_no = yes_no(inbound, said)
        if said_yes_no is not None:
            picked_option = options[0 if said_yes_no.kind == "yes" else 1]
            return Reading("value", question.value_of(picked_option))
    try:
        value = parser(question, conversation.facts())(said, today)
    except ValueError as error:
        return not_read(error, said)
    if isinstance(value, Ambiguous):
        return either_possible(conversation, question, value, said, today)
    return possible(conversation, question, value, today)
