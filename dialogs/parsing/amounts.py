"""Hedged amounts: 将近六年, 三年出头, 30来个月, 不满3年, 三四年, 5年左右.

An amount read from an answer is a range `[low, high]` of whole units (months, people,
yuan, ...) where the true amount lies. Points count whole steps (full years, tens of
people, 100,000 yuan), so the range decides: one step -> a value; two or three steps ->
ask which (`Ambiguous`); more -> too vague, ask again.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from dialogs.parsing.text import Ambiguous, Unclear, digits, normalise
from dialogs.parsing.vocabulary import built, vocabulary

__all__ = [
    "A_LITTLE",
    "Range",
    "decide",
    "each_year",
    "exact_number",
    "hedge",
    "over_round",
    "pairs_to_ranges",
    "share",
    "vague",
    "yearly_average",
]

_CN = "一二三四五六七八九"


@dataclass(frozen=True)
class Range:
    low: int
    high: int
    said: int  # the amount as said, when there was one number (else the middle)
    kind: str  # exact | below | above | around | pair

    def less(self, part: Range, maybe_left_out: bool = False) -> Range:
        """This amount without `part` (a gap, months back-paid): the least less the most the
        part may be, the most less the least; `maybe_left_out`: the part may already be left
        out of this amount (两年，中间断了一个月), so the most stays."""
        high = self.high if maybe_left_out else self.high - part.low
        kind = "pair" if maybe_left_out or part.low != part.high else self.kind
        return Range(self.low - part.high, high, self.said - part.said, kind)


def _pair_pattern() -> re.Pattern[str]:
    return built(_build_pair_pattern)


def _build_pair_pattern() -> re.Pattern[str]:
    pairs = "|".join(vocabulary("hedges")["pairs"])
    return re.compile(
        rf"([二三四五六七八九]?十)?({pairs})([十百千](?![一二三四五六七八九]))?"
        # 二十七八(了) said alone (at the end or before a comma): tens make it a pair, no unit
        r"(?=个|[年月岁次人倍万千百十块元位名]"
        r"|(?<=十[一二三四五六七八九]{2})\s*(?:了|吧|啦|呢|左右)*\s*(?:$|[,，。]))"
    )


def _after_place_pattern() -> re.Pattern[str]:
    return built(_build_after_place_pattern)


def _build_after_place_pattern() -> re.Pattern[str]:
    """一百五六十, 一千五六百, 两万五六(千): a pair of digits after a place, in the place below
    it (said or left out, as in 一百五 for 150)."""
    pairs = "|".join(vocabulary("hedges")["pairs"])
    return re.compile(
        rf"(?<![{_CN}两十百千万])([{_CN}两])(?:百({pairs})十?|千({pairs})百?|万({pairs})千?)"
        r"(?=个|[年月岁次人倍万块元位名]|\s*(?:了|吧|啦|呢|左右)*\s*(?:$|[,，。]))"
    )


def _after_place(match: re.Match[str]) -> str:
    group = next(i for i in (2, 3, 4) if match[i])
    place = 10**group  # the groups of 百, 千 and 万
    head = (2 if match[1] == "两" else _CN.index(match[1]) + 1) * place
    pair = match[group]
    first, second = (2 if ch in "两二" else _CN.index(ch) + 1 for ch in pair)
    return f"{head + first * place // 10}~{head + second * place // 10}"


def pairs_to_ranges(text: str) -> str:
    """三四年 -> 3~4年, 十五六个 -> 15~16个, 一百五六十万 -> 150~160万, 3到4年 / 3-4年 -> 3~4年;
    then `digits`."""
    said = _after_place_pattern().sub(_after_place, normalise(text))

    def spell(match: re.Match[str]) -> str:
        tens = match[1] or ""
        base = 0 if not tens else (10 * (_CN.index(tens[0]) + 1) if len(tens) == 2 else 10)
        first, second = (
            ("2" if ch in "两二" else str(_CN.index(ch) + 1)) for ch in (match[2][0], match[2][1])
        )
        times = {"": 1, "十": 10, "百": 100, "千": 1000}[match[3] or ""]  # 二三十万: 20~30万
        return f"{(base + int(first)) * times}~{(base + int(second)) * times}"

    def teens(match: re.Match[str]) -> str:  # 十几 -> 11~19, 二十几 -> 21~29
        tens = 10 * (_CN.index(match[1]) + 1) if match[1] else 10
        return f"{tens + 1}~{tens + 9}"

    said = re.sub(r"(?<=十)一二(?=个|[年月岁次人倍])", "一两", said)  # 十一二年: 11 or 12
    said = _pair_pattern().sub(spell, said)
    said = re.sub(rf"([{_CN}])?十几(?=个|[年月岁次人倍万千百块元位名])", teens, said)
    said = digits(said)
    # 1倍或2倍, 38还是39, 90万到110万: either of two amounts, or between, said with their unit
    said = re.sub(
        r"(?<![\d.])(\d+(?:\.\d+)?)\s*(倍|年|个月|岁|次|个|人|万)\s*(?:或者?|还是|or|到|至|-|—|~)\s*"
        r"(\d+(?:\.\d+)?)\s*\2",
        r"\1~\3\2",
        said,
    )
    said = re.sub(  # 2 to 3 times, 2-3 times: a range of multiples (80 to 90 thousand is no pair)
        r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:-|—|~|\s+to\s+)\s*(\d+(?:\.\d+)?)(?=\s*times\b)",
        r"\1~\2",
        said,
    )
    said = re.sub(  # 6 or 7 years, about 6-7 years, 3 to 4 people: either amount, a range
        r"(?<![\d.])(\d+)\s*(?:-|—|~|\s+or\s+|\s+to\s+)\s*(\d+)(?=\s*(?:years?|months?|people|persons)\b(?!\s+ago))",
        r"\1~\2",
        said,
    )
    return re.sub(
        r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:到|至|-|—|~|或者?|还是|、)\s*(\d+(?:\.\d+)?)"
        r"(?=\s*个?[年月岁次人倍万块元]|\s*(?:吧|了|左右)?$)",
        r"\1~\2",
        said,
    )


_SHARE = re.compile(
    r"(?:占|持|持有|股份|股权|份额|(?:(?<![^,，;；\s\d])|(?<=[万元块]))我的?(?=\s*\d))[^,，;；。\d]{0,4}?(\d+(?:\.\d+)?)\s*(%|成)"
    r"|(?:占|持|持有|股份|股权|份额)[^,，;；。\d]{0,4}?(\d+)/(\d+)"
    r"|(?:占|持|持有|股份|股权|份额)[^,，;；。]{0,4}?(?:1半|一半|半)"
    r"|(?:my share|i own|i hold)\D{0,6}(\d+(?:\.\d+)?)\s*%"
)


# The whole of it the applicant's own (都是我一个人的, 独资): a share of all, said in words.
_SOLE = re.compile(r"(?:(?:都|全|公司)?是)?我\s*1\s*个人的|独资|全资|(?:i am|i'm) the sole owner")


def share(said: str) -> tuple[float, str]:
    """The personal share an amount is counted by (我占50%, 我100%, 占股一半, 持股三成;
    都是我一个人的: all of it), and the text without it; 1.0 when none is said. `said` is
    `digits`-converted."""
    if sole := _SOLE.search(said):
        return 1.0, said[: sole.start()] + " " + said[sole.end() :]
    found = _SHARE.search(said)
    if not found:
        return 1.0, said
    rest = said[: found.start()] + " " + said[found.end() :]
    if found[1]:
        return float(found[1]) / (100 if found[2] == "%" else 10), rest
    if found[3]:
        return float(found[3]) / max(float(found[4]), 1.0), rest
    if found[5]:
        return float(found[5]) / 100, rest
    return 0.5, rest


def _year_names() -> re.Pattern[str]:
    relative = sorted(map(re.escape, vocabulary("dates")["relative_years"]), key=len, reverse=True)
    return re.compile(
        rf"(?:{'|'.join(relative)}|(?<![\d.])(?:19|20)\d\d(?![\d.])\s*年?"
        r"|第\d+年|头\d年|首年|the year before|year \d)"
    )


_EACH = re.compile(r"分别|各年|每年各|respectively|each year was")
_LIST_BREAK = re.compile(r"[,，;；。、/]|\band\b")


def _at_year_names(part: str, years: re.Pattern[str]) -> list[str]:
    """前年50万去年70万今年90万 -> 前年50万, 去年70万, 今年90万: a part cut before each year name
    that follows a year name and its number, as a comma would (not 25 in 2023: a year after)."""
    pieces, start = [], 0
    for name in years.finditer(part):
        before = part[start : name.start()]
        if years.search(before) and re.search(r"\d", years.sub(" ", before)):
            pieces.append(part[start : name.start()])
            start = name.start()
    return [*pieces, part[start:]]


def each_year(said: str) -> list[str] | None:
    """The parts of an answer giving one amount per year (前年20个，去年30个，今年40个; 这三年分别是
    10万、20万、30万; 2023: 5, 2024: 8), each without its year, or None when the answer is no such
    list. The question asks the yearly average of the last 3 years, so the caller averages
    three parts and asks again for any other number of them: never the first one alone.
    `said` is `digits`-converted."""
    years = built(_year_names)
    parts = [
        piece
        for p in _LIST_BREAK.split(said)
        for piece in _at_year_names(p, years)
        if re.search(r"\d", years.sub(" ", piece))
    ]
    if len(parts) < 2:
        return None
    if not _EACH.search(said) and not all(years.search(p) for p in parts):
        return None
    return [years.sub(" ", p) for p in parts]


YEARS_AVERAGED = 3  # the points count the yearly average of the last 3 years


def yearly_average(parts: list[str], read: Callable[[str], float]) -> float:
    """The average of one amount per year (`read` from each part), rounded down to a tenth:
    three years' amounts, or asked again (two years said: was the third nothing?)."""
    if len(parts) != YEARS_AVERAGED:
        raise Unclear()
    return math.floor(sum(map(read, parts)) / YEARS_AVERAGED * 10) / 10


