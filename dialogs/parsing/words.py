"""Whole answers every parser knows: "I don't know" (never a value) and "none"."""

from __future__ import annotations

import re
from typing import Any

from dialogs.parsing.text import CLAUSE_BREAK, Unclear, digits, normalise, words
from dialogs.parsing.vocabulary import built, contains, vocabulary

__all__ = ["MAX_ANSWER", "corrected", "is_none", "is_unsure", "own_clauses", "screen"]

MAX_ANSWER = 200  # an answer to one question; longer text is a story, not an answer
_OR_MAYBE = re.compile(r"\bor (?:maybe|perhaps|possibly)\b")


def _doubt_answered(clauses: list[str], at: int) -> bool:
    """The clause at `at` doubts only what the clauses before it answer: a detail of a date
    (94年的，具体几月忘了), which of two values offered (三十或者三十一，记不清了), or the matter
    at large (公司按最低交，我自己也不懂)."""
    data = vocabulary("words")
    clause = words(clauses[at])
    if at == 0 or not clause:
        return False
    if re.match(data["doubt_of_detail"], clause) or re.match(data["doubt_aside"], clause):
        return True
    before = "，".join(clauses[:at])
    offered = re.search(data["alternatives"], f"{before}，{clauses[at]}")
    return bool(re.match(data["doubt_alone"], clause) and offered and offered.end() <= len(before))


def is_unsure(text: str) -> bool:
    """我也不确定, 唔知, and an answer declined in its last clause (不想说): never a value. A
    doubt the answer itself answers (具体几月忘了 beside the year) is no doubt of the answer."""
    clauses = [c for c in CLAUSE_BREAK.split(normalise(text)) if c.strip()]
    said = "，".join(c for i, c in enumerate(clauses) if not _doubt_answered(clauses, i))
    # 2x or maybe 3x: a "maybe" that offers another value is an alternative, asked between
    said = _OR_MAYBE.sub("or", said)
    data = vocabulary("words")
    last = (CLAUSE_BREAK.split(said) or [""])[-1]
    return (
        contains(said, data["unsure"])
        or any(re.search(pattern, said) for pattern in data["unsure_patterns"])
        or contains(last, data["declined"])
    )


def _none_fillers() -> tuple[re.Pattern[str], re.Pattern[str]]:
    fillers = vocabulary("words")["none_fillers"]
    before = "|".join(
        sorted((re.escape(words(f)) for f in fillers["before"]), key=len, reverse=True)
    )
    after = "|".join(sorted((re.escape(words(f)) for f in fillers["after"]), key=len, reverse=True))
    return re.compile(rf"^(?:{before})+"), re.compile(rf"(?:{after})+$")


def _bare(clause: str) -> str:
    """A clause without the words around it that do not change a "none": 还没交过 -> 没交."""
    before, after = built(_none_fillers)
    return after.sub("", before.sub("", words(clause)))


def _taken_back(clauses: list[str], yes_no: bool) -> list[str]:
    """The clauses after the last retraction that has a clause before it and a value after it:
    a clause that is only one (2年，啊不，3年) or begins one (高级，不对是中级)."""
    data = vocabulary("words")
    whole = data["retraction_sure" if yes_no else "retraction"]
    for i in range(len(clauses) - 1, 0, -1):
        said = normalise(clauses[i]).strip()
        lead = re.match(data["retraction_lead"], said)
        if lead and not yes_no:
            return [said[lead.end() :], *clauses[i + 1 :]]
        if re.match(whole, said) and any(c.strip() for c in clauses[i + 1 :]):
            return clauses[i + 1 :]
    return clauses


def _unit_carried(dropped: list[str], replacing: str) -> str:
    """6 years, no wait, 5 -> 5 years: a bare value replacing one said with a unit takes it
    (not when several units were said: 3年2个月，不对，3 stays a bare 3)."""
    data = vocabulary("words")
    bare = re.match(data["bare_value"], digits(normalise(replacing)))
    units = set(re.findall(data["value_unit"], digits(normalise("，".join(dropped)))))
    return f"{bare[1]} {units.pop()}" if bare and len(units) == 1 else replacing


def _moved_on(clauses: list[str]) -> list[str]:
    """48个月，哦上个月又交了，49: a bare value said last, after a value and a clause telling it
    moved on (data/words.yaml value_moved_on), replaces the clauses before it."""
    data = vocabulary("words")
    said = [c for c in clauses if c.strip()]
    if len(said) < 3 or not re.match(data["bare_value"], digits(normalise(said[-1]))):
        return clauses
    first = digits(normalise(said[0]))
    between = [normalise(c).strip() for c in said[1:-1]]
    if not re.search(data["value_unit"], first) or not any(
        re.search(data["value_moved_on"], c) for c in between
    ):
        return clauses
    return [said[-1]]


