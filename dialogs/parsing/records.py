"""Deductions and vetoes: the deductions gate, the serious-crime veto and the family-planning
veto (data/records.yaml, with the measures it follows). A recorded item named is a yes even
without 有 (酒驾被拘过); a near miss is a no (闯红灯罚过款); a sentence is a veto from five years
(判过三年 is not, 刚好判了五年 is); what may or may not have been recorded is asked."""

from __future__ import annotations

import re
from datetime import date

from dialogs.parsing.amounts import hedge, pairs_to_ranges
from dialogs.parsing.occurrences import Dated, against, dated
from dialogs.parsing.text import CLAUSE_BREAK, Ambiguous, Unclear, digits, normalise
from dialogs.parsing.vocabulary import Scanner, contains, vocabulary
from dialogs.parsing.words import screen
from dialogs.parsing.yes_no import parse_yes_no, said_yes_or_no

__all__ = [
    "disputed",
    "hedged_yes",
    "parse_deductions",
    "parse_family_planning",
    "parse_serious_crime",
]


def hedged_yes(text: str) -> bool:
    """好像有过一次, 可能被拘过: a record owned with a hedge, which may not have happened."""
    return bool(re.search(vocabulary("records")["hedged_yes"], normalise(text)))


def disputed(text: str) -> bool:
    """拘了一次，后来撤销了; 一次，是公司填错了: a record said to be revoked or a mistake."""
    return contains(normalise(text), vocabulary("records")["disputed"])


def _named(said: str, phrases: list[str]) -> bool | None:
    """True if a phrase is named and not denied (没被拘过), False if only denied, None if
    none is named."""
    found = Scanner({str(p): True for p in phrases}).scan(said)
    if not found:
        return None
    negator = re.compile(vocabulary("records")["item_negators"])
    denied_after = re.compile(vocabulary("records")["item_denied_after"])
    return any(
        not negator.search(said[: m.start]) and not denied_after.match(said[m.end :]) for m in found
    )


# A sentence's length: not a year of the calendar (2019年), nor a time ago (二十年前).
_LENGTH = re.compile(
    r"(?<![\d.])(?!(?:19|20)\d\d\s*年)(\d+(?:\.\d+)?)\s*(?:个)?\s*(年|years?|个月|months?)"
    r"(?!\s*(?:前|以前|之前|后|以后|ago))"
)


def _below_veto(said: str, veto_years: int) -> bool:
    """缓刑, 拘役, 判了两年: a sentence said to be below the veto's years, so an ordinary
    criminal record, dated by its window like a detention."""
    data = vocabulary("records")
    if contains(said, data["suspended"]):
        return True
    if not (_LENGTH.search(pairs_to_ranges(said)) and contains(said, data["sentence_words"])):
        return False
    return parse_serious_crime(said, veto_years) is False


def _dated(
    said: str, today: date | None, windows: dict[str, int], veto_years: int | None
) -> bool | None:
    """十年前被拘留过一次 -> False, 2024年行政拘留 -> True: items of one dated kind (a
    detention, false material: never a veto; a sentence said below the veto's years) each
    dated (2018年, 去年, 三年前), against its window; None (asked) when a date may fall either
    side of it (2021年, 五六年前, 好多年前). Other items (a sentence may be a veto at any age)
    are asked."""
    data = vocabulary("records")
    named = {kind for kind, phrases in data["dated_kinds"].items() if contains(said, phrases)}
    undated = [str(p) for p in data["undated_items"]]
    if veto_years is not None and contains(said, data["criminal_items"]):
        if _LENGTH.search(pairs_to_ranges(said)) and parse_serious_crime(said, veto_years) is True:
            return True  # 二十年前判过七年: a veto at any age, and the items say it
        if _below_veto(said, veto_years):  # 前年被判了缓刑: within the criminal window
            named.add("criminal")
            undated = [p for p in undated if p not in data["criminal_items"]]
    whens = _specific(dated(pairs_to_ranges(said), today))
    criminal = windows.get("criminal")
    # 有刑事案底，2022年: within its window, a deduction or a veto: a yes
    if (criminal and contains(said, data["criminal_items"]) and whens) and all(
        against(when, criminal) == "inside" for when in whens
    ):
        return True
    if len(named) != 1 or _named(said, undated) or not windows.keys() >= named:
        return None
    window = windows[named.pop()]
    where = {against(when, window) for when in whens}
    if "inside" in where:
        return True
    return False if where == {"outside"} else None


