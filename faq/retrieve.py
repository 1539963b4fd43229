"""Question -> the FAQ topic to answer, a short list to choose from, or "I don't know".

Ranking: each topic is indexed as several short documents (its question, its English question
and every variant) and as one whole-topic document; its score blends its best short document
(normalised by the score the question would get against itself) with the whole-topic BM25
score (bm25s), so that words spread over several variants of one topic still count.

Deciding: a gate first rejects questions about other cities, other services or other kinds of
points (faq/data/lexicon.yaml). A question with a domain anchor (积分, 居住证, 签注, "100分" …)
is answered when enough of it is known vocabulary, its score is high enough and the runner-up
is far enough behind, and gets the top choices otherwise; one without an anchor is answered
only when the best topic explains all of it, and never gets choices. A wrong confident answer
about a government procedure is worse than none.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

import bm25s
import numpy as np

from faq.entries import Entry, load_entries, most_asked
from faq.text import Analyzer, default_analyzer

__all__ = [
    "Decision",
    "Entry",
    "Retriever",
    "Thresholds",
    "default_retriever",
    "load_entries",
    "most_asked",
]

# Only the start of a message is read: a question fits, and a pasted essay costs no more.
MAX_QUESTION_CHARS = 500
_K1 = 1.2
_B = 0.75
_TOPIC_WEIGHT = 0.5


@dataclass(frozen=True)
class Decision:
    """`entry` is the best topic for answer and suggest; `suggestions` are the choices of a
    suggest, best first (entry included), and empty otherwise."""

    kind: Literal["answer", "suggest", "unknown"]
    entry: Entry | None
    score: float
    suggestions: tuple[Entry, ...]


@dataclass(frozen=True)
class Thresholds:
    """Calibrated on the topics' own variants, the public dev set and tests/faq (see
    bench/faq_eval.py); ranking quality does not depend on them, only the decision does.

    score: the best topic's score / the score the question would get against itself.
    coverage: share of the question's IDF mass made of words the index knows.
    explained: share of it made of words the best topic itself uses (question, variants, answer).
    margin: (best - runner-up) / best.
    A question with a domain anchor (faq/data/lexicon.yaml) may be answered or get choices;
    one without is answered only when the best topic explains all of it, never guessed at.
    """

    answer_score: float = 0.35
    answer_coverage: float = 0.3
    margin: float = 0.05
    suggest_score: float = 0.25
    suggest_coverage: float = 0.1
    unanchored_explained: float = 0.9
    unanchored_score: float = 0.6
    unanchored_margin: float = 0.15
    suggestions: int = 3


@dataclass(frozen=True)
class _Ranking:
    topics: tuple[int, ...]
    scores: tuple[float, ...]
    coverage: float
    explained: float

    @property
    def margin(self) -> float:
        runner_up = self.scores[1] if len(self.scores) > 1 else 0.0
        return (self.scores[0] - runner_up) / self.scores[0] if self.scores[0] > 0 else 0.0


class Retriever:
    def __init__(
        self,
        entries: Iterable[Entry],
        analyzer: Analyzer | None = None,
        thresholds: Thresholds = Thresholds(),
    ) -> None:
        self._entries = tuple(entries)
        if not self._entries:
            raise ValueError("a Retriever needs at least one entry")
        self._analyzer = analyzer or default_analyzer()
        self._thresholds = thresholds
        documents: list[list[str]] = []
        owners: list[int] = []
        topics: list[list[str]] = []
        self._vocabulary: list[frozenset[str]] = []
        for index, entry in enumerate(self._entries):
            texts = [self._terms(t) for t in (entry.question, entry.question_en, *entry.variants)]
            documents.extend(texts)
            owners.extend([index] * len(texts))
            topics.append([term for text in texts for term in text])
            answers = self._terms(entry.answer) + self._terms(entry.answer_en)
            self._vocabulary.append(frozenset(topics[-1]) | frozenset(answers))
        self._owners = np.array(owners)
        self._variants = bm25s.BM25(k1=_K1, b=_B)
        self._variants.index(documents, show_progress=False)
        self._topics = bm25s.BM25(k1=_K1, b=_B)
        self._topics.index(topics, show_progress=False)
        self._average_length = sum(map(len, documents)) / len(documents)
        frequency = Counter(term for document in documents for term in set(document))
        self._idf = {
            term: math.log(1 + (len(documents) - n + 0.5) / (n + 0.5))
            for term, n in frequency.items()
        }
        self._unknown_idf = max(self._idf.values())

    @property
    def entries(self) -> tuple[Entry, ...]:
        return self._entries

    def _terms(self, text: str) -> list[str]:
        normalised = self._analyzer.normalise(text)
        return self._analyzer.tokens(normalised) + self._analyzer.bigrams(normalised)

    def ask(self, question: str) -> Decision:
        plain = self._analyzer.plain(question[:MAX_QUESTION_CHARS])
        normalised = self._analyzer.rewrite(plain)
        # Both forms: "work permit" is blocked before "permit" becomes 居住证.
        if self._analyzer.gate.blocks(f"{plain}\n{normalised}"):
            return _unknown()
        ranking = self._rank(normalised)
        if ranking is None:
            return _unknown()
        limits = self._thresholds
        best = ranking.scores[0]
        top = self._entries[ranking.topics[0]]
        if not self._analyzer.gate.anchored(normalised):
            if (
                ranking.explained >= limits.unanchored_explained
                and best >= limits.unanchored_score
                and ranking.margin >= limits.unanchored_margin
            ):
                return Decision("answer", top, best, ())
            return _unknown(best)
        if ranking.coverage < limits.suggest_coverage or best < limits.suggest_score:
            return _unknown(best)
        if (
            ranking.coverage >= limits.answer_coverage
            and best >= limits.answer_score
            and ranking.margin >= limits.margin
        ):
            return Decision("answer", top, best, ())
        choices = tuple(self._entries[i] for i in ranking.topics[: limits.suggestions])
        return Decision("suggest", top, best, choices)

    def _rank(self, normalised: str) -> _Ranking | None:
        words = list(dict.fromkeys(self._analyzer.tokens(normalised)))
        terms = words + list(dict.fromkeys(self._analyzer.bigrams(normalised)))
        known = [term for term in terms if term in self._idf]
        if not words or not known:
            return None
        per_variant = np.zeros(len(self._entries))
        np.maximum.at(per_variant, self._owners, self._variants.get_scores(known))
        per_variant /= self._self_score(known, len(terms))
        # The whole-topic index reorders topics within the range of the best single variant:
        # it rewards a question whose words are spread over several variants of one topic.
        per_topic = self._topics.get_scores(known)
        if per_topic.max() > 0:
            per_topic *= per_variant.max() / per_topic.max()
        scores = (1 - _TOPIC_WEIGHT) * per_variant + _TOPIC_WEIGHT * per_topic
        order = np.argsort(-scores, kind="stable")
        return _Ranking(
            topics=tuple(int(i) for i in order),
            scores=tuple(float(scores[i]) for i in order),
            coverage=self._share(words, lambda word: word in self._idf),
            explained=self._share(words, self._vocabulary[int(order[0])].__contains__),
        )

    def _self_score(self, known: Sequence[str], length: int) -> float:
        """BM25 of the question against a document made of exactly its own terms."""
        saturation = 1 / (1 + _K1 * (1 - _B + _B * length / self._average_length))
        return sum(self._idf[term] for term in known) * saturation

    def _share(self, words: Sequence[str], counts: Callable[[str], bool]) -> float:
        """IDF-weighted share of `words` for which `counts` holds (unknown words weigh most)."""
        weights = [self._idf.get(word, self._unknown_idf) for word in words]
        return sum(w for word, w in zip(words, weights, strict=True) if counts(word)) / sum(weights)


def _unknown(score: float = 0.0) -> Decision:
    return Decision("unknown", None, score, ())


@cache
def default_retriever() -> Retriever:
    return Retriever(load_entries())
