"""Yes or no. 没毛病, 没问题 and 不错 are yes although they start with 没/不: whole answers and
phrases from the vocabulary come before the first-word rule."""

from __future__ import annotations

import re
from datetime import date

from dialogs.parsing.text import Unclear, normalise, words
from dialogs.parsing.vocabulary import Match, Scanner, vocabulary
from dialogs.parsing.words import screen

__all__ = ["parse_field_match", "parse_yes_no"]


def _vocabulary() -> tuple[dict[str, bool], Scanner, re.Pattern[str]]:
    data = vocabulary("yes_no")
    whole = {str(w): True for w in data["yes"]} | {str(w): False for w in data["no"]}
    quantifiers = "|".join(map(re.escape, data["quantifiers"]))
    return whole, Scanner(whole), re.compile(rf"^(?:{quantifiers})+|过$|了$|的$|啊$|呀$")


# A yes word after a negator: 不太对口, 不怎么符合, 不是同一个领域, 并非一致.
_NEGATED = re.compile(r"(?:不|没|并非)(?:太|怎么|是很|大|完全|是|那么|有)?(?:同|很|太)?$")


def _negated(match: Match, clause: str) -> Match:
    """不太对口, 不怎么符合: a yes word after a negator is a no; 没换过行, 没有不对口: a no
    word (not itself a bare negator) after a negator is a yes."""
    before = clause[: match.start]
    if match.meaning and _NEGATED.search(before):
        return Match(match.start, match.end, match.phrase, False)
    negators = tuple(vocabulary("yes_no")["double_negators"])
    if not match.meaning and match.phrase not in negators and before.endswith(negators):
        return Match(match.start, match.end, match.phrase, True)
    return match


def parse_yes_no(text: str, today: date | None = None) -> bool:
    screen(text)
    said = normalise(text)
    bare = words(said)
    whole, phrases, filler = _vocabulary()  # built per call: mutation testing sees it
    for candidate in (bare, filler.sub("", bare)):
        if candidate in whole:
            return whole[candidate]
    first_clause = re.split(r"[,，.。!！;；]", said)[0].strip()
    found = [  # one-character words only where the answer starts: not the 不 of 差不多
        _negated(m, first_clause)
        for m in phrases.scan(first_clause)
        if len(m.phrase) > 1 or m.start == 0
    ]
    if found:
        longest = max(found, key=lambda m: (len(m.phrase), -m.start))
        meanings = {m.meaning for m in found if len(m.phrase) == len(longest.phrase)}
        if len(meanings) == 1:
            return bool(longest.meaning)
    stripped = filler.sub("", first_clause)
    data = vocabulary("yes_no")
    if stripped.startswith(tuple(data["no_prefix"])):
        return False
    if stripped.startswith(tuple(data["yes_prefix"])):
        return True
    raise Unclear()


def _fields_named(said: str) -> list[str]:
    fields = vocabulary("yes_no")["fields"]
    scanner = Scanner({str(w): field for field, ws in fields.items() for w in ws})
    return [str(m.meaning) for m in scanner.scan(said)]


def parse_field_match(text: str, today: date | None = None) -> bool:
    """Whether the title's field matches the job: yes or no, or both fields named (我现在做
    销售，证是会计的 -> no; 做会计的，证也是会计 -> yes)."""
    try:
        return parse_yes_no(text)
    except Unclear:
        said = normalise(text)
        named = _fields_named(said)
        if len(set(named)) >= 2:
            return False
        markers = vocabulary("yes_no")["same_field_markers"]
        if len(named) >= 2 and any(str(m) in said for m in markers):
            return True
        raise
