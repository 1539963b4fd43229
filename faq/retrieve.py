"""Question -> the FAQ topic to answer, two topics to choose from, or "not ours".

Two rankers are combined. BM25 (bm25s): each topic is indexed as several short documents (its
question, its English question, every variant) and as one whole-topic document, so words
spread over several variants of one topic still count. A classifier (faq/classify.py) over
word and character n-grams, trained at index build on the same variants and on questions that
are not ours, weighs the whole question: typos, traditional characters and life stories.

Deciding: what the classifier calls near-domain (落户, 公积金, school enrolment, another city's
points ...) or everyday, with more weight than any topic, is refused, with a short pointer to
where it is handled when there is one. A clear best topic is answered; two close ones are
offered as a clarifying question; a weak match is refused. A wrong confident answer about a
government procedure is worse than none. A message with two questions is decided by the
first; the other is offered (`Decision.also`). A word that is usually not ours (报名) refuses
only where it is asked about, not in the story around the question; a question that names a
renewal or a first application gets that occasion's topic (faq/data/lexicon.yaml occasion).
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

import bm25s
import numpy as np

from faq.classify import Classifier
from faq.entries import Entry, load_entries, most_asked
from faq.text import Analyzer, default_analyzer
from faq.training import EVERYDAY, Training, load_training

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
# A clause ends at sentence punctuation or where a second question is announced.
_CLAUSES = re.compile(
    r"[？?！!。；;，,\n]+|另外|还有就是|还有个问题|顺便问一下|顺便问|顺便|再问一下|also,"
)
_SENTENCES = re.compile(r"[？?！!。；;\n]+")
_QUESTION_STARTS = re.compile(
    r"(?:^|[，,。？?！!；;\s])((?:我)?(?:想问问?|想请问|想知道|想了解一下)|请问|请教一下|请教|问一下|"
    r"(?:我的)?问题是|my question is|i want to know|i'd like to know|i would like to know)"
)
_ASKS = re.compile(
    r"[吗嘛呢么]$|怎么|如何|多久|哪里|哪儿|哪些|哪个|什么|啥|为什么|能否|能不能|可不可以|是否|要不要|"
    r"多少|(?<![好十])几[个年天分次份](?!十)|"
    r"\b(how|what|when|where|which|can|do|does|is|are|should|will)\b"
)


@dataclass(frozen=True)
class Decision:
    """`entry` is the best topic for answer and suggest; `suggestions` are the choices of a
    suggest, best first (entry included), and empty otherwise. `pointer` (locale -> text)
    says where a near-domain question is handled; `also` is the other question of a message
    that asked two."""

    kind: Literal["answer", "suggest", "unknown"]
    entry: Entry | None
    score: float
    suggestions: tuple[Entry, ...]
    pointer: Mapping[str, str] | None = None
    also: tuple[Entry, ...] = ()


@dataclass(frozen=True)
class Thresholds:
    """Calibrated on the dev sets (tests/data/faq-dev.json, tests/faq/*.json; see
    bench/faq_eval.py); ranking does not depend on them, only the decision does.

    Scores mix the classifier's probability of a topic and its BM25 score (scaled by the score
    the question would get against itself) with `classifier_weight` (0: BM25 alone).
    answer: the best score to answer; margin: by how much it must lead the runner-up.
    suggest: the best score to offer the top two instead. unanchored: the score a question
    with no domain word (faq/data/lexicon.yaml anchors) needs to be answered at all.
    keyword_override: the score at which a question is ours although it names something that
    usually is not (学籍, 报名, 落户 ... in faq/data/lexicon.yaml out_of_domain).
    """

    classifier_weight: float = 0.75
    answer: float = 0.4
    margin: float = 0.07
    suggest: float = 0.25
    unanchored: float = 0.8
    keyword_override: float = 0.8
    suggestions: int = 2


@dataclass(frozen=True)
class _Ranking:
    topics: tuple[int, ...]
    scores: tuple[float, ...]
    not_ours: float
    kind: str

    @property
    def margin(self) -> float:
        return self.scores[0] - self.scores[1] if len(self.scores) > 1 else self.scores[0]


class Retriever:
    def __init__(
        self,
        entries: Iterable[Entry],
        analyzer: Analyzer | None = None,
        thresholds: Thresholds = Thresholds(),
        training: Training | None = None,
    ) -> None:
        self._entries = tuple(entries)
        if not self._entries:
            raise ValueError("a Retriever needs at least one entry")
        self._analyzer = analyzer or default_analyzer()
        self._thresholds = thresholds
        self._training = training if training is not None else Training()
        documents: list[list[str]] = []
        owners: list[int] = []
        topics: list[list[str]] = []
        texts: list[str] = []
        labels: list[str] = []
        for index, entry in enumerate(self._entries):
            phrasings = [
                entry.question,
                entry.question_en,
                *entry.variants,
                *self._training.variants.get(entry.id, ()),
            ]
            normalised = [self._analyzer.normalise(text) for text in phrasings]
            terms = [self._terms(text) for text in normalised]
            documents.extend(terms)
            owners.extend([index] * len(terms))
            topics.append([term for text in terms for term in text])
            texts.extend(normalised)
            labels.extend([entry.id] * len(normalised))
        for kind, examples in self._training.negatives.items():
            texts.extend(self._analyzer.normalise(text) for text in examples)
            labels.extend([kind] * len(examples))
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
        learns = thresholds.classifier_weight > 0 and len(set(labels)) > 1
        self._classifier = Classifier(texts, labels, self._words) if learns else None
        known = self._classifier.labels if self._classifier else tuple(labels)
        self._topic_column = np.array([known.index(e.id) for e in self._entries], dtype=int)
        self._index = {entry.id: i for i, entry in enumerate(self._entries)}
        topic_ids = set(self._index)
        self._other_columns = [
            (i, label) for i, label in enumerate(known) if label not in topic_ids
        ]

    @property
    def entries(self) -> tuple[Entry, ...]:
        return self._entries

    def _words(self, normalised: str) -> list[str]:
        words = self._analyzer.tokens(normalised)
        return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]

    def _terms(self, normalised: str) -> list[str]:
        return self._analyzer.tokens(normalised) + self._analyzer.bigrams(normalised)

    def ask(self, question: str) -> Decision:
        plain = self._analyzer.plain(question[:MAX_QUESTION_CHARS])
        # The first few clauses that ask something: the first decides, the next is offered.
        questions = _main_questions(plain)[:3]
        # A word that is usually not ours counts only in a sentence that asks: 报名 in the
        # story before a question (孩子明年中考报名。) does not make the question someone else's.
        asked = "，".join(s for s in _SENTENCES.split(plain) if asking_clauses(s)) or plain
        decision = self._decide(plain, asked)
        if decision.kind == "unknown" and questions:
            decision = self._without_aside(plain, decision)
        if len(questions) < 2:
            # A message refused as someone else's matter stays refused: "where do I renew it"
            # alone is ours, "my residence permit for foreigners" is not.
            unsure = decision.kind != "answer" and decision.pointer is None
            if unsure and questions and questions[0] != plain.strip():
                alone = self._decide(questions[0], occasion=plain)
                return alone if alone.kind == "answer" else decision
            return decision
        answered = [d for d in map(self._decide, questions) if d.entry and d.kind == "answer"]
        topics = list({d.entry.id: d.entry for d in answered if d.entry}.values())
        if len(topics) < 2:
            return decision
        first = answered[0]
        return Decision("answer", first.entry, first.score, (), also=(topics[1],))

    def _without_aside(self, plain: str, refused: Decision) -> Decision:
        """A life story that mentions someone else's matter on the way (孩子明年中考报名，
        我有点慌。换了公司积分怎么办？) is decided without the sentences that ask nothing and
        would be refused with a pointer on their own. Within the sentence that asks, every
        clause stays: "想把户口迁过来，应该找哪个部门" asks about the 户口."""
        sentences = [s.strip() for s in _SENTENCES.split(plain) if s.strip()]
        kept = [s for s in sentences if asking_clauses(s) or self._decide(s).pointer is None]
        if len(kept) == len(sentences):
            return refused
        rest = self._decide("。".join(kept), occasion=plain)
        return rest if rest.kind == "answer" else refused

    def nearest(self, question: str, n: int = 3) -> tuple[Entry, ...]:
        """The `n` topics that rank highest for the question, whatever the decision would be
        (the topic picker of the console's teach page)."""
        ranking = self._rank(self._analyzer.normalise(question[:MAX_QUESTION_CHARS]))
        return () if ranking is None else tuple(self._entries[i] for i in ranking.topics[:n])

    def _decide(self, plain: str, asked: str | None = None, occasion: str = "") -> Decision:
        """`asked`: the part of `plain` that asks (default: all of it) for the keyword gate;
        `occasion`: the whole message when `plain` is one clause of it, for whether it is
        about a renewal or a first application."""
        normalised = self._analyzer.rewrite(plain)
        ranking = self._rank(normalised)
        if ranking is None:
            return _unknown()
        ranking = self._for_occasion(ranking, f"{normalised}\n{self._analyzer.rewrite(occasion)}")
        limits = self._thresholds
        best = ranking.scores[0]
        gate = self._analyzer.gate
        both = f"{plain}\n{normalised}"  # "work permit" is seen before it becomes 居住证
        elsewhere = gate.elsewhere(both)
        # Shop points, 报名 ... are overridden only by a clear match on a word of our own:
        # 积分 alone is everybody's word (中国移动积分).
        ours = best >= limits.keyword_override and gate.anchored(both, self._analyzer.general)
        gated = both if asked is None else f"{asked}\n{self._analyzer.rewrite(asked)}"
        keyword = gate.blocks(gated, both) and not ours
        if elsewhere or keyword or ranking.not_ours > best:
            kind = "other_city" if elsewhere else self._near_kind(ranking.kind, plain, normalised)
            return _unknown(best, self._training.pointers.get(kind))
        top = self._entries[ranking.topics[0]]
        if not gate.anchored(normalised) and best < limits.unanchored:
            return _unknown(best)
        sure = (
            ranking.margin >= limits.margin
            and not self._analyzer.vague(normalised)
            and not self._either_occasion(ranking, f"{normalised}\n{occasion}")
        )
        if best >= limits.answer and sure:
            return Decision("answer", top, best, ())
        if best >= limits.suggest:
            choices = tuple(self._entries[i] for i in ranking.topics[: limits.suggestions])
            return Decision("suggest", top, best, choices)
        return _unknown(best)

    def _for_occasion(self, ranking: _Ranking, text: str) -> _Ranking:
        """The best topic's counterpart takes its place when the question names the other
        occasion ("续签要走哪些流程" is the renewal's process, whatever the words matched) or
        asks for one side of a rule, such as what to hand in (faq/data/lexicon.yaml facets)."""
        best = self._entries[ranking.topics[0]].id
        wanted = self._analyzer.occasion.topic_for(best, text)
        for facet in self._analyzer.facets:
            wanted = facet.topic_for(wanted, text)
        if wanted == best or wanted not in self._index:
            return ranking
        other = self._index[wanted]
        rest = [
            (t, s)
            for t, s in zip(ranking.topics[1:], ranking.scores[1:], strict=True)
            if t != other
        ]
        topics = (other, *(t for t, _ in rest), ranking.topics[0])
        scores = (ranking.scores[0], *(s for _, s in rest), ranking.scores[-1])
        return _Ranking(topics, scores, ranking.not_ours, ranking.kind)

    def _either_occasion(self, ranking: _Ranking, text: str) -> bool:
        """The top two are the first-time and the renewal topic for the same question and the
        question names neither (积分办理流程): which one is asked back, not guessed."""
        if len(ranking.topics) < 2 or ranking.scores[1] < self._thresholds.suggest:
            return False
        if self._analyzer.occasion.of(text) is not None:
            return False
        first, second = (self._entries[i].id for i in ranking.topics[:2])
        pairs = self._analyzer.occasion.renewal_of.items()
        return (first, second) in pairs or (second, first) in pairs

    def _near_kind(self, kind: str, plain: str, normalised: str) -> str:
        """The kind a hint phrase names (公积金, foreign wife ...), else the classifier's
        near-domain kind: a name said outright beats the nearest examples."""
        text = f"{plain}\n{normalised}"
        hinted = (k for k, hints in self._training.hints.items() if any(h in text for h in hints))
        return next(hinted, kind)

    def _rank(self, normalised: str) -> _Ranking | None:
        words = list(dict.fromkeys(self._analyzer.tokens(normalised)))
        terms = words + list(dict.fromkeys(self._analyzer.bigrams(normalised)))
        known = [term for term in terms if term in self._idf]
        if not words or not known:
            return None
        scores = self._bm25(known, len(terms))
        not_ours, kind = 0.0, EVERYDAY
        if self._classifier is not None:
            probabilities = self._classifier.probabilities(normalised)
            weight = self._thresholds.classifier_weight
            scores = weight * probabilities[self._topic_column] + (1 - weight) * scores
            if self._other_columns:
                _, kind = max(self._other_columns, key=lambda c: probabilities[c[0]])
                not_ours = float(sum(probabilities[c] for c, _ in self._other_columns))
        order = np.argsort(-scores, kind="stable")
        return _Ranking(
            topics=tuple(int(i) for i in order),
            scores=tuple(float(scores[i]) for i in order),
            not_ours=not_ours,
            kind=kind,
        )

    def _bm25(self, known: Sequence[str], length: int) -> np.ndarray:
        per_variant = np.zeros(len(self._entries))
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


def _main_questions(plain: str) -> list[str]:
    """The asking clauses from where the message says its question starts (请问, 想知道, my
    question is ...), or all of them: in a life story, "看看通知书能不能打" told on the way
    is not what is asked."""
    marked = _QUESTION_STARTS.search(plain)
    return (marked and asking_clauses(plain[marked.start(1) :])) or asking_clauses(plain)


def asking_clauses(plain: str) -> list[str]:
    """The clauses of a question that ask something, in order (a life story around them aside)."""
    return [c.strip() for c in _CLAUSES.split(plain) if _ASKS.search(c.strip())]


def _unknown(score: float = 0.0, pointer: Mapping[str, str] | None = None) -> Decision:
    return Decision("unknown", None, score, (), pointer=pointer)


@cache
def default_retriever() -> Retriever:
    return Retriever(load_entries(), training=load_training())
