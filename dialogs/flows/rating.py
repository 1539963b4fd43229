"""👍/👎 of an FAQ answer: pressed under the answer, or typed right after it ("有用" / "没用",
"useful" / "not useful") where a channel has no buttons (WeChat). A typed word only counts
as a rating in the message that follows an answer, so it never takes the place of a numbered
menu pick or a question. The rating itself is an effect ("rate") the service stores.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Any

from dialogs.conversation import Conversation
from dialogs.locales import LOCALES, text
from dialogs.output import Out
from dialogs.parsing import normalise
from dialogs.screens import Turn, resume
from dialogs.types import Choice, Inbound, Reply
from faq.retrieve import load_entries

__all__ = ["PREFIX", "after_step", "offer", "picked_question", "rate", "suggested", "typed"]

PREFIX = "rate:"
UP, DOWN = "up", "down"
PENDING = "rate_pending"  # the rating ids of the answer just given: for the next message only
ASKED = "rate_asked"  # topic -> the user's question, of the last few answers
SUGGESTED = "rate_suggested"  # the question behind the suggestions offered last, and their ids
ASKED_KEPT = 5
_BLANKS = re.compile(r"[\s。.!！~～]+")


def _bare(said: str) -> str:
    return _BLANKS.sub("", normalise(said))


def _words(key: str, *extra: str) -> frozenset[str]:
    """The label in every locale, with and without its thumb, and a few other ways to say it."""
    labels = [text(locale, key) for locale in LOCALES]
    bare = [_bare(label) for label in labels] + [_bare(label[1:]) for label in labels]
    return frozenset([*bare, *(_bare(word) for word in extra)])


@cache
def _rating_words() -> dict[str, frozenset[str]]:
    """Worked out on the first rating typed, not at import: it reads every locale file."""
    return {
        UP: _words("rate-up", "有帮助", "helpful", "[强]"),
        DOWN: _words("rate-down", "没有用", "not helpful", "useless", "[弱]"),
    }


def offer(conversation: Conversation, out: Out, topic: str, question: str) -> list[Choice]:
    """The 👍/👎 pair for an answer of `topic`; the question is kept to store with a rating."""
    asked = [(k, v) for k, v in conversation.context.get(ASKED, {}).items() if k != topic]
    conversation.context[ASKED] = dict([*asked[-(ASKED_KEPT - 1) :], (topic, question)])
    return [
        out.choice(f"{PREFIX}{UP}:{topic}", "rate-up"),
        out.choice(f"{PREFIX}{DOWN}:{topic}", "rate-down"),
    ]


def suggested(conversation: Conversation, question: str, topics: list[str]) -> None:
    conversation.context[SUGGESTED] = {"question": question, "topics": topics}


def picked_question(conversation: Conversation, topic: str) -> str:
    """The question behind a topic picked from suggestions ("" when picked from the list)."""
    offered: dict[str, Any] = conversation.context.get(SUGGESTED, {})
    return str(offered.get("question", "")) if topic in offered.get("topics", ()) else ""


def typed(conversation: Conversation, inbound: Inbound) -> Inbound:
    """A rating word right after an answer becomes the press of its button."""
    pending = conversation.context.pop(PENDING, None)
    if not pending or inbound.choice or inbound.command or not inbound.text:
        return inbound
    said = _bare(inbound.text)
    for choice_id in pending:
        if said in _rating_words()[choice_id.removeprefix(PREFIX).partition(":")[0]]:
            return replace(inbound, choice=choice_id)
    return inbound


def after_step(conversation: Conversation, replies: list[Reply]) -> None:
    """Remember the rating ids of the step's answer, for `typed` on the next message."""
    rated = [r.id for reply in replies for r in reply.rating]
    if rated:
        conversation.context[PENDING] = rated[-2:]


def rate(*, conversation: Conversation, turn: Turn) -> None:
    out = turn.out
    value, _, topic = turn.arg.partition(":")
    if value in (UP, DOWN) and topic in {entry.id for entry in load_entries()}:
        question = conversation.context.get(ASKED, {}).get(topic, "")
        out.effect("rate", topic=topic, helpful=value == UP, question=question)
        if value == UP:
            out.say(out.t("rate-thanks"))
        else:
            out.say(out.t("rate-sorry"), buttons=[out.choice("nav:human", "button-human")])
    if conversation.state != "menu" or not out.replies:
        resume(conversation, out)
