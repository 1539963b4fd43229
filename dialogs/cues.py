"""Cues of dialogs/intents.yaml compiled once: a word (Chinese anywhere, Latin words as whole
words) or "re:..." a regular expression, and a list of them joined into one search."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from dialogs.parsing import normalise

__all__ = ["CLAUSE", "Cues", "blank_clauses", "compiled", "joined", "pattern"]

REGEX = "re:"
CLAUSE = re.compile(r"[^,，;；。?？!！]+")


# A cue with a named group or a back-reference (认不认: (\S)不\1) is searched alone: joined
# with others, its group names would clash and its numbers would point at another cue's groups.
_BACK_REFERENCE = re.compile(r"\\\d|\(\?P=")


@dataclass(frozen=True)
class Cues:
    """A list of cues, built once at load: `either` matches where any of the cues that can be
    joined does, so that a text matching none of them (most texts, at most lists; a step tries
    about a thousand) costs one search, not one a cue."""

    patterns: tuple[re.Pattern[str], ...]
    either: re.Pattern[str]
    alone: tuple[re.Pattern[str], ...]

    def any(self, text: str) -> bool:
        return self.either.search(text) is not None or any(p.search(text) for p in self.alone)

    def found(self, text: str) -> list[re.Match[str]]:
        """Every cue's first match, in the order the cues are written."""
        if not self.any(text):
            return []
        return [m for p in self.patterns if (m := p.search(text))]


def compiled(words: list[Any]) -> Cues:
    return joined(tuple(pattern(w) for w in words))


def joined(patterns: tuple[re.Pattern[str], ...]) -> Cues:
    alone = tuple(p for p in patterns if p.groupindex or _BACK_REFERENCE.search(p.pattern))
    either = "|".join(f"(?:{p.pattern})" for p in patterns if p not in alone)
    return Cues(patterns, re.compile(either or "(?!)"), alone)


def pattern(word: str) -> re.Pattern[str]:
    """Chinese anywhere; Latin words as whole words (point is not in appointment); "re:..." a
    regular expression as written."""
    if str(word).startswith(REGEX):
        return re.compile(str(word).removeprefix(REGEX))
    word = normalise(str(word))
    if re.search(r"[a-z]", word):
        return re.compile(rf"(?<![a-z]){re.escape(word)}(?![a-z])")
    return re.compile(re.escape(word))


def blank_clauses(text: str, marks: Cues) -> str:
    """`text` with each clause holding one of `cues` blanked, its offsets kept: 客服电话多少 is
    a question of its own, and 我要人工 after it still asks for a person."""
    if not marks.any(text):
        return text
    return CLAUSE.sub(lambda c: " " * len(c[0]) if marks.any(c[0]) else c[0], text)
