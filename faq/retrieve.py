"""Question -> the FAQ topic to answer, two topics to choose from, or "not ours".

Ranking is faq/ranking.py's (BM25 and a classifier over the topics' variants and over questions
that are not ours); which parts of a message ask is faq/clauses.py's; pinyin typed for our
words (jifen mima) is read by faq/pinyin.py and typos of them (蜜码, 居证) are put right by
faq/typos.py first. This module decides.

Deciding: what the classifier calls near-domain (落户, 公积金, school enrolment, another city's
points ...) or everyday, with more weight than any topic, is refused, with a short pointer to
where it is handled when there is one; so is a question about an office's opening hours (we
hold none), whatever office it names. A clear best topic is answered; two close ones are
offered as a clarifying question; a weak match is refused. A wrong confident answer about a
government procedure is worse than none. A message with two questions is decided by the
first, or after a story by the whole message's topic if one asks it; the other is offered
(`Decision.also`). A word that is usually not ours (报名) refuses only where it is asked about,
not in the story around the question; a question that names a renewal or a first application
gets that occasion's topic (faq/counterparts.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache
from typing import Literal

from faq.clauses import (
    asked_about,
    asking_clauses,
    main_questions,
    sentences,
    tells_only,
    with_story,
)
from faq.counterparts import Counterparts
from faq.entries import Entry, load_entries, most_asked
from faq.pinyin import PinyinReader
from faq.ranking import Ranker
from faq.sides import first_side, read_out
from faq.text import Analyzer, default_analyzer
from faq.thresholds import Thresholds
from faq.training import Training, load_training
from faq.typos import Typos

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


@dataclass(frozen=True)
class Decision:
    """`entry` is the best topic for answer and suggest; `suggestions` are the choices of a
    suggest, best first (entry included), and empty otherwise. `pointer` (locale -> text)
    says where a near-domain question is handled; `also` is the other question of a message
    that asked two; `elsewhere` (locale -> text) says where its other question, not ours, is
    handled."""

    kind: Literal["answer", "suggest", "unknown"]
    entry: Entry | None
    score: float
    suggestions: tuple[Entry, ...]
    pointer: Mapping[str, str] | None = None
    also: tuple[Entry, ...] = ()
    elsewhere: Mapping[str, str] | None = None


class Retriever:
    def __init__(
        self,
        entries: Iterable[Entry],
        analyzer: Analyzer | None = None,
        thresholds: Thresholds | None = None,
        training: Training | None = None,
    ) -> None:
        self._entries = tuple(entries)
        if not self._entries:
            raise ValueError("a Retriever needs at least one entry")
        self._analyzer = analyzer or default_analyzer()
        self._thresholds = thresholds or Thresholds()
        self._training = training if training is not None else Training()
        self._ranker = Ranker(
            self._entries, self._analyzer, self._training, self._thresholds.classifier_weight
        )
        self._index = {entry.id: i for i, entry in enumerate(self._entries)}
        self._counterparts = Counterparts(self._entries, self._analyzer, self._thresholds.suggest)
        self._typos = Typos(self._ranker.vocabulary, self._analyzer.is_word, self._analyzer.steady)
        # Question words (怎么, 吗) are written too, before any word that reads the same (骂):
        # they are the commonest words of any question, and they decide which clause asks.
        words = self._ranker.words
        commonest = max(words.values(), default=0) + 1
        # In a fixed order: of two that read the same (ma: 吗, 嘛) the first is meant, and a set's
        # order changes with every process (PYTHONHASHSEED), and with it the answer.
        stopwords = dict.fromkeys(sorted(self._analyzer.stopwords), commonest)
        self._pinyin = PinyinReader({**words, **stopwords})

    @property
    def entries(self) -> tuple[Entry, ...]:
        return self._entries

    def _read(self, question: str) -> str:
        """The question as our words: plain, pinyin written in characters, typos put right."""
        plain = self._analyzer.plain(question[:MAX_QUESTION_CHARS])
        return self._typos.correct(self._pinyin.read(plain))

    def ask(self, question: str) -> Decision:
        plain = self._read(question)
        # The first few clauses that ask something: the first decides, the next is offered.
        questions = main_questions(plain)[:3]
        # A word that is usually not ours counts only in a clause that asks: 报名 in the
        # story before a question (孩子明年中考报名，) does not make the question someone else's.
        asked = asked_about(plain)
        decision = self._decide(plain, asked, told=tells_only(plain))
        if decision.kind == "answer" and questions and (scheme := self._scheme_before(plain)):
            return scheme
        if decision.kind == "unknown" and questions:
            decision = self._without_aside(plain, decision)
        if len(questions) < 2:
            # A message refused as someone else's matter stays refused: "where do I renew it"
            # alone is ours, "my residence permit for foreigners" is not.
            unsure = decision.kind != "answer" and decision.pointer is None
            if unsure and questions and questions[0] != plain.strip() and self._told(plain):
                alone = self._decide(questions[0], occasion=plain)
                return alone if alone.kind == "answer" else decision
            return decision
        # Each question is ranked with the story told just before it, gated on its own words.
        decided = [self._decide(with_story(plain, q), asked=q) for q in questions]
        answered = [d for d in decided if d.entry and d.kind == "answer"]
        topics = list({d.entry.id: d.entry for d in answered if d.entry}.values())
        if (aside := self._refused_after(questions[0], decision, decided)) is not None:
            return aside
        if len(topics) < 2:
            # Two questions about one topic ("带动就业能加多少分？最高能加到多少？"): the one
            # answered settles a choice the whole message left open between it and another, or
            # a whole that says something of ours but matches no topic well enough.
            weak = decision.kind == "unknown" and decision.pointer is None and self._told(plain)
            open_ = decision.kind == "suggest" and topics and topics[0] in decision.suggestions
            settled = topics and (open_ or weak)
            return answered[0] if settled else decision
        # After a story, the topic the whole message answers decides when a question asks it.
        told_first = decision.kind == "answer" and not plain.lstrip().startswith(questions[0])
        first = next((d for d in answered if told_first and d.entry == decision.entry), answered[0])
        other = next(t for t in topics if t != first.entry)
        return Decision("answer", first.entry, first.score, (), also=(other,))

    def _refused_after(self, asked: str, whole: Decision, each: list[Decision]) -> Decision | None:
        """The first question's clear answer when it names something of ours and only a later
        one is someone else's (积分怎么申请？另外落户需要什么条件？), with that one's pointer
        (`Decision.elsewhere`); a message whose first question is not ours stays refused."""
        (first, *rest), gate = each, self._analyzer.gate
        ours = gate.anchored(self._analyzer.rewrite(asked), gate.shared)
        clear = first.kind == "answer" and first.score >= self._thresholds.answer
        # ... or one matched as surely as a question naming another office's word would need
        # to be ours, with none of our words (能自己去交材料吗？还有人才服务中心周六上班吗？).
        ours = ours or first.score >= self._thresholds.keyword_override
        if whole.pointer is None or not (ours and clear):
            return None
        pointer = next((d.pointer for d in rest if d.kind == "unknown" and d.pointer), None)
        return None if pointer is None else replace(first, elsewhere=pointer)

    def _told(self, plain: str) -> bool:
        """Whether a message says anything of ours: a story about sleep that ends "有什么办法
        吗" is not answered by its last clause alone, when nothing around it is ours."""
        normalised = self._analyzer.rewrite(plain)
        if self._analyzer.gate.anchored(normalised):
            return True
        ranking = self._ranker.rank(normalised)
        return ranking is not None and ranking.coverage >= self._thresholds.coverage

    def _without_aside(self, plain: str, refused: Decision) -> Decision:
        """A life story that mentions someone else's matter on the way (孩子明年中考报名，我有点
        慌。换了公司积分怎么办？) is decided without the sentences that ask nothing and would be
        refused with a pointer on their own; within the sentence that asks, every clause stays
        (想把户口迁过来，找哪个部门 asks about the 户口). A purpose (我要出国用) is no aside."""
        if self._analyzer.gate.wanted_elsewhere(self._analyzer.rewrite(plain)):
            return refused
        told = sentences(plain)
        kept = [s for s in told if asking_clauses(s) or self._decide(s).pointer is None]
        if len(kept) == len(told):
            return refused
        # ... unless what asks names nothing of ours itself and follows what was left out: it
        # asks about that ("听说能走居转户。需要满足什么条件"); an aside after the question
        # (审核要等几天 娃下周中考报名) says nothing about it.
        first = next((i for i, s in enumerate(told) if asking_clauses(s)), len(told))
        asking = self._analyzer.rewrite("。".join(s for s in told if asking_clauses(s)))
        # 社保 is the other office's word too: "想在上海买套房。听说要交满一定年限社保，具体要几年"
        # asks about the home.
        gate = self._analyzer.gate
        if told[:first] != kept[:first] and not gate.anchored(asking, gate.shared):
            return refused
        rest = self._decide("。".join(kept), occasion=plain)
        return rest if rest.kind == "answer" else refused

    def _scheme_before(self, plain: str) -> Decision | None:
        """The refusal of another scheme named outright before the question (听说应届生落户有
        打分政策，要72分。具体是怎么打分的) when what asks names nothing of ours: it asks about
        that scheme. 报名, a shop or where one's hukou is, told before, is no scheme."""
        told, gate = sentences(plain), self._analyzer.gate
        first = next((i for i, s in enumerate(told) if asking_clauses(s)), len(told))
        if gate.anchored(self._analyzer.rewrite("。".join(told[first:])), gate.shared):
            return None
        schemes, rewrite = self._training.schemes, self._analyzer.rewrite
        named = (s for s in told[:first] if self._named_kind(s, rewrite(s)) in schemes)
        return next((d for d in map(self._decide, named) if d.pointer is not None), None)

    def nearest(self, question: str, n: int = 3) -> tuple[Entry, ...]:
        """The `n` topics that rank highest for the question, whatever the decision would be
        (the topic picker of the console's teach page)."""
        plain = self._read(question)
        ranking = self._ranker.rank(self._analyzer.rewrite(plain))
        return () if ranking is None else tuple(self._entries[i] for i in ranking.topics[:n])

    def _decide(
        self, plain: str, asked: str | None = None, occasion: str = "", told: bool = False
    ) -> Decision:
        """`asked`: the part of `plain` that asks (default: all of it) for the keyword gate;
        `occasion`: the whole message when `plain` is one clause of it, for whether it is
        about a renewal or a first application; `told`: whether `plain` only tells."""
        normalised = self._analyzer.rewrite(plain)
        ranking = self._ranker.rank(normalised)
        if ranking is None:
            return _unknown()
        named = f"{normalised}\n{self._analyzer.rewrite(occasion)}"
        ranking = self._counterparts.reordered(ranking, named)
        # A case told as it happened is decided by what happened among the nearest topics.
        nearest = [self._entries[i].id for i in ranking.topics[:3]]
        # ... and a case told with its question, when what happened says it outright (faq/data/
        # lexicon.yaml situations marked asked), is the situation's topic if the best one gives
        # way to it: the others may be what is asked (应届生加分 after a missing degree).
        situations = self._analyzer.situations
        if not told:
            situations, nearest = tuple(s for s in situations if s.asked), nearest[:1]
        wanted = first_side(situations, nearest, f"{plain}\n{normalised}")
        if wanted in self._index and self._index[wanted] != ranking.topics[-1]:
            ranking = ranking.reordered(self._index[wanted], ranking.topics[-1])
        limits = self._thresholds
        best = ranking.scores[0]
        gate = self._analyzer.gate
        both = f"{plain}\n{normalised}"  # "work permit" is seen before it becomes 居住证
        elsewhere = gate.elsewhere(both)
        hours = gate.office_hours(both)
        gated = both if asked is None else f"{asked}\n{self._analyzer.rewrite(asked)}"
        gated = gate.without_reasons(gated) if told else gated
        story = both
        if wanted:
            # What the situation rule read tells the case (人事在休产假: who is away) and asks
            # nothing of the office its words are usually of (产假).
            story, gated = (read_out(self._analyzer.situations, text) for text in (both, gated))
        # The keyword gate reads where the question is asked: 退工单 in the story does not make
        # 劳动仲裁怎么申请 ours. A question that names nothing of ours but what the other office
        # says too asks about the story: "在临港买房，社保要满几年" is the housing office's (the
        # words only an anchor makes ours; 报名 or a bank in the story stays the applicant's).
        top = self._entries[ranking.topics[0]]
        # ... and so does a side of the best topic that another office handles.
        referred = self._referred(top.id, plain, gated)
        keyword = self._keyword(gated, story, best) or gate.wanted_elsewhere(both)
        if not keyword and not gate.anchored(gated, gate.shared):
            keyword = gate.unanchored(story, story)
        ours = ranking.not_ours <= best or bool(wanted)
        if elsewhere or hours or keyword or referred or not ours:
            # The side asked names its office more exactly than the other city it happened in
            # (杭州交的社保想转过来: the insurance office's transfer, not Hangzhou's points).
            kind = referred or ("other_city" if elsewhere else "office_hours" if hours else None)
            kind = kind or self._named_kind(plain, normalised) or ranking.kind
            return _unknown(best, self._training.pointers.get(kind))
        bar = limits.procedural if gate.procedural(normalised) else limits.unanchored
        content = self._analyzer.content(normalised)
        if self._ranker.topical(content):
            bar = min(bar, limits.topical)
        weak = not content or best < bar or ranking.coverage < limits.coverage
        if not gate.anchored(normalised) and weak and not wanted:
            return self._weak(best, plain, normalised)
        sure = (
            ranking.margin >= limits.margin
            and not self._analyzer.vague(normalised)
            and not self._counterparts.either_occasion(ranking, f"{normalised}\n{occasion}")
        )
        # A situation that decides a question asked says it outright, whatever the score.
        situated = wanted and (best >= limits.situated or not told)
        if (best >= limits.answer and sure) or situated:
            return Decision("answer", top, best, ())
        if best >= limits.suggest:
            choices = tuple(self._entries[i] for i in ranking.topics[: limits.suggestions])
            return Decision("suggest", top, best, choices)
        return self._weak(best, plain, normalised)

    def _referred(self, topic: str, plain: str, asked: str) -> str | None:
        """The near-domain kind whose office handles the side of `topic` asked (faq/data/
        lexicon.yaml referrals: an employer that withholds the leaving papers), if any; an aside
        after the question (退工单一定要吗 老板拖着不给开) asks nothing."""
        first, rewrite = next(iter(asking_clauses(plain)), ""), self._analyzer.rewrite
        told = with_story(plain, first) if first else plain
        return first_side(self._analyzer.referrals, [topic], f"{told}\n{rewrite(told)}\n{asked}")

    def _keyword(self, asked: str, both: str, best: float) -> bool:
        """Whether `asked` names a word that is usually not ours (shop points, 报名 ...) and no
        clear match on a word of our own overrides it: 积分 alone is everybody's word (中国移动
        积分), and so is a password (the bank's), and 社保 (沪牌拍牌要社保交满多久 is the plate
        auction's question)."""
        gate = self._analyzer.gate
        own = self._analyzer.unowned | gate.shared
        ours = best >= self._thresholds.keyword_override and gate.anchored(asked, own)
        return (gate.blocks(asked, both) and not ours) or gate.unanchored(asked, both)

    def _named_kind(self, plain: str, normalised: str) -> str | None:
        """The kind a hint phrase names (公积金, foreign wife ...): a name said outright beats
        the classifier's nearest examples."""
        text = f"{plain}\n{normalised}"
        hinted = (k for k, hints in self._training.hints.items() if any(h in text for h in hints))
        return next(hinted, None)

    def _weak(self, best: float, plain: str, normalised: str) -> Decision:
        """Refused as too weak a match; with the pointer of what it names outright (居转户
        ... 年限还算吗 is the hukou scheme's question), if it names one."""
        named = self._named_kind(plain, normalised)
        return _unknown(best, self._training.pointers.get(named) if named else None)


def _unknown(score: float = 0.0, pointer: Mapping[str, str] | None = None) -> Decision:
    return Decision("unknown", None, score, (), pointer=pointer)


@cache
def default_retriever() -> Retriever:
    return Retriever(load_entries(), training=load_training())
