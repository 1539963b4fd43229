"""Which of the spells of insurance said count: a duration is one employer's among several
(they add up), paid in Shanghai or some other place (only Shanghai's count), said not to count
(补缴, 老家), a part of a total before it (其中前两年), or a time away between two Shanghai
spells (回老家2年，又回来交了2年)."""

from __future__ import annotations

import re

from dialogs.parsing.text import CLAUSE, CLAUSE_BREAK, clause_at
from dialogs.parsing.vocabulary import contains, vocabulary

__all__ = [
    "BESIDES",
    "MORE",
    "PART_OF",
    "all_not_counted",
    "at_employer",
    "away",
    "besides_shanghais",
    "elsewhere",
    "employers",
    "in_shanghai",
    "net_of_not_counted",
    "not_counted",
]

MORE = re.compile(r"又|再|加上|另外|还有|后来|回来|回到")


def away(match: re.Match[str], spans: list[re.Match[str]], said: str) -> bool:
    """在上海交了3年，回老家2年，又回来交了2年: a time elsewhere between two Shanghai spells
    (the one after it said with 又, 再 or 回来) is a time away, not a part of the one before."""
    after = [m for m in spans if m.start() > match.end()]
    return bool(after) and MORE.search(said[match.end() : after[0].start()]) is not None


def _lead_in(match: re.Match[str], said: str, previous: re.Match[str] | None) -> str:
    """The words before a duration, back to the duration before it."""
    return said[previous.end() if previous else 0 : match.start()]


def employers(before: re.Match[str], match: re.Match[str], said: str) -> bool:
    """两家公司，一家24个月一家18个月; 前公司2年，现在这家1年半; 换工作后又交了1年: each
    duration is one employer's (data/hedges.yaml employers), so they add up."""
    data = vocabulary("hedges")["employers"]
    first = _lead_in(before, said, None)
    second = _lead_in(match, said, before)
    named = [bool(re.search(data["part"], text)) for text in (first, second)]
    return all(named) or re.search(data["change"], second) is not None


def in_shanghai(spans: list[re.Match[str]], said: str) -> list[re.Match[str]]:
    """在上海交了3年，之前在苏州交了2年; 在苏州交了2年，后来又交了3年: a duration said to be
    some other place's (在苏州) does not count; one said with no place is Shanghai's, since
    the question asks for Shanghai's (none left: asked again)."""
    leads = [_lead_in(m, said, spans[i - 1] if i else None) for i, m in enumerate(spans)]
    places = [_place(CLAUSE_BREAK.split(lead)[-1]) for lead in leads]
    return [m for m, place in zip(spans, places, strict=True) if place is not False]


def at_employer(clause: str) -> bool:
    """其中前两年是在老公司交的: months said to be paid at an employer (在 + 公司/单位), which
    is no place: a part of the Shanghai total."""
    data = vocabulary("hedges")["employers"]
    return any(_employer(m[1]) for m in re.finditer(data["place"], clause))


def _employer(name: str) -> bool:
    """老公司, 原单位: what the place pattern caught names an employer, not a place."""
    return re.search(vocabulary("hedges")["employers"]["part"], name) is not None


def _place(text: str) -> bool | None:
    """Whether the place a duration is said to be paid in (在苏州交, 在浦东上班) is Shanghai;
    None when no place is said."""
    data = vocabulary("hedges")["employers"]
    place = re.search(data["place"], text)
    if place is None and re.search(data["other_city"], text):
        return False  # 之前苏州3年: another city named without 在
    if place is None or _employer(place[1]) or re.search(data["no_place"], place[1]):
        return None  # 在老公司交的: an employer; 回来又交, 去年交: no place
    return re.fullmatch(data["shanghai"], place[1]) is not None


# 之前在外地交了3年: besides the total, not part of it;
# 其中/前面/头两年 in another city: part of it.
PART_OF = re.compile(r"其中|里面|当中|前面|前\d|头\d|第\d|of which|the first")
BESIDES = re.compile(r"之前|以前|此前|另外|此外|还有|另|before|also|besides")


def besides_shanghais(match: re.Match[str], first: re.Match[str], said: str) -> bool:
    """上海交了6年，外地的3年不算: months of another place said after a total said to be
    Shanghai's are besides it (with 其中 they are a part of it: 上海一共5年，其中1年在外地)."""
    data = vocabulary("hedges")
    clause = clause_at(said, match.start())
    shanghais = re.search(data["employers"]["shanghai"], clause_at(said, first.start()))
    return bool(shanghais) and contains(clause, data["other_places"]) and not PART_OF.search(clause)


def not_counted(match: re.Match[str], said: str) -> bool:
    """A duration in a clause that says its months do not count (补缴, 老家, 灵活就业) or are a
    part paid in a place that is not Shanghai (其中前两年是在昆山交的)."""
    left_out = vocabulary("hedges")["not_counted_left_out"]  # 两年多（不含补缴）: counted
    clause = re.sub(left_out, "", clause_at(said, match.start()))
    partelsewhere = PART_OF.search(clause) and _place(clause) is False
    return contains(clause, vocabulary("hedges")["not_counted"]) or bool(partelsewhere)


def net_of_not_counted(spans: list[re.Match[str]], said: str) -> re.Match[str] | None:
    """The duration said as what is left once the months that do not count are taken off
    (补缴的半年不算的话是4年半, 扣掉补缴的半年还剩4年半: data/hedges.yaml net_of_not_counted),
    the answer whatever else is said; the half year taken off is no such duration."""
    data = vocabulary("hedges")
    net = data["net_of_not_counted"]
    for match in spans:
        lead = CLAUSE_BREAK.split(said[: match.start()])[-1]  # its clause, up to it
        taken_off = re.search(net["taken_off"], lead)
        if (
            taken_off
            and contains(lead, data["not_counted"])
            and re.search(net["left"], lead[taken_off.end() :])
        ):
            return match
    return None


def elsewhere(clause: str) -> bool:
    """A clause that says its months do not count (老家, 补缴) or names a place that is not
    Shanghai (在苏州交的)."""
    return contains(clause, vocabulary("hedges")["not_counted"]) or _place(clause) is False


_ALWAYS = re.compile(r"一直|都是|全是|全部|始终|从来都|\balways\b|\ball\b")
_DENIED = re.compile(r"没|不|无|非|\bno\b|\bnot\b|n't")


def all_not_counted(said: str) -> bool:
    """一直是灵活就业交的，交了3年; 五年，灵活就业交的: a clause with no amount says all the months
    (一直, or a way of paying: data/hedges.yaml paid_not_as_employee) were paid in a way that
    does not count (not_counted) and denies nothing (没有补缴 is no such way), beside the months
    said: none of them may count, or the words may be about some of them only (asked)."""
    data = vocabulary("hedges")
    return any(
        (_ALWAYS.search(clause) or contains(clause, data["paid_not_as_employee"]))
        and contains(clause, data["not_counted"])
        and not re.search(r"\d", clause)
        and not _DENIED.search(clause)
        for clause in CLAUSE.findall(said)
    )
