"""Yes or no. 没毛病, 没问题 and 不错 are yes although they start with 没/不: whole answers and
phrases from the vocabulary come before the first-word rule."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from dialogs.parsing.text import Unclear, normalise, words
from dialogs.parsing.vocabulary import Match, Scanner, built, vocabulary
from dialogs.parsing.words import screen

__all__ = ["parse_field_match", "parse_yes_no"]


PARTLY = "partly"


def _vocabulary() -> tuple[dict[str, bool], Scanner, re.Pattern[str]]:
    return built(_build_vocabulary)


def _build_vocabulary() -> tuple[dict[str, bool], Scanner, re.Pattern[str]]:
    data = vocabulary("yes_no")
    whole = {str(w): True for w in data["yes"]} | {str(w): False for w in data["no"]}
    partly: dict[str, Any] = {str(w): PARTLY for w in data["partly"]}
    quantifiers = "|".join(map(re.escape, data["quantifiers"]))
    return whole, Scanner(whole | partly), re.compile(rf"^(?:{quantifiers})+|过$|了$|的$|啊$|呀$")


# A yes word after a negator: 不太对口, 不怎么符合, 不是同一个领域, 并非一致, 唔对口 (Cantonese).
_NEGATED = re.compile(r"(?:不|没|并非|唔|冇)(?:太|怎么|是很|大|完全|是|那么|有)?(?:同|很|太)?$")


def _negated(match: Match, clause: str) -> tuple[Match, int | None]:
    """不太对口, 不怎么符合: a yes word after a negator is a no; 没换过行, 没有不对口, 没有哪个月
    不够: a no word (not itself a bare negator) after a negator is a yes. Also where the negator
    that turned a no word ends (None: not turned that way)."""
    before = clause[: match.start]
    if match.meaning is True and _NEGATED.search(before):
        return Match(match.start, match.end, match.phrase, False), None
    data = vocabulary("yes_no")
    negators = tuple(data["double_negators"])
    fillers = "|".join(map(re.escape, data["double_negation_fillers"]))
    bare = re.sub(rf"(?:{fillers})$", "", before)
    if match.meaning is False and match.phrase not in negators and bare.endswith(negators):
        return Match(match.start, match.end, match.phrase, True), len(bare)
    return match, None


def _deciding_clause(said: str) -> str:
    """The clause that answers: the first, unless a later one turns it (我工资高，但公司按最低
    基数交: the 但 clause decides)."""
    clauses = [c.strip() for c in re.split(r"[,，.。!！;；]", said)]
    turns = tuple(vocabulary("yes_no")["turns"])
    turned = [c for c in clauses[1:] if c.startswith(turns)]
    return turned[-1] if turned else clauses[0]


def _read(clause: str, phrases: Scanner) -> list[Match]:
    """The yes and no words of a clause, negations applied; a negator that turned the word
    after it (不是|不对口, 没有|不够) is part of that word, not a no of its own."""
    scanned = [  # one-character words only where the answer starts: not the 不 of 差不多
        m for m in phrases.scan(clause) if len(m.phrase) > 1 or m.start == 0
    ]
    read = [_negated(m, clause) for m in scanned]
    negators = vocabulary("yes_no")["double_negators"]
    turned_at = {end for _m, end in read if end is not None}
    return [m for m, _end in read if not (m.phrase in negators and m.end in turned_at)]


def parse_yes_no(text: str, today: date | None = None) -> bool:
    screen(text)
    said = normalise(text)
    bare = words(said)
    whole, phrases, filler = _vocabulary()
    for candidate in (bare, filler.sub("", bare)):
        if candidate in whole:
            return whole[candidate]
    clause = _deciding_clause(said)
    found = _read(clause, phrases)
    if any(m.meaning == PARTLY for m in phrases.scan(said)):  # 算半个对口, 对，部分对口
        raise Unclear()  # neither a yes nor a no: asked
    if found:
        longest = max(found, key=lambda m: (len(m.phrase), -m.start))
        meanings = {m.meaning for m in found if len(m.phrase) == len(longest.phrase)}
        if len(meanings) == 1:
            return bool(longest.meaning)
    stripped = filler.sub("", clause)
    data = vocabulary("yes_no")
    if stripped.startswith(tuple(data["no_prefix"])):
        return False
    if stripped.startswith(tuple(data["yes_prefix"])):
        return True
    raise Unclear()


def _field_scanner() -> Scanner:
    fields = vocabulary("yes_no")["fields"]
    return Scanner({str(w): field for field, ws in fields.items() for w in ws})


def _fields_named(said: str) -> list[str]:
    return [str(m.meaning) for m in built(_field_scanner).scan(said)]


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
