"""The scores at which the retriever answers, offers a choice or refuses (faq/retrieve.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Thresholds:
    """Calibrated on the dev sets (tests/data/faq-dev.json, tests/faq/*.json; see
    bench/faq_eval.py); ranking does not depend on them, only the decision does.

    Scores mix the classifier's probability of a topic and its BM25 score (scaled by the score
    the question would get against itself) with `classifier_weight` (0: BM25 alone).
    answer: the best score to answer; margin: by how much it must lead the runner-up.
    suggest: the best score to offer the top two instead; situated: the best score to answer
    a case told as it happened whose topic a situation rule chose. unanchored: the score a question
    with no domain word (faq/data/lexicon.yaml anchors) needs to be answered at all, and
    coverage: how much of it the index must know (arithmetic, recipes: a word or two of ours
    among words nobody here uses).
    procedural: what `unanchored` is for a question that asks for a step of an application
    (faq/data/lexicon.yaml procedure: 材料清单有没有 给一份).
    topical: what `unanchored` is for a question with a word some topics use and few others
    (博士毕业能拿多少), not only words any question holds (这种情况一般怎么解决: refused).
    keyword_override: the score at which a question is ours although it names something that
    usually is not (学籍, 报名, 落户 ... in faq/data/lexicon.yaml out_of_domain).
    """

    classifier_weight: float = 0.75
    answer: float = 0.35
    margin: float = 0.07
    suggest: float = 0.25
    situated: float = 0.2
    unanchored: float = 0.8
    procedural: float = 0.65
    topical: float = 0.7
    coverage: float = 0.3
    keyword_override: float = 0.8
    suggestions: int = 2
