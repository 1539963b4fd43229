"""Which answers earlier answers leave possible: an answer they rule out is asked again,
saying why; of two readings, only those left are asked about."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from dialogs.conversation import Conversation
from dialogs.locales import text
from dialogs.parsing import Ambiguous, Unclear
from dialogs.questions import Question, impossible
from dialogs.reading import Reading

__all__ = ["MULTI", "either_possible", "possible"]

MULTI = "bonus"  # the one question where several options may be picked


def possible(conversation: Conversation, question: Question, value: Any, today: date) -> Reading:
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


def either_possible(
    conversation: Conversation, question: Question, value: Ambiguous, said: str, today: date
) -> Reading:
    """Only the readings earlier answers leave possible are asked about ("30" at the months,
    aged 30: not 30 years); the one left is the answer; none left, the first one's reason.
    A bonus item named in doubt (应届生: full-time?) that earlier answers rule out leaves only
    "none", which the user did not say: the item is refused with its reason, as when sure."""
    facts = conversation.facts()
    left = tuple(o for o in value.options if impossible(question, o, facts, today) is None)
    if question.id == MULTI and left == ((),):
        return possible(conversation, question, value.options[0], today)
    if len(left) == 1:
        return Reading("value", left[0])
    if not left:
        return possible(conversation, question, value.options[0], today)
    return Reading("ambiguous", ambiguous=replace(value, options=left), said=said)
