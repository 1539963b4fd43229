"""Before a teach decision is saved: which known questions would it make wrong?

The known questions are the FAQ dev set (tests/data/faq-dev.json, questions with the topic they
ask or null for "not ours"), every taught variant (its topic) and every taught out-of-scope
question (null). Each is asked of the retriever in force and of one built with the change; a
question right before and wrong after is broken. Never the frozen held-out sets
(bench/heldout/): those stay unseen by the product.

Building the candidate retriever takes seconds of CPU: `check` runs in a worker thread.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bot.support.learning.decisions import OUT_OF_SCOPE, Lessons
from bot.support.learning.masking import without_labels
from bot.support.learning.models import NEGATIVE, VARIANT
from faq import live
from faq.retrieve import Retriever

DEV_SET = Path(__file__).resolve().parents[3] / "tests" / "data" / "faq-dev.json"
SHOWN = 20


@dataclass(frozen=True)
class Known:
    question: str
    topic: str | None  # None: the bot must refuse it


@dataclass(frozen=True)
class Broken:
    question: str
    expected: str | None
    now: str | None  # the topic answered after the change; None: refused or only suggested


@cache
def dev_set() -> tuple[Known, ...]:
    """Empty when the dev set is not shipped (an installed package without the tests)."""
    if not DEV_SET.exists():
        return ()
    items = json.loads(DEV_SET.read_text(encoding="utf-8"))
    return tuple(Known(str(item["q"]), item["id"]) for item in items)


def known_questions(lessons: Lessons) -> tuple[Known, ...]:
    taught = [Known(text, topic) for topic, texts in lessons.variants.items() for text in texts]
    refused = [Known(text, None) for texts in lessons.negatives.values() for text in texts]
    return (*dev_set(), *taught, *refused)


def with_change(lessons: Lessons, kind: str, topic: str | None, text: str) -> Lessons:
    variants, negatives = dict(lessons.variants), dict(lessons.negatives)
    if kind == VARIANT and topic:
        variants[topic] = (*variants.get(topic, ()), text)
    elif kind == NEGATIVE:
        negatives[OUT_OF_SCOPE] = (*negatives.get(OUT_OF_SCOPE, ()), text)
    return Lessons(variants, negatives)


def answered(retriever: Retriever, question: str) -> str | None:
    decision = retriever.ask(question)
    return decision.entry.id if decision.kind == "answer" and decision.entry else None


@dataclass(frozen=True)
class Verdict:
    broken: tuple[Broken, ...]
    # The group's other wordings, and how many of them the change decides as taught (the
    # taught words themselves always are: faq.live.TaughtRetriever).
    others: int
    others_following: int


def check(
    lessons: Lessons, kind: str, topic: str | None, text: str, others: Sequence[str] = ()
) -> Verdict:
    """The known questions (those taught so far and the dev set) the change would break, and
    how many `others` (the rest of the question's group) it would decide as taught."""
    text = without_labels(text)
    before = live.current()
    changed = with_change(lessons, kind, topic, text)
    after = live.build(changed.variants, changed.negatives)
    broken = []
    for known in known_questions(lessons):
        if answered(before, known.question) != known.topic:
            continue
        now = answered(after, known.question)
        if now != known.topic:
            broken.append(Broken(known.question, known.topic, now))
    wanted = topic if kind == VARIANT else None
    others = [other for other in others if other != text]
    following = sum(answered(after, other) == wanted for other in others)
    return Verdict(tuple(broken), len(others), following)