def parse_deductions(
    text: str,
    windows: dict[str, int] | None = None,
    today: date | None = None,
    veto_years: int | None = None,
) -> bool | Ambiguous:
    """`windows`: the years each dated kind of item counts for (false_material, detention,
    criminal); `veto_years`: the sentence that rules out points at any age; without `today`,
    only dates said as years ago (三年前) are read."""
    screen(text)
    said = normalise(text)
    data = vocabulary("records")
    named = _named(said, data["deduction_items"])
    if named is False and re.search(data["hedged_no"], said) and _named(said, data["maybe_items"]):
        return Ambiguous((True, False), "confirm-penalty")  # 被带走过，好像没拘留: which was it?
    planning = data["family_planning"]
    if contains(said, planning["ask"]) and not _named(
        said, [p for p in data["deduction_items"] if p not in planning["violation"]]
    ):
        return Ambiguous((True, False), "confirm-family-planning")  # 未婚先孕: recorded?
    if named and disputed(text):
        return Ambiguous((True, False), "confirm-which")  # 拘过一次，后来撤销了: still on record?
    if named and dated(pairs_to_ranges(text), today):
        # long ago: outside the deduction windows, unless the sentence makes it a veto
        found = _dated(said, today, windows or {}, veto_years)
        return Ambiguous((True, False), "confirm-old-record") if found is None else found
    if named is not None:
        return named
    children = re.search(planning["children"], digits(text))
    if children and _named(said, planning["fined"]):
        return True  # 生了老三，被罚了款: the fine for a birth is a recorded violation
    if contains(said, data["not_deductions"]):
        return False  # a fine is none of the items (被治安处罚过，罚了款)
    if _named(said, data["maybe_items"]):  # 行政处罚: a detention, or a fine?
        return Ambiguous((True, False), "confirm-penalty")
    if children:  # 有三个孩子: a violation only if one was recorded; one child is none
        born = _born_within_rules(said)
        if born is not None:
            return born  # 老二2018年生的: within the rules of that year
        count = int(children[1] or children[2] or children[3])
        return Ambiguous((True, False), "confirm-family-planning") if count > 1 else False
    yes = _clean_or_yes_no(text, said)
    if yes and hedged_yes(text):
        return Ambiguous((True, False), "confirm-which")  # 好像有过一次: did it happen?
    when = _specific(dated(pairs_to_ranges(text), today))
    if (yes or _first_says_yes(text)) and any(
        w.high > min((windows or {"": 0}).values()) for w in when
    ):
        return Ambiguous((True, False), "confirm-old-record")  # 有过一次，好多年前了: which item?
    return yes


def _specific(whens: list[Dated]) -> list[Dated]:
    """年轻时打架被拘过，十五年前: a vague time (年轻时, 以前) beside a date said is that date."""
    known = [when for when in whens if when.high != float("inf")]
    return known or whens


def _first_says_yes(text: str) -> bool:
    """有过一次，不过好多年前了: the record is owned in the first clause, whatever the turn
    after it says of its age."""
    return said_yes_or_no(CLAUSE_BREAK.split(text)[0]) is True


def _clean_or_yes_no(text: str, said: str) -> bool:
    """没问题, 没毛病 asked about a record mean a clean one (no), not "yes, sure"."""
    if contains(said, vocabulary("records")["clean"]):
        return False
    try:
        return parse_yes_no(text)
    except Unclear:
        # 有，但是已经处理完了: the record owned before a turn that only says it was settled
        settled = re.compile(vocabulary("records")["settled"])
        owned, *rest = [c for c in re.split(r"[,，;；。]", said) if c.strip()] or [""]
        if rest and all(settled.search(c) for c in rest) and said_yes_or_no(owned) is True:
            return True
        raise


_LENGTH_WORDS = re.compile(r"[\d.\s零又半个年月整]|years?|months?|and|a half")


def parse_serious_crime(text: str, min_years: int) -> bool | Ambiguous:
    """判了六年 -> True, 判过三年 / 缓刑一年 / 不到五年 -> False (a veto from `min_years`);
    五年左右 is asked; otherwise yes or no."""
    screen(text)
    said = normalise(text)
    data = vocabulary("records")
    if contains(said, data["life"]):
        return True  # 判过无期后来减刑了: the sentence pronounced counts
    if contains(said, data["suspended"]):
        return False
    spelled = _final_judgment(pairs_to_ranges(text), data["final_judgment"])
    years = _LENGTH.search(spelled)
    # 八年, 五年零三个月: at this question a length said alone is the sentence's
    alone = not _LENGTH_WORDS.sub("", spelled)
    if years and (alone or contains(said, data["sentence_words"])):
        length = float(years[1]) / (1 if years[2].startswith(("年", "y")) else 12)
        return _sentence_at_least(
            length, min_years, hedge(spelled[: years.start()], spelled[years.end() :])
        )
    return _clean_or_yes_no(text, said)


def _final_judgment(spelled: str, changed: str) -> str:
    """一审判了6年，二审改判4年 -> 改判4年: what follows the last judgment changed on appeal
    (the sentence pronounced in the end), the whole answer when none is said."""
    judgments = list(re.finditer(changed, spelled))
    return "判" + spelled[judgments[-1].end() :] if judgments else spelled


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
    """A violation owned with a hedge (好像有，老家给开过一个罚单) may not have been recorded as
    one: asked, as at the deductions gate."""
    found = _family_planning(text)
    if found is True and hedged_yes(text):
        return Ambiguous((True, False), "confirm-family-planning")
    return found


def _family_planning(text: str) -> bool | Ambiguous:
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
