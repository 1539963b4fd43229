"""Yes or no. 没毛病, 没问题 and 不错 are yes although they start with 没/不: whole answers and
phrases from the vocabulary come before the first-word rule."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from dialogs.parsing.text import CLAUSE_BREAK, Ambiguous, Unclear, digits, normalise, words
from dialogs.parsing.vocabulary import Match, Scanner, built, vocabulary
from dialogs.parsing.words import screen

__all__ = ["parse_field_match", "parse_yes_no", "said_yes_or_no"]


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
    不够: a no word (not itself a bare negator, unless a none is denied: 不是没有) after a negator
    is a yes. Also where the negator
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
    if match.meaning is False and bare.endswith(tuple(data["denied_none"])):  # 不是没有
        return Match(match.start, match.end, match.phrase, True), len(bare)
    return match, None


def _deciding_clause(said: str) -> str:
    """The clause that answers: the first, unless a later one turns it (我工资高，但公司按最低
    基数交: the 但 clause decides; 以前对口，今年转岗做销售了: now decides over the past)."""
    clauses = [c.strip() for c in re.split(r"[,，.。!！;；]", said)]
    data = vocabulary("yes_no")
    turns = tuple(data["turns"])
    if clauses[0].startswith(tuple(data["past"])):
        turns += tuple(data["now"])
    turned = [c for c in clauses[1:] if c.startswith(turns)]
    if not turned:
        return clauses[0]
    # 不过那是2010年的事: the turn word is no 不 of the clause
    return turned[-1][len(max((t for t in turns if turned[-1].startswith(t)), key=len)) :]


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


def _later_read(said: str, first: str, phrases: Scanner) -> list[Match]:
    """我现在还是做会计，一直没换行: a first clause with no yes or no word leaves the answer to
    the later ones, when they all read alike; only words of their own there (换行, 不对口), not
    a bare negator, which denies what its clause says (老二2015年生的，没办准生证)."""
    clauses = [c.strip() for c in re.split(r"[,，.。!！;；]", said) if c.strip()]
    negators = vocabulary("yes_no")["double_negators"]
    found = [
        [m for m in _read(c, phrases) if len(m.phrase) > 1 and m.phrase not in negators]
        for c in clauses
        if c != first
    ]
    meanings = {m.meaning for matches in found for m in matches}
    return [m for matches in found for m in matches] if len(meanings) == 1 else []


def _contradicted(said: str, deciding: str, phrases: Scanner, meaning: bool) -> bool:
    """A later clause that is no turn (但, 不过) but says the opposite by a word of its own."""
    later = _later_read(said, deciding, phrases)
    return bool(later) and later[0].meaning is not meaning and deciding == _first_clause(said)


def _first_clause(said: str) -> str:
    return next((c.strip() for c in re.split(r"[,，.。!！;；]", said) if c.strip()), "")


# A first clause that asks the question back (对口吗？, 符合么): what follows is for us to judge
# (算…吗 asks the rule instead, which the dialog explains; 没有吗 and 不是吗 are a no said unsure
# of itself, read as one).
_ASKED_BACK = re.compile(
    r"^\s*(?!算|没|不)[^，,。.?？]{0,8}(?:吗|(?<![什怎这那多])么)\s*(?:[?？,，。.]|$)"
)


def parse_yes_no(text: str, today: date | None = None) -> bool:
    screen(text)
    said = normalise(text)
    bare = words(said)
    whole, phrases, filler = _vocabulary()
    if re.match(vocabulary("yes_no")["hedged_alone"], bare):
        raise Unclear()  # 算是吧: asked
    if _ASKED_BACK.match(said):
        raise Unclear()  # 对口吗？我做造价的: the question asked back is no answer
    for candidate in (bare, filler.sub("", bare)):
        if candidate in whole:
            return whole[candidate]
    clause = _deciding_clause(said)
    first = _first_clause(said)  # 之前对口，今年换到…: now decides, or nothing does
    now = clause != first and first.startswith(tuple(vocabulary("yes_no")["past"]))
    found = _read(clause, phrases) or ([] if now else _later_read(said, clause, phrases))
    if any(m.meaning == PARTLY for m in phrases.scan(said)):  # 算半个对口, 对，部分对口
        raise Unclear()  # neither a yes nor a no: asked
    if found:
        longest = max(found, key=lambda m: (len(m.phrase), -m.start))
        meanings = {m.meaning for m in found if len(m.phrase) == len(longest.phrase)}
        if len(meanings) == 1:
            if _contradicted(said, clause, phrases, bool(longest.meaning)):
                raise Unclear()  # 没毛病，有过一次: which is it? asked
            return bool(longest.meaning)
    stripped = filler.sub("", clause)
    data = vocabulary("yes_no")
    if re.match(data["zero_count"], words(digits(text))):
        return False  # 一共0次: none, so no
    if stripped.startswith(tuple(data["no_prefix"])):
        return False
    if stripped.startswith(tuple(data["yes_prefix"])):
        return True
    raise Unclear()


def _field_scanner() -> Scanner:
    fields = vocabulary("yes_no")["fields"]
    return Scanner({str(w): field for field, ws in fields.items() for w in ws})


def _fields_named(said: str) -> list[set[str]]:
    """The fields of each mention: words next to each other are one mention (机械设计 is
    engineering or design, one job)."""
    mentions: list[set[str]] = []
    end = -2
    for match in built(_field_scanner).scan(said):
        if mentions and match.start - end <= 1 and not CLAUSE_BREAK.search(said[end : match.start]):
            mentions[-1].add(str(match.meaning))
        else:
            mentions.append({str(match.meaning)})
        end = match.end
    return mentions


def _says_yes_or_no(said: str) -> bool:
    """A yes or no word longer than one character (对口, 不对口, 一致): not a 是 or 有 alone."""
    return any(len(m.phrase) > 1 for m in _vocabulary()[1].scan(said))


def said_yes_or_no(text: str) -> bool | None:
    """The yes or no `text` says; None when it says neither (or nothing at all)."""
    if not text.strip():
        return None
    try:
        return parse_yes_no(text)
    except ValueError:
        return None


def parse_field_match(text: str, today: date | None = None) -> bool | Ambiguous:
    """Whether the title's field matches the job: yes or no, or both fields named (我现在做
    销售，证是会计的 -> no; 做会计的，证也是会计 -> yes). Two fields and no yes or no word of
    the answer's own (我是会计职称，现在做销售: its 是 is no yes) are a no."""
    screen(text)
    said = normalise(text)
    data = vocabulary("yes_no")
    if re.search(data["asks_the_difference"], said):
        raise Unclear()  # 对口 不对口有啥区别: asked back, never a yes or a no
    but = re.search(data["yes_but_denied"], said)
    changed = but and re.search(data["yes_but_job_changed"], said[but.start() :])
    if but and not changed and said_yes_or_no(said[: but.start()]) is True:
        return Ambiguous((True, False), "confirm-which")  # 岗位是对的 但公司营业范围不包括
    named = _fields_named(said)
    past = tuple(data["past"])  # 以前做销售，现在做会计: which field was when
    two = len(named) >= 2 and not set.intersection(*named)
    if two and not _says_yes_or_no(said) and not any(p in said for p in past):
        fields = set.union(*named)
        if any(fields <= set(group) for group in vocabulary("yes_no")["overlapping_fields"]):
            return Ambiguous((True, False), "confirm-which")  # 建筑的证，在做设计: related
        return False
    try:
        return parse_yes_no(text)
    except Unclear:
        if any(m.meaning == PARTLY for m in _vocabulary()[1].scan(said)):
            raise  # 一半一半，有时候做设计有时候做销售: neither, whatever the fields named
        shared = set.intersection(*named) if named else set()
        if len(named) >= 2 and not shared:
            return False
        data = vocabulary("yes_no")
        markers = data["same_field_markers"]
        if len(named) >= 2 and any(str(m) in said for m in markers):
            return True
        # 职称是会计，现在做财务经理: one field, the title's and the job's, nothing denied
        frames = data["field_frames"]
        framed = all(re.search(frames[part], said) for part in ("title", "job"))
        if len(named) >= 2 and framed and not re.search(data["field_denials"], said):
            return True
        raise