def exact_number(part: str) -> re.Match[str]:
    """The last number of a part, said without a hedge (20来个 in a list is asked again)."""
    found = list(re.finditer(r"(?<!~)\d+(?:\.\d+)?(?!~)", part))
    if not found:
        raise Unclear()
    after = re.sub(r"^\s*(?:个|人|名|位|万|千|元|块|w|k)+", "", part[found[-1].end() :])
    if hedge(part[: found[-1].start()], after) != "exact":
        raise Unclear()
    return found[-1]


def over_round(amount: float) -> int:
    """How far 多 after a round number reaches: 十多 is 11-19, 二十多 21-29, 一百多 101-199,
    一百二十多 121-129 (the place of the number's last non-zero digit); 1 for 3多 or 1.5多."""
    if amount % 1 or amount < 10:
        return 1
    place, whole = 1, int(amount)
    while whole % 10 == 0:
        place, whole = place * 10, whole // 10
    return place


def _phrase_before(text: str, phrases: list[str]) -> int:
    """The length of the longest hedge right before the number, or before 满/到/有/刚好 (快满四年,
    将近有五年, 差不多刚好一倍); 0 when none."""
    tail = text.rstrip()
    bare = re.sub(r"(?:满|到|有|要|就|才|刚好|正好|恰好)+$", "", tail)
    return max(
        (len(str(p)) for p in phrases for t in (tail, bare) if t.endswith(str(p))), default=0
    )


