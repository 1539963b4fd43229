"""The keyword gate: phrases that mark a question as someone else's matter (faq/data/
lexicon.yaml out_of_domain) or as ours (anchors), and where they count as said."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

ASCII_PHRASE_EDGE = r"(?<![a-z0-9]){}(?![a-z0-9])"


@dataclass(frozen=True)
class Gate:
    """Phrases that mark a question as outside what the FAQ may answer. `words` cuts a text
    into its words' (start, end) spans: a blocking phrase that starts inside one word and ends
    inside another is not said (签到 is not in 续签|到底; 户口迁 is in 户口|迁到)."""

    always: tuple[str, ...]
    unless_anchor: tuple[str, ...]
    other_places: tuple[str, ...]
    shanghai: tuple[str, ...]
    anchors: tuple[str, ...]
    words: Callable[[str], list[tuple[int, int]]]
    shared: frozenset[str] = frozenset()
    procedure: tuple[str, ...] = ()
    hours: tuple[str, ...] = ()
    points: re.Pattern[str] = re.compile(r"\d+\s*分(?!钟)")
    their_schemes: tuple[str, ...] = ()
    used_for: re.Pattern[str] = re.compile(r"(?!)")
    purposes: tuple[str, ...] = ()

    def procedural(self, text: str) -> bool:
        """Asks for a step of an application (材料: what to hand in) without naming whose: in a
        bot about permit points, "要准备的东西多不多" is asked of its applications."""
        return _any_in(self.procedure, text)

    def anchored(self, text: str, besides: frozenset[str] = frozenset()) -> bool:
        """Has a domain word (other than those in `besides`) or points said (`points`)."""
        anchors = tuple(a for a in self.anchors if a not in besides) if besides else self.anchors
        return _any_in(anchors, text) or self.points.search(text) is not None

    def blocks(self, text: str, context: str = "") -> bool:
        """Names something that is usually not ours (`text`: plain and/or normalised forms);
        the retriever still answers when the question is clearly about a topic. An anchor in
        `context` (the rest of the message) counts as well, except one the office of the word
        uses too (`shared`: 社保 in 社保断缴会影响买房资格吗 is the housing office's question)."""
        return self._said(self.always, text) or self.unanchored(text, context)

    def unanchored(self, text: str, context: str = "") -> bool:
        """Names a word that is not ours unless an anchor is said too (`unless_anchor`), and no
        anchor but those its office uses as well: no score makes such a question ours."""
        unless = self._said(self.unless_anchor, text)
        return unless and not self.anchored(f"{text}\n{context}", self.shared)

    def _said(self, phrases: tuple[str, ...], text: str) -> bool:
        """A phrase is in `text` unless it straddles two words (an ASCII phrase is always a whole
        word)."""
        found = list(_alternatives(phrases).finditer(text))
        if not found:
            return False
        if any(m[0].isascii() for m in found):
            return True
        spans = self.words(text)
        edges = {edge for span in spans for edge in span}
        return any(
            m.start() in edges
            or m.end() in edges
            or any(start <= m.start() and m.end() <= end for start, end in spans)
            for m in found
        )

    def without_reasons(self, text: str) -> str:
        """`text` without what it says the points are for (孩子下个月要用积分报名): a told
        case's reason, no question of the office that handles it (`used_for`)."""
        return self.used_for.sub("，", text)

    def wanted_elsewhere(self, text: str) -> bool:
        """Says what the paper asked about is for, and that is another office's matter (学历认证
        怎么办？我要出国用): told anywhere in the message, the purpose decides."""
        return _any_in(self.purposes, text)

    def office_hours(self, text: str) -> bool:
        """Asks when an office is open: no topic holds opening hours, whichever office it names."""
        return self._said(self.hours, text)

    def elsewhere(self, text: str) -> bool:
        """About another city (its own points scheme), not Shanghai; or about that city's scheme
        named outright (北京工作居住证), whatever else the message names."""
        if _any_in(self.other_places, text) and not _any_in(self.shanghai, text):
            return True
        return _scheme_of(self.other_places, self.their_schemes).search(text) is not None


def phrases_of(raw: list[object]) -> tuple[str, ...]:
    return tuple(str(phrase).lower() for phrase in raw)


def _any_in(phrases: tuple[str, ...], text: str) -> bool:
    return _alternatives(phrases).search(text) is not None


# What one did with a scheme in the place named, said between the two (苏州办的积分, 在杭州攒的).
_DONE_THERE = r"(?:(?:办|拿|攒|积|申请|获得|取得)(?:下来|到|了)?)?"
# ... or the place named as where one's points or permit would be used (积分到苏州还能用吗).
_USED_THERE = r"(?:还|也)?(?:能|可以|能不能)(?:用|通用|认)"


@functools.lru_cache(maxsize=8)
def _scheme_of(places: tuple[str, ...], schemes: tuple[str, ...]) -> re.Pattern[str]:
    """A place followed by a scheme's name, with what one did there (办的), 的, a space or
    nothing between them; or followed by whether it can be used there."""
    place, scheme = _alternatives(places).pattern, _alternatives(schemes).pattern
    return re.compile(
        f"(?:{place})\\s*{_DONE_THERE}\\s*的?\\s*(?:{scheme})|(?:{place}){_USED_THERE}"
    )


@functools.lru_cache(maxsize=64)
def _alternatives(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a list of phrases (one search per question instead of one per phrase):
    an ASCII phrase is a whole word (visa, not the inside of 'visas'), any other a substring."""
    parts = [
        ASCII_PHRASE_EDGE.format(re.escape(p)) if p.isascii() else re.escape(p)
        for p in sorted(phrases, key=len, reverse=True)
    ]
    return re.compile("|".join(parts) or r"(?!)")
