"""The topic that answers the occasion or the side a question names, in place of the topic
whose words it matched best (faq/data/lexicon.yaml occasion and facets): "续签要走哪些流程"
is the renewal's process, "用技能证书申请积分要准备哪些材料" the title's materials."""

from __future__ import annotations

from collections.abc import Sequence

from faq.entries import Entry
from faq.ranking import Ranking
from faq.text import Analyzer


class Counterparts:
    """`suggest`: the score below which a runner-up is no rival (faq/thresholds.py)."""

    def __init__(self, entries: Sequence[Entry], analyzer: Analyzer, suggest: float) -> None:
        self._ids = tuple(entry.id for entry in entries)
        self._index = {topic: i for i, topic in enumerate(self._ids)}
        self._analyzer = analyzer
        self._suggest = suggest

    def reordered(self, ranking: Ranking, text: str) -> Ranking:
        """The best topic's counterpart takes its place when the question names the other
        occasion or asks for one side of a rule, such as what to hand in. A runner-up that
        would give way to the best topic so is no rival to it: "用技能证书申请积分要准备哪些
        材料" is the title's materials however close the basic list comes."""
        best, *second = (self._ids[t] for t in ranking.topics[:2])
        wanted = self._wanted(best, text)
        if wanted != best and wanted in self._index:
            return ranking.reordered(self._index[wanted], ranking.topics[0])
        if second and second[0] != best and self._wanted(second[0], text) == best:
            return ranking.reordered(ranking.topics[0], ranking.topics[1])
        return ranking

    def _wanted(self, topic: str, text: str) -> str:
        occasion = self._analyzer.occasion
        wanted = occasion.topic_for(topic, text)
        for facet in self._analyzer.facets:
            wanted = facet.topic_for(wanted, text)
        # ... and the side asked for the occasion named: what to bring for a renewal.
        return occasion.topic_for(wanted, text)

    def either_occasion(self, ranking: Ranking, text: str) -> bool:
        """The top two are the first-time and the renewal topic for the same question and the
        question names neither (积分办理流程): which one is asked back, not guessed."""
        weak = len(ranking.topics) < 2 or ranking.scores[1] < self._suggest
        if weak or self._analyzer.occasion.of(text) is not None:
            return False
        first, second = (self._ids[i] for i in ranking.topics[:2])
        pairs = self._analyzer.occasion.renewal_of.items()
        return (first, second) in pairs or (second, first) in pairs