def _phrase_after(text: str, phrases: list[str]) -> int:
    head = text.lstrip()
    return max((len(str(p)) for p in phrases if head.startswith(str(p))), default=0)


A_LITTLE = re.compile(r"(?<![\d.])(?:那么)?(?:1|一)(?:点点?儿?|丁点儿?|丢丢|咪咪)(?![\d半])")


def hedge(before: str, after: str) -> str:
    """The kind of hedge around an amount, from the words just before and just after it; the
    longest phrase decides (a little over is `above`, not the `open` of over), unless a later
    "or maybe less" (也可能不到) leaves either side of it. "At most"
    (不超过, 最多) has no kind: which of the amounts up to it is meant is not said (Unclear)."""
    hedges = vocabulary("hedges")
    # cn2an reads 差一点 as 差1点: the hedge words are matched as said; a little said smaller
    # or longer (差一点点, 差一丁点, 差那么一点儿) is the same little
    before, after = (A_LITTLE.sub("一点", t) for t in (before, after))
    best, kind = 0, "exact"
    for name in ("below", "open", "above", "around"):
        found = max(
            _phrase_before(before, hedges[name]["before"]),
            _phrase_after(after, hedges[name]["after"]),
        )
        if found > best:
            best, kind = found, name
    if _phrase_before(before, hedges["at_most"]["before"]) >= max(best, 1):
        raise Unclear()  # 不超过2次: 2 or fewer, which one is not said (超过 is only its tail)
    if kind != "open" and re.search(hedges["either_side"], after):
        return "around"  # 三年多吧，也可能不到: on either side of the number
    return kind


def vague(text: str) -> bool:
    """十几年, 好几个月: a number nobody can score."""
    data = vocabulary("hedges")
    said = re.sub(data["not_vague"], "", text)
    return any(str(word) in said for word in data["vague"])


MOST_STEPS = 40  # 十几年 is nine readings (the dialog merges those that score alike)


def decide(span: Range, step: int, key: str, most: int = MOST_STEPS) -> int | Ambiguous:
    """A value when the range holds one whole step, else the steps to pick from (too many:
    too vague, asked again)."""
    low, high = sorted((max(span.low, 0), max(span.high, 0)))  # 三到两次: said high first
    if low // step == high // step:
        # a little over: 2 units (三年多 is 39 months), a tenth of a wide range (30多万 is 31万)
        over = min(max(2, (high - low) // 10), high - low)
        pick = {"below": high - min(2, high - low), "above": low + over}
        value = pick.get(span.kind, span.said)
        return min(max(value, low), high)
    if high // step - low // step >= most:
        raise Unclear()
    steps = range(low // step, high // step + 1)
    values = {"fewer": steps[0], "more": steps[-1]}
    options = tuple(min(max(s * step, low), high) for s in steps)
    return Ambiguous(options, key, values, span.said if low <= span.said <= high else None)
