"""A break told instead of a total: at a question asking how long something lasted (社保交了多久,
years of public service), "I was off work for 3 months" or 中间失业了3个月 gives a number, but
it counts the time that did not count. When the answer read is exactly the length of a clause
telling of a break, the break is all the user told: asked again, never taken as the total.
A total told with its break (交了5年，中间断了3个月) is read by the parsers as before; a break
denied (2017年8月到现在没断过, never missed a month) tells none."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from dialogs.conversation import Conversation
from dialogs.cues import CLAUSE
from dialogs.intents import says
from dialogs.parsing import Unclear, normalise
from dialogs.questions import by_id, parser
from dialogs.reading import Reading

__all__ = ["checked"]

DURATIONS = frozenset({"unit-months", "unit-years"})
_NUMBER = re.compile(r"[\d一二两三四五六七八九十半几]")
_DENIED = re.compile(
    r"(?:没有?|未|从未|从没有?|从来没有?|不曾|一直没有?)\s*(?:断|中断|间断|停)(?:过|了|缴|交)?"
    r"|\bnever (?:missed|stopped|broke)|\b(?:no|without(?: a)?) (?:gaps?|breaks?)\b"
)


def _tells_a_break(plain: str) -> bool:
    return says("breaks", _DENIED.sub(" ", plain))


def checked(
    conversation: Conversation, said: str, plain: str, reading: Reading, today: date
) -> Reading:
    """`reading`, or a question again when its value is only the length of a break; `plain` is
    `said` normalised."""
    question = by_id(conversation.context["q"])
    if reading.kind != "value" or question.unit not in DURATIONS or not _tells_a_break(plain):
        return reading
    if reading.value == 0:  # 上海一个月都没交过: none paid, no length of a break
        return reading
    parse = parser(question, conversation.facts())
    told = (c for c in CLAUSE.findall(said) if _tells_a_break(normalise(c)) and _NUMBER.search(c))
    for clause in told:
        if _value(parse, clause, today) == reading.value:
            return Reading("unclear", error=Unclear("error-break-only", said=clause.strip()))
    return reading


def _value(parse: Any, clause: str, today: date) -> Any:
    try:
        return parse(clause, today)
    except ValueError:
        return None
