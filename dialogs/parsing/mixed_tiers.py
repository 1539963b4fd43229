"""Several base tiers said of one record: 有时候1倍有时候2倍; 以前1倍，现在2倍; 2倍的月份不够36，
1倍的够.

A tier counts when enough months of its window were paid at it (36 of the last 48; 3x: 24 of
36). An answer that names two tiers without saying how many months each had may meet either:
the readings are asked (highest first), never the first tier said taken. A tier said to lack
the months (2倍的月份不够) is not met; one tier left is the answer.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from dialogs.parsing.amounts import pairs_to_ranges
from dialogs.parsing.text import CLAUSE_BREAK, MOST_OPTIONS, Ambiguous, Unclear

__all__ = ["mixed_tiers", "over_time", "without_window"]

ORDER = ("3x", "2x", "1x", "0.8x", "none")
# A multiple said with its unit (a range such as 1~2倍 is one)
_MULTIPLE = re.compile(r"(?<![\d.~])\d+(?:\.\d+)?(?:~\d+(?:\.\d+)?)?\s*(?:倍|成|%|x\b|times\b)")
# Where a second tier begins inside one clause: 有时候1倍有时候2倍, 一会儿两倍一会儿三倍
_ANOTHER = re.compile(r"有时候?|有(?=\d)|有的(?:月份?|时候)?|有些月份?|一会儿?|时而|偶尔|sometimes")
# 近4年有3年多是2倍: the window named before the months in it, the months being the answer
_WINDOW_NAMED = re.compile(
    r"(?:近|最近|过去)\s*\d+\s*年\s*(?:里面?|中|内|当中)?\s*(?:有|,|，)?\s*"
    r"(?=\d+(?:\.\d+)?\s*(?:个)?\s*(?:年|月))"
)


def without_window(text: str) -> str:
    """近4年有3年多是2倍 -> 3年多是2倍 (as digits); the text as it was when no window is named."""
    without, named = _WINDOW_NAMED.subn("", pairs_to_ranges(text))
    return without if named else text


# Its months said to fall short of the tier's need: 2倍的月份不够36, 按三倍交的时间不够
_SHORT = re.compile(
    r"(?:月份?|月数|时间|年限|个月)\s*(?:数)?\s*(?:还|都)?\s*(?:不够|不足|不满|没满|没够|没到|没有到|达不到)"
    r"|(?:不够|不足|不满|没满|不到|没到)\s*\d+\s*(?:个)?月|not enough months"
)


def _pieces(text: str) -> list[str]:
    """The clauses, a clause naming a second tier split where the words that introduce it
    begin (有时候, 有的月份)."""
    pieces = []
    for clause in CLAUSE_BREAK.split(pairs_to_ranges(text)):
        found = list(_MULTIPLE.finditer(clause))
        cuts = [0]
        for before, this in itertools.pairwise(found):
            # up to the next multiple, itself seen (也有2倍: 有 right before a number)
            another = _ANOTHER.search(clause[before.end() : this.end()])
            # else one tier said of another (两倍多快三倍): the clause is read whole
            if another and another.start() < this.start() - before.end():
                cuts.append(before.end() + another.start())
        pieces += [clause[a:b] for a, b in zip(cuts, [*cuts[1:], len(clause)], strict=True)]
    return [p for p in pieces if p.strip()]


def mixed_tiers(
    text: str, read: Callable[[str], str | Ambiguous | None], months_told: bool
) -> str | Ambiguous | None:
    """The tiers several parts of the answer name (`read` reads one part, None for none): asked
    between when no tier fits every part, the one left when the others are said short of
    months; None when the answer names one multiple or fewer, a range (1倍和2倍之间), parts a
    tier fits (0.8倍以上，不到1倍), or with months or a start told (`months_told`: 两年多3倍了，
    之前1倍; 今年才开始3倍): read whole."""
    pieces = [p for p in _pieces(text) if _MULTIPLE.search(p)]
    if len(pieces) < 2 or months_told:
        return None
    readings: list[set[str]] = []
    short = False
    for piece in pieces:
        found = read(piece)
        if found is None:
            return None
        if _SHORT.search(piece):
            short = True
            continue
        readings.append(set(found.options if isinstance(found, Ambiguous) else (found,)))
    if not readings or (set.intersection(*readings) and not short):
        return None
    tiers = tuple(tier for tier in ORDER if tier in set.union(*readings))
    if len(tiers) == 1:
        return tiers[0]
    if len(tiers) > MOST_OPTIONS:
        raise Unclear()
    return Ambiguous(tiers, "confirm-tier")


def over_time(
    told: list[tuple[str, int | None, bool]], required: tuple[int, int]
) -> str | Ambiguous | None:
    """Tiers said one after another (`told`: each clause's tier, its months when said, whether
    it is said as a drop): 刚开始是1倍，最近三年一直两倍以上 is 2x, the highest tier said with
    the months it needs (the highest tier met counts); 前两年3倍，今年降到1倍了 is asked, a
    drop whose months are not said leaving the tier before it maybe short of its window. None:
    one tier said, or nothing decided here."""
    tiers = {tier for tier, _months, _drop in told}
    if len(tiers) < 2:
        return None
    for (before, _months, _drop), (tier, months, drop) in itertools.pairwise(told):
        if drop and months is None and ORDER.index(before) < ORDER.index(tier):
            return Ambiguous((before, tier), "confirm-tier")
    met = [
        tier
        for tier, months, _drop in told
        if months is not None and months >= required[1 if tier == "3x" else 0]
    ]
    best = min(met, key=ORDER.index, default=None)
    if best is not None and best == min(tiers, key=ORDER.index):
        return best
    return None
