"""Small counts (2次, 两三次 asked, 有过一次，不过是六年前的 against a deduction's window) and
the Shanghai-hukou employees of an investment (by personal share, in tens)."""

from __future__ import annotations

import re
from datetime import date

from dialogs.parsing.amounts import (
    Range,
    decide,
    each_year,
    exact_number,
    hedge,
    over_round,
    pairs_to_ranges,
    share,
    vague,
    yearly_average,
)
from dialogs.parsing.occurrences import against, dated, undated
from dialogs.parsing.text import CLAUSE, Ambiguous, Unclear, clause_at, digits, normalise, words
from dialogs.parsing.vocabulary import vocabulary
from dialogs.parsing.words import is_none, screen

__all__ = ["parse_count", "parse_hires"]

MAX_COUNT = 60
_UNIT = re.compile(r"^\s*(?:个|人|名|位|次|回|遍|趟|times?|people|persons?)")


def _count_span(said: str, step: int) -> Range:
    """The range of a count said: 2次 -> [2, 2], 二十个左右 -> [18, 22], 十几个 -> [11, 19].
    An age said (35岁, 我25岁那年) is no count: it answers another question."""
    said = _AGE.sub(" ", said)
    if vague(said):
        raise Unclear()
    found = re.search(r"(\d+)(?:~(\d+))?", said)
    if not found or said[found.end() :].startswith("."):
        raise Unclear()  # 1.5次, 大概9.5个: tenths are no count, nor a rough one
    count = int(found[1])
    if count > MAX_COUNT * step:
        raise Unclear("error-count-range", value=count)
    if found[2]:
        return Range(count, int(found[2]), count, "pair")
    kind = hedge(said[: found.start()], _UNIT.sub("", said[found.end() :]))
    wide = step if count % 10 == 0 and count >= 10 else 1
    spans = {
        "around": (count - max(1, count // 10), count + max(1, count // 10)),
        "below": (max(count - wide, 0), count - 1),
        "above": (count + 1, count + max(over_round(count), 2) - 1),
        "open": (count, count + max(wide, 2) * 2),
    }
    low, high = spans.get(kind, (count, count))
    return Range(low, high, count if kind in ("exact", "around") else low, kind)


_YEARS_SAID = re.compile(r"(?<![\d.])\d+\s*(?:个)?\s*(?:年|years?)")
# 拘留了10天, 判了三年: how long, not how many times.
_LENGTH = re.compile(
    r"(?<![\d.~])\d+(?:~\d+)?\s*(?:个)?\s*(?:天|日|周|星期|个?月|年(?!\s*(?:以|之)?前))"
)
_AGE = re.compile(  # 35岁, 35虚岁, 虚岁35, 35 years old
    r"(?:[周虚实]岁\s*)\d+|(?<![\d.~])\d+(?:~\d+)?\s*(?:[周虚实]?岁|years?[\s-]*old|yrs?[\s-]*old)",
    re.I,
)
# A number said with no unit beside the dates (2, both in 2025): the count of times.
_BARE_COUNT = re.compile(r"(?<![\d.~])(\d+)(?![\d~]|\.\d|\s*(?:年|月|日|号|岁|%|天|周))")
_TIMES = re.compile(r"(?<![\d.~])(\d+)\s*(?:次|回|个(?!月)|times?\b)")


def _dated_count(said: str, today: date, window_years: int) -> int | Ambiguous | None:
    """去年一次，前年一次; 两次，一次是2019年，一次是去年; 有过一次，2023年的: with a date for
    each occurrence (a clause's count, else one per date), only those inside the window count,
    those on its edge are asked; None when no date is said or the dates leave some of the
    occurrences counted in other clauses undated."""
    occurrences: list[tuple[str, int]] = []
    undated_times = 0
    for clause in CLAUSE.findall(said):
        dates = dated(clause, today)
        rest = _LENGTH.sub(" ", undated(clause, today))
        if re.search(r"\d~\d+\s*(?:次|回|个)", rest):
            return None  # 去年两三次: how many is asked again
        times = [int(n) for n in _TIMES.findall(rest)]
        bare = _BARE_COUNT.findall(rest)
        times = times or ([int(bare[0])] if len(bare) == 1 else [])  # two. Both in 2025.
        if not dates:
            undated_times += sum(times)
        elif len(dates) == 1 and not times and undated_times and re.search(r"都|全|all|both", rest):
            occurrences.append((against(dates[0], window_years), undated_times))  # 三次，都是今年
            undated_times = 0
        elif len(dates) == 1:
            occurrences.append((against(dates[0], window_years), times[0] if times else 1))
        else:  # 2019年和2024年各一次
            occurrences += [(against(when, window_years), 1) for when in dates]
    counted = sum(n for _, n in occurrences)
    if not occurrences or (undated_times and undated_times != counted):
        return None
    inside = sum(n for where, n in occurrences if where == "inside")
    edge = sum(n for where, n in occurrences if where == "edge")
    return Ambiguous((inside + edge, inside), "confirm-which") if edge else inside


def parse_count(
    text: str, today: date | None = None, window_years: int | None = None
) -> int | Ambiguous:
    """A small whole number: 2次, 两次, 没有 -> 0; 两三次 -> asked. With a window (the years a
    deduction counts), an occurrence said to be older (有过一次，不过是六年前的) is not counted."""
    screen(text)
    bare = words(normalise(text))
    if is_none(text) or re.fullmatch(r"(?:没有|没|无|零|0)\s*(?:次|个|人|回)?", bare):
        return 0
    if re.match(r"(?:从来)?(?:没有|没|无|从没|未)", bare) and not re.search(r"\d", digits(text)):
        return 0  # 没犯过罪, 没被拘留过
    if re.fullmatch(r"[^有\d]+(?:从来)?(?:没有|没|无|从没有?)(?:过|的|了)?(?:啊|呀|哦|呢)?", bare):
        return 0  # 行政拘留没有过: what is asked named, then none (nothing "had" before it)
    said = pairs_to_ranges(text)
    if window_years is not None and today is not None and dated(said, today):
        found = _dated_count(said, today, window_years)
        if found is None:
            raise Unclear()  # 三次，其中一次是六年前: which of them are inside the window?
        return found
    span = _count_span(_LENGTH.sub(" ", said), 1)
    return decide(span, 1, "confirm-which")


_LOCAL_WORDS = r"本地|上海户口|上海户籍|沪籍"
_NOT_EVEN_ONE = re.compile(
    rf"1\s*(?:个|人|名|位)\s*(?:{_LOCAL_WORDS})?(?:的)?\s*(?:都|也)\s*(?:没|无|不是)"
    r"|\bnone (?:of them )?(?:is |are )?local\b"
    r"|\bno local\b|\bnot (?:a single|one) local\b"
)
_NON_LOCAL = re.compile(r"外地|外省|外来|非沪|非上海|非本市|non-local|not local")
_LOCAL = re.compile(rf"{_LOCAL_WORDS}|(?<!non-)\blocals?\b")
# 总共20人, all 20: the head count beside the locals, no local count
_HEAD_COUNT = re.compile(r"总共|一共|合计|总计|公司|\btotal\b|\ball \d+|\bin all\b|staff")


def _not_even_one_local(text: str) -> bool:
    """一个都没有，都是新上海人; 本地的一个都没有，总共20人; 一个都没有，都是non-local的; none
    local, all 20 are non-local: not even one said of the locals (its clause names no
    non-local), every other number the head count or the non-locals'. With the locals named
    in its clause (本地的一个都没有，去年招了5个; 一个本地的都没有，我占股50%), every number
    said of no locals is not theirs."""
    said = digits(text)
    not_one = _NOT_EVEN_ONE.search(said)
    if not not_one:
        return False
    clause = clause_at(said, not_one.start())
    if _NON_LOCAL.search(clause.replace(not_one[0], "")):
        return False
    others = [c for c in CLAUSE.findall(said) if c.strip() and not_one[0] not in c]
    if _LOCAL.search(clause):
        return not any(re.search(r"\d", c) and _LOCAL.search(c) for c in others)
    return all(
        not re.search(r"\d", c) or _HEAD_COUNT.search(c) or _NON_LOCAL.search(c) for c in others
    )


def parse_hires(text: str, today: date | None = None) -> float | Ambiguous:
    """Shanghai-hukou employees, by personal share (30个，我占股一半 -> 15); points count tens,
    so 二十个左右 is asked and 十几个 is not."""
    screen(text)
    bare = words(normalise(text))
    if is_none(text) or (re.match(r"(?:没有|没|无)", bare) and not re.search(r"\d", digits(text))):
        return 0  # 没有上海户籍员工
    if _not_even_one_local(text):
        return 0  # 一个都没有，都是新上海人: not even one
    if re.search(vocabulary("choices")["hires_none_local"], bare):
        return 0  # 雇了30个人，但都是外地户口的
    part, rough, said = _local_share(pairs_to_ranges(text))
    fraction, said = share(said)
    fraction *= part
    begun = re.search(vocabulary("choices")["hires_begun"], bare)
    if begun and begun["year"] == "去年":
        raise Unclear()  # 去年才开始招: how many each year?
    fraction /= 3 if begun else 1  # 今年才开始招，招了12个: 12 over three years
    local = re.search(vocabulary("choices")["hires_local_part"], said.lower())
    if local:  # 招了40人，其中上海户口12个: the Shanghai-hukou ones are the count
        # 上海户口的有二十来个: a hedge after the count stays with it
        tail = said[local.end() :] if local["n"] else ""
        said = f"{local['n'] or local['m'] or local['e']}{tail or '个'}"
    listed = each_year(share(digits(text))[1])
    if listed is not None:  # 前年20个，去年30个，今年40个: the yearly average
        return yearly_average(listed, lambda part: float(exact_number(part)[0]) * fraction)
    tenths = re.fullmatch(r"\s*(?:平均|年均)?\s*(\d+\.\d+)\s*(?:个|人|名|位)?\s*", said)
    if tenths:  # 9.5: a yearly average said exactly, tenths kept (not cut down to 9)
        return round(float(tenths[1]) * fraction, 1)
    span = _count_span(_YEARS_SAID.sub("", said), 10)  # 三年平均15人: the years are no count
    if span.low == span.high and not rough:  # 11个，我占股70%: 7.7, tenths kept (not 7)
        exact = round(span.said * fraction, 1)
        return int(exact) if exact.is_integer() else exact
    low, high = int(span.low * fraction), int(span.high * fraction)
    kind = "around" if rough else span.kind
    if rough:  # 本地户口的大概一半: a tenth either side of the count
        low, high = int(low * 0.9), round(high * 1.1)
    return decide(Range(low, high, int(span.said * fraction), kind), 10, "confirm-which")


_ROUGHLY = re.compile(r"大概|大约|差不多|估计|约|将近|左右|about|around|roughly")


def _local_share(said: str) -> tuple[float, bool, str]:
    """The share of the staff said to be Shanghai hukou (本地户口的大概一半: 0.5, said roughly;
    data/choices.yaml hires_local_share), and the text without it; 1.0 when none is said; a
    share over the whole (3/0, 150%) is asked again."""
    found = re.search(vocabulary("choices")["hires_local_share"], said.lower())
    if found is None:
        return 1.0, False, said
    part = (found["part"] or found["part2"] or found["part3"]).replace(" ", "").replace("两", "2")
    if part in ("1半", "一半", "半数", "half"):
        value = 0.5
    elif "/" in part:
        top, bottom = part.split("/")
        value = float(top) / max(float(bottom), 1.0)
    else:
        value = float(part.rstrip("%成")) / (10 if part.endswith("成") else 100)
    if value > 1:
        raise Unclear()  # 3/0, 150%: no share of the staff
    # 大约其中一半, 3成 左右: a rough word anywhere in the share's clause
    rough = _ROUGHLY.search(clause_at(said, found.start())) is not None
    return value, rough, said[: found.start()] + " " + said[found.end() :]
