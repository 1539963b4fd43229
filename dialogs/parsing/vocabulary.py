"""The parsers' vocabularies: YAML files in `data/`, read once, what the parsers build of them
(scanners, patterns), built once, and a longest-match scanner."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import yaml

__all__ = ["Match", "Scanner", "built", "contains", "forget", "placed", "vocabulary"]

T = TypeVar("T")

DATA = Path(__file__).parent / "data"


@cache
def vocabulary(name: str) -> dict[str, Any]:
    with (DATA / f"{name}.yaml").open(encoding="utf-8") as file:
        # BaseLoader: every scalar a string (YAML 1.1 would read yes, no, n and on as booleans)
        loaded: dict[str, Any] = yaml.load(file, Loader=yaml.BaseLoader)
    return loaded


def placed(pattern: str) -> str:
    """`pattern` with `{provinces}` standing for any of words.yaml's provinces (the places a
    hukou or a company is said to be in when it is not in Shanghai)."""
    return pattern.replace("{provinces}", "|".join(map(str, vocabulary("words")["provinces"])))


_BUILT: dict[Callable[[], Any], Any] = {}
_EDGES: dict[str, re.Pattern[str]] = {}


def built(build: Callable[[], T]) -> T:
    """What `build` makes of the vocabularies (a scanner, a pattern), made once per process.
    Builders stay plain functions, not decorated ones, so that mutation testing mutates them;
    `forget` drops what was made, and bench/mutation.sh forgets before every test so that a
    mutated builder runs (its worker processes fork after the first run built everything)."""
    if build not in _BUILT:
        _BUILT[build] = build()
    return _BUILT[build]


def forget() -> None:
    """Drop everything built of the vocabularies (not the files read): the next call rebuilds."""
    _BUILT.clear()
    _EDGES.clear()


def _ascii_edges(phrase: str) -> re.Pattern[str]:
    pattern = _EDGES.get(phrase)
    if pattern is None:
        pattern = _EDGES[phrase] = re.compile(rf"(?<![a-z0-9]){re.escape(phrase)}(?![a-z0-9])")
    return pattern


def contains(text: str, phrases: list[str] | tuple[str, ...]) -> bool:
    """Any phrase in `text`; an ASCII phrase only as whole words (no "ba" in "basic")."""
    for phrase in phrases:
        phrase = str(phrase).lower()
        if phrase.isascii():
            if _ascii_edges(phrase).search(text):
                return True
        elif phrase in text:
            return True
    return False


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    phrase: str
    meaning: Any


class Scanner:
    """Finds phrases left to right, the longest at each place: 高级工程师 is one title, not
    高级工 followed by 程师; 副主任医师 is not 主任医师."""

    def __init__(self, phrases: dict[str, Any]) -> None:
        self._phrases = {str(p).lower(): meaning for p, meaning in phrases.items()}
        self._longest = max((len(p) for p in self._phrases), default=0)

    def scan(self, text: str) -> list[Match]:
        found: list[Match] = []
        at = 0
        while at < len(text):
            match = self._at(text, at)
            if match is None:
                at += 1
            else:
                found.append(match)
                at = match.end
        return found

    def _at(self, text: str, at: int) -> Match | None:
        for size in range(min(self._longest, len(text) - at), 0, -1):
            phrase = text[at : at + size]
            if phrase in self._phrases and self._whole_word(text, at, at + size, phrase):
                return Match(at, at + size, phrase, self._phrases[phrase])
        return None

    @staticmethod
    def _whole_word(text: str, start: int, end: int, phrase: str) -> bool:
        if not phrase.isascii() or not phrase[0].isalnum():
            return True
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        return not (before.isascii() and before.isalnum()) and not (
            after.isascii() and after.isalnum()
        )
