"""Education: the highest finished level; unfinished or in-progress study (研一在读, 读了三年
退学了, 结业) counts the level below it; adult and upgrade routes (自考本科, 专升本) are the level
their words say; a bachelor's degree is confirmed when the answer does not say."""

from __future__ import annotations

import re
from datetime import date

from dialogs.parsing.text import Ambiguous, Unclear, normalise
from dialogs.parsing.vocabulary import Scanner, contains, vocabulary
from dialogs.parsing.words import is_none, screen

__all__ = ["parse_education"]

ORDER = ("none", "college", "bachelor", "master", "doctor")
CONFIRM_DEGREE = Ambiguous(("bachelor_degree", "bachelor"), "confirm-bachelor")
VAGUE = Ambiguous(("bachelor_degree", "bachelor", "college"), "confirm-which")


def _scanner() -> Scanner:
    data = vocabulary("education")
    phrases: dict[str, tuple[str, str]] = {}
    for level, names in data["levels"].items():
        phrases |= {str(n): ("level", level) for n in names}
    for level, names in data["in_year"].items():
        phrases |= {str(n): ("in_year", level) for n in names}
    phrases |= {str(n): ("vague", "") for n in data["vague"]}
    return Scanner(phrases)


_LEVELS = _scanner()
_CLAUSES = re.compile(r"[,，;；。.、/]|但是|但|不过|现在|目前|后来|然后|之后|又|再")


def _below(level: str, clause: str) -> str:
    """The level an unfinished `level` leaves: 专升本 was 大专 before; a master's student
    holds a bachelor (degree not said)."""
    if level == "bachelor":
        return "college" if contains(clause, vocabulary("education")["upgrade"]) else "none"
    return ORDER[max(ORDER.index(level) - 1, 0)]


def _clause_level(clause: str) -> str | None:
    """The finished level one clause says (None: it names none); "vague" for 大学."""
    data = vocabulary("education")
    found = _LEVELS.scan(clause)
    if not found:
        return None
    unfinished = contains(clause, data["unfinished"])
    best: str | None = None
    for match in found:
        kind, level = match.meaning
        if kind == "vague":
            if unfinished:  # 大学读了三年退学了: 本科 or 大专, unfinished either way
                level = "none"
            else:
                best = best or "vague"
                continue
        graduated = kind == "in_year" and re.search(r"(?<![没未])毕业|读完", clause)
        if (kind == "in_year" and not graduated) or (unfinished and level != "none"):
            level = _below(level, clause)
        if best in (None, "vague") or ORDER.index(level) > ORDER.index(best):
            best = level
    return best


def _with_degree(said: str) -> str | Ambiguous:
    data = vocabulary("education")
    if contains(said, data["no_degree"]):
        return "bachelor"
    if contains(said, data["degree"]) or contains(said, data["overseas"]):
        return "bachelor_degree"
    return CONFIRM_DEGREE


def parse_education(text: str, today: date | None = None) -> str | Ambiguous:
    screen(text)
    if is_none(text):
        return "none"
    said = normalise(text)
    levels = [lv for lv in map(_clause_level, _CLAUSES.split(said)) if lv is not None]
    finished = [lv for lv in levels if lv != "vague"]
    if not finished:
        if levels:
            return VAGUE
        if contains(said, vocabulary("education")["no_degree"]):
            return "bachelor"  # 只有毕业证: only a bachelor tells the two certificates apart
        raise Unclear()  # 自考 alone, 读了三年退学了: of which level?
    best = max(finished, key=ORDER.index)
    if best == "bachelor":
        return _with_degree(said)
    return best
