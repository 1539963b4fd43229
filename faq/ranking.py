"""A normalised question -> every topic ranked, with how likely it is not ours at all.

Two rankers are combined. BM25 (bm25s): each topic is indexed as several short documents (its
question, its English question, every variant) and as one whole-topic document, so words
spread over several variants of one topic still count. A classifier (faq/classify.py) over
word and character n-grams, trained at index build on the same variants and on questions that
are not ours, weighs the whole question: typos, traditional characters and life stories.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import bm25s
import numpy as np

from faq.classify import Classifier
from faq.entries import Entry
from faq.text import QUESTION_TEXTS, Analyzer
from faq.training import EVERYDAY, Training
from faq.typos import vocabulary

_K1 = 1.2
_B = 0.75
_TOPIC_WEIGHT = 0.5
_NUMBER = re.compile(r"\d")
# A word more than this share of the topics use says nothing about which one is asked (办, 单位).
_COMMON_SHARE = 0.25


@dataclass(frozen=True)
class Ranking:
    """`topics`: indexes of the entries, best first, with their `scores`; `not_ours`: the
    classifier's probability that the question is none of them, `kind` the likeliest of what
    is not ours (a near-domain kind or everyday); `coverage`: how much of the question the
    index knows at all (its known terms' share of its terms' IDF; numbers aside)."""

    topics: tuple[int, ...]
    scores: tuple[float, ...]
    not_ours: float
    kind: str
    coverage: float = 1.0

    @property
    def margin(self) -> float:
        return self.scores[0] - self.scores[1] if len(self.scores) > 1 else self.scores[0]

    def reordered(self, first: int, last: int) -> Ranking:
        """`first` at the top with the best score, `last` at the bottom with the lowest, the
        other topics between them with their own."""
        middle = [
            (t, s) for t, s in zip(self.topics, self.scores, strict=True) if t not in (first, last)
        ]
        topics = (first, *(t for t, _ in middle), last)
        scores = (self.scores[0], *(s for _, s in middle), self.scores[-1])
        return replace(self, topics=topics, scores=scores)


class Ranker:
    """Built once per retriever: the BM25 indexes and the classifier (`classifier_weight` 0:
    BM25 alone)."""

    def __init__(
        self,
        entries: Sequence[Entry],
        analyzer: Analyzer,
        training: Training,
        classifier_weight: float,
    ) -> None:
        self._analyzer = analyzer
        self._weight = classifier_weight
        documents: list[list[str]] = []
        owners: list[int] = []
        topics: list[list[str]] = []
        texts: list[str] = []
        labels: list[str] = []
        for index, entry in enumerate(entries):
            phrasings = [
                entry.question,
                entry.question_en,
                *entry.variants,
                *training.variants.get(entry.id, ()),
            ]
            normalised = [analyzer.normalise(text) for text in phrasings]
            terms = [self._terms(text) for text in normalised]
            documents.extend(terms)
            owners.extend([index] * len(terms))
            topics.append([term for text in terms for term in text])
            texts.extend(normalised)
            labels.extend([entry.id] * len(normalised))
        for kind, examples in training.negatives.items():
            texts.extend(analyzer.normalise(text) for text in examples)
            labels.extend([kind] * len(examples))
        # What typos and pinyin are read as: any word the topics or what is not ours use (落户
        # typed 落互 or luohu is refused as surely as in characters).
        self.words = Counter(t for text in texts for t in analyzer.tokens(text))
        self.vocabulary = vocabulary(self.words.elements(), analyzer.is_word)
        self._size = len(entries)
        self._owners = np.array(owners)
        self._variants = bm25s.BM25(k1=_K1, b=_B)
        self._variants.index(documents, show_progress=False)
        self._topics = bm25s.BM25(k1=_K1, b=_B)
        self._topics.index(topics, show_progress=False)
        self._spread = Counter(term for terms in topics for term in set(terms))
        self._average_length = sum(map(len, documents)) / len(documents)
        frequency = Counter(term for document in documents for term in set(document))
        self._idf = {
            term: math.log(1 + (len(documents) - n + 0.5) / (n + 0.5))
            for term, n in frequency.items()
        }
        self._unseen = math.log(1 + (len(documents) + 0.5) / 0.5)
        learns = classifier_weight > 0 and len(set(labels)) > 1
        self._classifier = Classifier(texts, labels, self._words) if learns else None
        known = self._classifier.labels if self._classifier else tuple(labels)
        self._topic_column = np.array([known.index(e.id) for e in entries], dtype=int)
        topic_ids = {entry.id for entry in entries}
        self._other_columns = [
            (i, label) for i, label in enumerate(known) if label not in topic_ids
        ]
        # The whole question is ranked by the gate and again by the decision: once is enough.
        self._ranked = functools.lru_cache(maxsize=QUESTION_TEXTS)(self._rank)

    def _words(self, normalised: str) -> list[str]:
        words = self._analyzer.tokens(normalised)
        return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]

    def _terms(self, normalised: str) -> list[str]:
        return self._analyzer.tokens(normalised) + self._analyzer.bigrams(normalised)

    def rank(self, normalised: str) -> Ranking | None:
        """None when the question has no word the index knows."""
        return self._ranked(normalised)

    def _rank(self, normalised: str) -> Ranking | None:
        words = list(dict.fromkeys(self._analyzer.tokens(normalised)))
        terms = words + list(dict.fromkeys(self._analyzer.bigrams(normalised)))
        known = [term for term in terms if term in self._idf]
        if not words or not known:
            return None
        scores = self._bm25(known, len(terms))
        not_ours, kind = 0.0, EVERYDAY
        if self._classifier is not None:
            probabilities = self._classifier.probabilities(normalised)
            scores = self._weight * probabilities[self._topic_column] + (1 - self._weight) * scores
            if self._other_columns:
                _, kind = max(self._other_columns, key=lambda c: probabilities[c[0]])
                not_ours = float(sum(probabilities[c] for c, _ in self._other_columns))
        order = np.argsort(-scores, kind="stable")
        return Ranking(
            topics=tuple(int(i) for i in order),
            scores=tuple(float(scores[i]) for i in order),
            not_ours=not_ours,
            kind=kind,
            coverage=self._coverage(terms),
        )

    def topical(self, words: Sequence[str]) -> bool:
        """Whether `words` hold more that some topics use and not many than words no topic
        uses: a question with such words is about something, although it names nothing of ours;
        one with more words no topic uses (公租房申请条件) is about something else."""
        narrow = sum(0 < self._spread[word] <= self._size * _COMMON_SHARE for word in words)
        return narrow > 0 and narrow >= sum(not self._spread[word] for word in words)

    def _coverage(self, terms: Sequence[str]) -> float:
        """A term the index never saw weighs as much as the rarest one it did: "123乘以45等于
        多少" matches 多少 perfectly, but 乘以 and 等于 are nobody's words here."""
        words = [term for term in terms if not _NUMBER.search(term)]
        total = sum(self._idf.get(term, self._unseen) for term in words)
        return sum(self._idf.get(term, 0.0) for term in words) / total if total else 1.0

    def _bm25(self, known: Sequence[str], length: int) -> np.ndarray:
        per_variant = np.zeros(self._size)
        np.maximum.at(per_variant, self._owners, self._variants.get_scores(known))
        per_variant /= self._self_score(known, length)
        # The whole-topic index reorders topics within the range of the best single variant:
        # it rewards a question whose words are spread over several variants of one topic.
        per_topic = self._topics.get_scores(known)
        if per_topic.max() > 0:
            per_topic *= per_variant.max() / per_topic.max()
        scores: np.ndarray = np.minimum(
            (1 - _TOPIC_WEIGHT) * per_variant + _TOPIC_WEIGHT * per_topic, 1.0
        )
        return scores

    def _self_score(self, known: Sequence[str], length: int) -> float:
        """BM25 of the question against a document made of exactly its own terms."""
        saturation = 1 / (1 + _K1 * (1 - _B + _B * length / self._average_length))
        return sum(self._idf[term] for term in known) * saturation
