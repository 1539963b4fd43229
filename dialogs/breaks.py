"""A break told instead of a total: at a question asking how long something lasted (社保交了多久,
years of public service), "I was off work for 3 months" or 中间失业了3个月 gives a number, but
it counts the time that did not count. When the answer read is exactly the length of a clause
telling of a break, the break is all the user told: asked again, never taken as the total.
A total told with its break (交了5年，中间断了3个月) is read by the parsers as before."""

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


def checked(
    conversation: Conversation, said: str, plain: str, reading: Reading, today: date
) -> Reading:
    """`reading`, or a question again when its value is only the length of a break; `plain` is
    `said` normalised."""
    question = by_id(conversation.context["q"])
    if reading.kind != "value" or question.unit not in DURATIONS or not says("breaks", plain):
        return reading
    if reading.value == 0:  # 上海一个月都没交过: none paid, no length of a break
        return reading
    parse = parser(question, conversation.facts())
    told = (c for c in CLAUSE.findall(said) if says("breaks", normalise(c)) and _NUMBER.search(c))
    for clause in told:
        if _value(parse, clause, today) == reading.value:
            return Reading("unclear", error=Unclear("error-break-only", said=clause.strip()))
    return reading


def _value(parse: Any, clause: str, today: date) -> Any:
    try:
        return parse(clause, today)
    except ValueError:
        return None
