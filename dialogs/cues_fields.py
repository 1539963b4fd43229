"""Which points question a text names, by the words of the fields in dialogs/intents.yaml
(结婚年限: spouse_hukou_years; 社保基数 over 社保: the longest wins), and which of two questions
a word naming both (配偶, 基数) points at."""

from __future__ import annotations

import re

from dialogs.intent_table import fields, shared_fields, typos
from dialogs.parsing import normalise

__all__ = ["EITHER", "either_field", "field_named", "fields_told", "named_field", "overlap"]

# Between the ids of an edit naming either of two questions (配偶那个改一下: the bonus item or
# the years married): the dialog asks which, unless only one of them was asked.
EITHER = "|"


def named_field(text: str) -> tuple[str, re.Match[str]] | None:
    """The question a text names and the words naming it; the longest wins (社保基数 over
    社保)."""
    found = [(m, qid) for qid, patterns in fields() for p in patterns if (m := p.search(text))]
    if not found:
        return None
    match, qid = max(found, key=lambda f: len(f[0].group(0)))
    return qid, match


def field_named(text: str) -> str | None:
    """The question `text` names by the words of the fields, the longest winning; None when
    it names none."""
    found = named_field(typos().correct(normalise(text).strip()))
    return found[0] if found else None


def fields_told(said: str) -> list[tuple[str, re.Match[str]]]:
    """The questions `said` names with the words naming each, in the order said, each span
    once, the longest taken first (社保基数: the tier, not the months too)."""
    found = [(m, qid) for qid, patterns in fields() for p in patterns for m in p.finditer(said)]
    found.sort(key=lambda f: f[0].end() - f[0].start(), reverse=True)
    taken: list[tuple[str, re.Match[str]]] = []
    for match, qid in found:
        if not any(overlap(match, t) for _, t in taken):
            taken.append((qid, match))
    return sorted(taken, key=lambda t: t[1].start())


def either_field(said: str, named: str) -> tuple[str, str]:
    """(question, either): `named`, or when `said` names it by a word naming another question
    too (配偶, 基数) and nothing longer, the one the words beside it point at (配偶那个改一下，
    是6年: the years married); when none, `named` and both, joined by EITHER. The edit's arg
    stays `named`: at that question the text may be its answer (1倍，改过一次基数)."""
    found = named_field(said)
    shown = normalise(found[1].group(0)) if found else ""
    for shared in shared_fields():
        ids = [qid for qid, _ in shared.hints]
        if shown in shared.words and named in ids:
            hinted = [qid for qid, cues in shared.hints if cues.any(said)]
            return (hinted[0], "") if len(hinted) == 1 else (named, EITHER.join(ids))
    return named, ""


def overlap(one: re.Match[str], other: re.Match[str]) -> bool:
    return one.start() < other.end() and other.start() < one.end()
