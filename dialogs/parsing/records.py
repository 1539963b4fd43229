"""Deductions and vetoes: the deductions gate, the serious-crime veto and the family-planning
veto (data/records.yaml, with the measures it follows). A recorded item named is a yes even
without 有 (酒驾被拘过); a near miss is a no (闯红灯罚过款); a sentence is a veto from five years
(判过三年 is not, 刚好判了五年 is); what may or may not have been recorded is asked."""

from __future__ import annotations

import re
from datetime import date

from dialogs.parsing.amounts import hedge, pairs_to_ranges
from dialogs.parsing.occurrences import against, dated
from dialogs.parsing.text import Ambiguous, digits, normalise
from dialogs.parsing.vocabulary import Scanner, contains, vocabulary
from dialogs.parsing.words import screen
from dialogs.parsing.yes_no import parse_yes_no

__all__ = ["parse_deductions", "parse_family_planning", "parse_serious_crime"]


def _named(said: str, phrases: list[str]) -> bool | None:
    """True if a phrase is named and not denied (没被拘过), False if only denied, None if
    none is named."""
    found = Scanner({str(p): True for p in phrases}).scan(said)
    if not found:
        return None
    negator = re.compile(vocabulary("records")["item_negators"])
    return any(not negator.search(said[: m.start]) for m in found)


def _dated(said: str, today: date | None, windows: dict[str, int]) -> bool | None:
    """十年前被拘留过一次 -> False, 2024年行政拘留 -> True: items of one dated kind (a
    detention, false material: never a veto) each dated (2018年, 去年, 三年前), against its
    window; None (asked) when a date may fall either side of it (2021年, 五六年前, 好多年前).
    Other items (a sentence may be a veto at any age) are asked."""
    kinds = vocabulary("records")["dated_kinds"]
    named = {kind for kind, phrases in kinds.items() if contains(said, phrases)}
    if (
        len(named) != 1
        or _named(said, vocabulary("records")["undated_items"])
        or not windows.keys() >= named
    ):
        return None
    window = windows[named.pop()]
    where = {against(when, window) for when in dated(pairs_to_ranges(said), today)}
    if "inside" in where:
        return True
    return False if where == {"outside"} else None


def parse_deductions(
    text: str, windows: dict[str, int] | None = None, today: date | None = None
) -> bool | Ambiguous:
    """`windows`: the years each dated kind of item counts for (false_material, detention);
    without `today`, only dates said as years ago (三年前) are read."""
    screen(text)
    said = normalise(text)
    data = vocabulary("records")
    named = _named(said, data["deduction_items"])
    if named and dated(pairs_to_ranges(text), today):
        # long ago: outside the deduction windows, unless the sentence makes it a veto
        found = _dated(said, today, windows or {})
        return Ambiguous((True, False), "confirm-old-record") if found is None else found
    if named is not None:
        return named
    if contains(said, data["not_deductions"]):
        return False  # a fine is none of the items
    children = re.search(data["family_planning"]["children"], digits(text))
    if children:  # 有三个孩子: a violation only if one was recorded; one child is none
        born = _born_within_rules(said)
        if born is not None:
            return born  # 老二2018年生的: within the rules of that year
        count = int(children[1] or children[2] or children[3])
        return Ambiguous((True, False), "confirm-family-planning") if count > 1 else False
    return _clean_or_yes_no(text, said)


def _clean_or_yes_no(text: str, said: str) -> bool:
    """没问题, 没毛病 asked about a record mean a clean one (no), not "yes, sure"."""
    if contains(said, vocabulary("records")["clean"]):
        return False
    return parse_yes_no(text)


def parse_serious_crime(text: str, min_years: int) -> bool | Ambiguous:
    """判了六年 -> True, 判过三年 / 缓刑一年 / 不到五年 -> False (a veto from `min_years`);
    五年左右 is asked; otherwise yes or no."""
    screen(text)
    said = normalise(text)
    data = vocabulary("records")
    if contains(said, data["suspended"]):
        return False
    spelled = pairs_to_ranges(text)
    years = re.search(r"(\d+(?:\.\d+)?)\s*(?:个)?\s*(年|years?|个月|months?)", spelled)
    if years and contains(said, data["sentence_words"]):
        length = float(years[1]) / (1 if years[2].startswith(("年", "y")) else 12)
        return _sentence_at_least(
            length, min_years, hedge(spelled[: years.start()], spelled[years.end() :])
        )
    return _clean_or_yes_no(text, said)


def _sentence_at_least(length: float, min_years: int, kind: str) -> bool | Ambiguous:
    """Whether a sentence of about `length` years is `min_years` or more, by its hedge: 不到五年
    is less, 五年多 more, 五年左右 either (asked), 不到六年 either (asked)."""
    if kind == "below":
        if length <= min_years:
            return False
        return Ambiguous((True, False), "confirm-which")
    if kind == "around" and length - 1 < min_years <= length + 1:
        return Ambiguous((True, False), "confirm-which")
    return length >= min_years


def _born_within_rules(said: str) -> bool | Ambiguous | None:
    """三孩是2022年生的, 老二2018年出生: within the rules from the year the policy for that
    child took effect (False: no violation); the edge year is asked; None when not said."""
    year = re.search(r"(?<![\d.])((?:19|20)\d\d)\s*年", said) or re.search(
        r"(?<![\d.])((?:19|20)\d\d)\s*年", digits(said)
    )
    if year is None:
        return None
    for rule in vocabulary("records")["family_planning"]["born_within_rules"].values():
        if not contains(said, rule["words"]):
            continue
        if int(year[1]) >= int(rule["from"]):
            return False
        if str(year[1]) == rule.get("edge"):
            return Ambiguous((True, False), "confirm-family-planning")
    return None


def parse_family_planning(text: str, today: date | None = None) -> bool | Ambiguous:
    screen(text)
    said = normalise(text)
    words = vocabulary("records")["family_planning"]
    if contains(said, words["ask"]):
        return Ambiguous((True, False), "confirm-family-planning")
    violation = _named(said, words["violation"])
    if violation is not None:
        return violation
    born = _born_within_rules(said)
    if born is not None:
        return born
    if contains(said, words["within_rules"]):
        return False
    return _clean_or_yes_no(text, said)