def corrected(text: str, yes_no: bool = False) -> str:
    """不是本科，是大专 -> 是大专: leading clauses that deny a value, when a later clause says
    one (the text as it was otherwise); 34，哦不对，35了 -> 35了: what a retraction took back.
    At a yes/no question, where 不对 and 不是 may be the answer, only a retraction between two
    answers (有，不对，我没有) takes back, and no denial is dropped. Elsewhere a retraction inside
    a clause (44 no wait 43, 3 哦不 4) breaks it as a comma would."""
    inline = vocabulary("words")["retraction_inline"]
    clauses = CLAUSE_BREAK.split(
        text if yes_no else re.sub(inline, r"，\g<0>，", text, flags=re.IGNORECASE)
    )
    taken_back = _taken_back(clauses, yes_no)
    if taken_back is clauses and not yes_no:
        taken_back = _moved_on(clauses)
    if taken_back is not clauses:
        dropped = clauses[: len(clauses) - len(taken_back)]
        clauses = [_unit_carried(dropped, taken_back[0]), *taken_back[1:]]
        text = "，".join(c for c in clauses if c.strip())
    if yes_no:
        return text
    denial = vocabulary("words")["denial"]
    start = 0
    while start < len(clauses) - 1 and re.match(denial, normalise(clauses[start]).strip()):
        start += 1
    rest = "，".join(c for c in clauses[start:] if c.strip())
    return rest if start and rest else text


def screen(text: str) -> None:
    """我也不确定 is not an answer (the dialog explains how to find out instead); neither is
    a page of text."""
    if len(text) > MAX_ANSWER or is_unsure(text):
        raise Unclear()


def _nothing() -> frozenset[str]:
    return frozenset(words(str(w)) for w in vocabulary("words")["none"])


# Between two Chinese words a blank breaks a clause as a comma does: 都没有 都没有, 没 没有.
_CJK_BLANK = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
_REPEATED = re.compile(r"(.+?)\1+")  # 没有没有


def _courtesies() -> frozenset[str]:
    return frozenset(words(str(w)) for w in vocabulary("words")["courtesy"])


def _says_none(clause: str, nothing: frozenset[str]) -> bool:
    said = words(clause)
    repeated = _REPEATED.fullmatch(said)
    return (
        said in nothing
        or _bare(clause) in nothing
        or (repeated is not None and repeated[1] in nothing)
        or re.fullmatch(vocabulary("words")["none_english"], normalise(clause).strip()) is not None
    )


def is_none(text: str) -> bool:
    """没有, 都没有, 没有，什么都没有, 没有没有, none, sorry: every clause says none, but for
    courtesies (data/words.yaml courtesy)."""
    nothing = built(_nothing)
    courtesy = built(_courtesies)
    said = _CJK_BLANK.sub("，", normalise(text))
    plain = vocabulary("words")["courtesy_pattern"]
    clauses = [
        c
        for c in CLAUSE_BREAK.split(said)
        if (w := words(c)) and w not in courtesy and not re.fullmatch(plain, w)
    ]
    return bool(clauses) and all(_says_none(c, nothing) for c in clauses)


def _others() -> re.Pattern[str]:
    people = sorted(map(str, vocabulary("words")["others"]["people"]), key=len, reverse=True)
    return re.compile(rf"^(?:我的?|我家的?|my )?(?:{'|'.join(map(re.escape, people))})")


def _zero(clause: str) -> bool:
    numbers = re.findall(r"\d+(?:\.\d+)?", digits(clause))
    return is_none(clause) or (bool(numbers) and all(float(n) == 0 for n in numbers))


def _year_of_next(clause: str, rest: list[str]) -> bool:
    """2020年毕业就来上海了，7月入职: the clause holds the year of the month the next one
    begins with; 2021年6月来上海，一直交到现在: the date the next one goes on from."""
    year = re.search(r"(?:19|20)\d\d\s*年|[去前今]年", digits(clause))
    if not (year and rest):
        return False
    goes_on = re.match(vocabulary("words")["others"]["goes_on"], rest[0].strip())
    return bool(re.match(r"\s*\d{1,2}\s*月(?!\s*(?:以?[前后]))", digits(rest[0])) or goes_on)


def _share_beside(rule: dict[str, Any], clause: str, clauses: list[str]) -> bool:
    """Another clause says a share of what this one counts is what is asked (公司30人，本地户口
    的一半): this one is needed to count it."""
    beside = rule.get("beside", [])
    return any(
        contains(said, beside) and contains(said, rule["unless"])
        for said in (normalise(c) for c in clauses if c is not clause)
    )


def own_clauses(text: str, question: str) -> str | None:
    """老婆硕士，我本科有学位 -> 我本科有学位; 来上海8年，社保交了6年 -> 社保交了6年: the clauses
    about someone else (a spouse, a child) or about something else than the question asks
    (data/words.yaml others) are not the answer; None when no clause is left."""
    data = vocabulary("words")["others"]
    clauses = [c for c in CLAUSE_BREAK.split(text) if c.strip()]
    others = built(_others)
    rules = data["off_topic"].get(question, [])

    def elsewhere(clause: str) -> bool:
        said = normalise(clause).strip()
        if question in data["questions"] and others.match(said):
            return True
        if question in data["record_questions"] and (whom := others.match(said)):
            return not contains(whom[0], data["children"])
        return any(
            contains(said, rule["words"])
            and not contains(said, rule["unless"])
            and not _share_beside(rule, clause, clauses)
            for rule in rules
        )

    own = [
        c for i, c in enumerate(clauses) if not elsewhere(c) or _year_of_next(c, clauses[i + 1 :])
    ]
    part = data["part_of_before"]
    if any(
        c in own and re.match(part, digits(normalise(c)).strip()) and clauses[i - 1] not in own
        for i, c in enumerate(clauses)
        if i
    ):
        return None  # 工作了6年，前两年在杭州: a part of what is left out is no answer alone
    if not own:  # 一共0个: none in all is none of what is asked either
        return text if all(_zero(c) for c in clauses) else None
    return text if len(own) == len(clauses) else "，".join(own)
