"""Grouping the questions the FAQ could not answer, so staff see which entries to add next.

Character bigrams suit Chinese, which has no spaces; greedy clustering against each group's
first (most frequent) wording is enough for a few thousand questions a month.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

THRESHOLD = 0.4
_NOISE = re.compile(r"[\W_]+", re.UNICODE)


@dataclass(frozen=True)
class Group:
    example: str
    count: int
    variants: tuple[str, ...]


def normalise(question: str) -> str:
    return _NOISE.sub("", unicodedata.normalize("NFKC", question).lower())


def bigrams(question: str) -> frozenset[str]:
    text = normalise(question)
    if len(text) < 2:
        return frozenset({text}) if text else frozenset()
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def group_questions(questions: Iterable[str], threshold: float = THRESHOLD) -> list[Group]:
    """Groups, largest first; each led by its most frequent wording."""
    counts = Counter(q.strip() for q in questions if q.strip())
    groups: list[tuple[frozenset[str], Counter[str]]] = []
    for question, count in counts.most_common():
        shape = bigrams(question)
        home = next((g for g in groups if jaccard(g[0], shape) >= threshold), None)
        if home is None:
            groups.append((shape, Counter({question: count})))
        else:
            home[1][question] += count
    result = [
        Group(members.most_common(1)[0][0], sum(members.values()), tuple(members))
        for _, members in groups
    ]
    return sorted(result, key=lambda group: -group.count)
