"""Which side of a rule or which occasion a question asks about (faq/data/lexicon.yaml
occasion, facets and referrals): the retriever answers it with that side's topic, or with the
pointer of the office that handles it."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal


@dataclass(frozen=True)
class Occasion:
    """First application or renewal: which one a question names, and the topic that answers
    the same question for the other one (application_process <-> renewal_process)."""

    renewal: re.Pattern[str]
    first_time: re.Pattern[str]
    not_renewal: re.Pattern[str]
    renewal_of: Mapping[str, str]  # first-time topic -> the renewal topic

    def of(self, text: str) -> Literal["first_time", "renewal"] | None:
        """Saying it is not a renewal decides first; a renewal named beats a first time named
        ("续签和第一次申请的流程一样吗" asks about the renewal)."""
        if self.not_renewal.search(text):
            return "first_time"
        if self.renewal.search(text):
            return "renewal"
        return "first_time" if self.first_time.search(text) else None

    def topic_for(self, topic: str, text: str) -> str:
        """`topic`, or its counterpart when the question names the other occasion."""
        occasion = self.of(text)
        if occasion == "renewal":
            return self.renewal_of.get(topic, topic)
        if occasion == "first_time":
            first_of = {renewal: first for first, renewal in self.renewal_of.items()}
            return first_of.get(topic, topic)
        return topic


@dataclass(frozen=True)
class Facet:
    """A question that asks for one side of a rule is answered by the topic for that side:
    "用高级技师证积分要交哪些附件" wants the title's materials, not how many points it gives;
    "本科32岁，够120吗" wants how to reach 120, not the education rule."""

    asks: re.Pattern[str]
    of: Mapping[str, str]  # the topic matched -> the topic for this side
    unless: re.Pattern[str] | None = None  # says it wants the topic matched after all
    asked: bool = False  # a situation that decides a case told with its question too

    def fires(self, text: str) -> bool:
        """`text` asks for this side and does not say it wants the topic matched after all."""
        return bool(self.asks.search(text)) and not (self.unless and self.unless.search(text))

    def topic_for(self, topic: str, text: str) -> str:
        return self.of.get(topic, topic) if self.fires(text) else topic


def facets(section: Mapping[str, Any]) -> tuple[Facet, ...]:
    return tuple(
        Facet(
            asks=re.compile(facet["asks"]),
            of=dict(facet["of"]),
            unless=re.compile(facet["unless"]) if "unless" in facet else None,
            asked=bool(facet.get("asked", False)),
        )
        for facet in section.values()
    )


def first_side(rules: tuple[Facet, ...], topics: Sequence[str], text: str) -> str | None:
    """What the first rule that fires in `text` takes one of the candidate `topics` (best first)
    to: for a case told as it happened (faq/data/lexicon.yaml situations: who acts, what is
    missing or late, what the user wants next), the topic that helps; for a side another office
    handles (referrals), that office's pointer kind."""
    for rule in rules:
        if not rule.fires(text):
            continue
        wanted = next((rule.of[topic] for topic in topics if topic in rule.of), None)
        if wanted:
            return wanted
    return None


def read_out(rules: tuple[Facet, ...], text: str) -> str:
    """`text` without what any of `rules` reads in it."""
    for rule in rules:
        text = rule.asks.sub("，", text)
    return text
