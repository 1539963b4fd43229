"""When something on the record happened, against the years it counts for (a deduction's window).

A detention or false material counts only within its window (scoring/policy: three or five
years). An answer may date each occurrence: 2018年, 去年, 前年 (data/dates.yaml relative_years),
三年前, 五六年前, 四年多前, 大概五年前, 好多年前. Each date is a range of years ago; against the
window an occurrence is inside (the whole range under it), outside (the whole range over it) or
on its edge (asked: 2021年 is five years ago or not, by the day it happened).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dialogs.parsing.amounts import hedge
from dialogs.parsing.vocabulary import built, vocabulary

__all__ = ["Dated", "against", "dated", "undated"]

# An occurrence in a calendar year is between half a year either side of the year's distance.
_IN_YEAR = 0.5
# 2018年; a year said bare (twice, 2019 and 2025): 1990-2029 alone, no amount after it.
_YEAR = re.compile(
    r"(?<![\d.])((?:19|20)\d\d)\s*年(?:\s*(?P<month>1[0-2]|0?[1-9])\s*月)?"
    r"|(?<![\d.~])(199\d|20[0-2]\d)(?![\d.~]|\s*(?:元|块|万|个|次|人|yuan))"
)
_AGO = re.compile(
    r"(?P<n>\d+)(?:~(?P<m>\d+))?\s*(?P<more>多)?\s*(?:个)?\s*年(?P<more2>多)?\s*(?:以|之)?前"
    r"|(?P<en>\d+)(?:~(?P<em>\d+))?\s*(?P<more3>\+|plus)?\s*years? ago"
)
# 已经六年了, 都过去十年了, 快六年了 (a hedge: maybe less): that long since it happened.
_SINCE = re.compile(
    r"(?:已经|都已经|都|已|(?P<lead>快|将近|差不多|大概|大约))\s*(?:过去|过了)?\s*(?P<n>\d+)(?:~(?P<m>\d+))?\s*(?P<more>多)?\s*(?:个)?"
    r"\s*年(?P<more2>多)?\s*了"
)
# 好多年前, 很多年前, 几年前, 多年前, 很久以前, 早些年: long ago, how long not said.
_UNSAID_AGO = re.compile(
    r"(?:几|好多|很多|好些|多少|many|several)\s*(?:个)?\s*(?:年|years?)\s*(?:以|之)?(?:前|ago)"
    r"|(?<![\d几好很些少])多年(?:以|之)?前|很久(?:以|之)?前|好久(?:以|之)?前|早些年|早几年|早年间?"
    # 前几年, 前些年, 那几年, 年轻时: some years back, how many not said (前年 is two: above)
    r"|前(?:几|些|好几|好些|那几|那些)年|那(?:几|些)年|年轻(?:的)?时(?:候)?"
    r"|(?:a )?long (?:time )?ago"
    # 以前造假过一个证明: a time before now, no length said (三年以前 is read above)
    r"|(?<![\d年月天周岁前后多来些久])(?:以前|之前|从前|早前|过去)(?![\d年月天])"
    r"|\b(?:in the past|before)$"
)


@dataclass(frozen=True)
class Dated:
    """One date said: `low` to `high` years ago, at `start:end` in the text."""

    low: float
    high: float
    start: int
    end: int


def _relative() -> re.Pattern[str]:
    names = sorted(vocabulary("dates")["relative_years"], key=len, reverse=True)
    return re.compile(rf"(?<![a-z])({'|'.join(map(re.escape, names))})(?![a-z])")


def _calendar(said: str, today: date) -> list[Dated]:
    """2018年, 去年, 前年: a calendar year, half a year either side of its distance from now."""
    found = []
    for year in _YEAR.finditer(said):
        when = int(year[1] or year[3])
        if year["month"]:  # 2021年12月: from the month's first day to its last
            month = int(year["month"])
            first = date(when, month, 1)
            after = date(when + month // 12, month % 12 + 1, 1)
            low, high = ((today - day).days / 365.25 for day in (after, first))
            found.append(Dated(low, high, year.start(), year.end()))
            continue
        ago = today.year - when
        found.append(Dated(ago - _IN_YEAR, ago + _IN_YEAR, year.start(), year.end()))
    relative = vocabulary("dates")["relative_years"]
    for name in built(_relative).finditer(said):
        ago = int(relative[name[1]])
        found.append(Dated(ago - _IN_YEAR, ago + _IN_YEAR, name.start(), name.end()))
    return found


def dated(said: str, today: date | None) -> list[Dated]:
    """Every date said in `said` (`pairs_to_ranges` text: 五六年前 is 5~6年前), in order;
    without `today`, only those said as years ago."""
    found = [] if today is None else _calendar(said, today)
    agos = sorted([*_AGO.finditer(said), *_SINCE.finditer(said)], key=lambda a: a.start())
    for ago in agos:
        g = ago.groupdict()
        first, last = float(g["n"] or g.get("en") or 0), float(g["m"] or g.get("em") or 0)
        more = 0.9 if g["more"] or g["more2"] or g.get("more3") else 0.0
        low, high = first + (0.1 if more else 0), max(first, last) + more
        lead = {"快": "below", "将近": "below"}.get(g.get("lead") or "", "around")
        kind = lead if g.get("lead") else hedge(said[: ago.start()], said[ago.end() :])
        if kind == "below":  # 快六年了, 将近五年前: the last half year before it
            low, high = first - 0.5, first - 0.01
        elif kind != "exact":
            low, high = low - 1, high + 1
        found.append(Dated(low, high, ago.start(), ago.end()))
    for unsaid in _UNSAID_AGO.finditer(said):
        found.append(Dated(0.0, float("inf"), unsaid.start(), unsaid.end()))
    return sorted(found, key=lambda d: d.start)


def undated(said: str, today: date) -> str:
    """`said` with its dates blanked out (2019年一次 -> " 一次")."""
    for when in reversed(dated(said, today)):
        said = said[: when.start] + " " + said[when.end :]
    return said


def against(when: Dated, window_years: int) -> str:
    """inside | outside | edge of a window of `window_years`."""
    if when.high < window_years:
        return "inside"
    return "outside" if when.low > window_years else "edge"
