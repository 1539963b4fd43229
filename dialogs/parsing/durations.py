"""How long: months of social insurance (parse_months), and the months any answer says
(read_months; full years of a bonus item are read in years.py).

Two-digit and Chinese-numeral years with a month or a "since" word are dates, not durations:
17年9月入职就开始交 is September 2017 until today; 二零一六年起 is some month of 2016, which
leaves a range of months (since.py). Durations may be hedged (see amounts.py).
"""

from __future__ import annotations

import itertools
import re
from datetime import date

from dialogs.parsing.amounts import A_LITTLE, Range, decide, hedge, pairs_to_ranges, vague
from dialogs.parsing.since import months_since
from dialogs.parsing.spells import (
    BESIDES,
    MORE,
    PART_OF,
    all_not_counted,
    at_employer,
    away,
    besides_shanghais,
    elsewhere,
    employers,
    in_shanghai,
    net_of_not_counted,
    not_counted,
)
from dialogs.parsing.text import (
    CLAUSE,
    Ambiguous,
    Unclear,
    clause_at,
    digits,
    normalise,
    number,
    words,
)
from dialogs.parsing.to_come import NEXT_YEAR, SHORT_OF, short_of
from dialogs.parsing.vocabulary import built, vocabulary
from dialogs.parsing.words import is_none, screen

__all__ = ["DURATION", "MAX_MONTHS", "checked_months", "parse_months", "read_months"]

MAX_MONTHS = 600
_NUM = r"\d+(?:\.\d+)?"
# 4y3m: y and m alone, written short, only together
_YEAR = rf"(?:年|years?|yrs?|yr|y(?=\s*{_NUM}\s*m(?![a-z])))"
_MONTH = r"(?:个月|月|months?|mos?)"
# 5 years, 2 months of it back-paid; 10 years, 3 months missed: the months are a part of the
# years, told after them, not added to them
_UNPAID_EN = r"missed|unpaid|not paid"
_PART_SAID = rf"(?:of (?:it|them|which|those)|were|was|{_UNPAID_EN}|back)\b"
DURATION = re.compile(
    rf"(?:(?P<y>{_NUM})(?:~(?P<y2>\d+))?\s*(?P<yx>多|来|余)?\s*(?:个)?\s*{_YEAR}(?P<yh>半)?"
    rf"(?:\s*(?:零|又|and|,)?\s*(?P<ym>{_NUM})\s*(?:个)?\s*(?:{_MONTH}|m)(?![a-z])(?!\s*{_PART_SAID}))?"
    rf"|(?P<m>{_NUM})(?:~(?P<m2>\d+))?\s*(?P<mx>多|来|余)?\s*(?:个)?(?P<mx2>多|来)?半?\s*{_MONTH}"
    rf"|(?<!\d)(?P<half>半)\s*(?:个)?年)"
)
# A calendar month something began in (7月入职, 3月份开始交), its year unsaid: no duration.
_MONTH_STARTED = re.compile(
    r"(?<![\d个.~])\d{1,2}\s*月\s*份?\s*(?:入职|开始|起|进|来|到岗|上班|参保|参加工作|就)"
)
_GAP = re.compile(rf"断|停|没交|中断|空了|漏|\b(?:{_UNPAID_EN}|gap|stopped)\b")


def checked_months(months: int) -> int:
    if not 0 <= months <= MAX_MONTHS:
        raise Unclear("error-months-range", value=months)
    return months


def _span(match: re.Match[str], said: str) -> Range:
    """The months one duration stands for, with its hedge."""
    after = re.sub(r"^(?:以)?来", "", said[match.end() :])  # 五年来: over the last five years
    more = match["mx"] or match["mx2"] or match["yx"] or ""  # 三个多月, 一个来月
    kind = hedge(said[: match.start()], more + after)
    if match["half"]:
        value, step = 6, 6
    elif match["y"] is not None:
        value = round(number(match["y"]) * 12) + (6 if match["yh"] else 0)
        value += round(number(match["ym"] or "0"))
        step = 1 if match["ym"] else (6 if value % 12 else 12)
        if match["yx"] and value % 120 == 0:  # 十多年, 二十来年: tens of years, not one year
            step = 120
        if match["y2"]:
            return Range(value, int(match["y2"]) * 12 + 11, value, "pair")
    else:
        value = int(number(match["m"]))  # full months: 十一个半月 is 11, not a year
        step = 10 if value % 10 == 0 and value >= 10 else 2
        if match["m2"]:
            return Range(value, int(match["m2"]), value, "pair")
    if kind == "below":
        return Range(value - step, value - 1, value, kind)
    if kind == "above" and step > 1 and A_LITTLE.match(after.lstrip("多 ")):
        return Range(value + 1, value + 2, value, kind)  # 一年多一点点: a month or two over
    if kind == "above":  # 三年多: 3 full years; 十多年: 11 to 19 (more is in the units' place)
        low = value + 12 if step == 120 else value + 1
        return Range(low, value + step - 1 if step > 1 else value + 1, value, kind)
    if kind == "open":
        return Range(value, value + 3 * max(step, 12), value, kind)
    if kind == "around":
        # a round ten of months: 3 either side (80来个月: just about 80); said around it
        # (about, 左右), a twentieth of a larger amount too (about 100 months may be 95)
        wide = 3 if more == "来" else max(3, value // 20)
        half = max(step // 2, 1) if step != 10 else wide
        return Range(value - half, value + half, value, kind)
    return Range(value, value, value, kind)


def _said_so_far(said: str) -> str:
    """两年，明年就三年了 -> 两年: the clauses of years still to come left out when another
    clause says a duration."""
    clauses = CLAUSE.findall(said)
    so_far = [c for c in clauses if not (NEXT_YEAR.search(c) or SHORT_OF.search(c))]
    if len(so_far) < len(clauses) and any(DURATION.search(c) for c in so_far):
        return "，".join(so_far)
    return said


_ALREADY_OFF = re.compile(
    r"已经?(?:去掉|扣掉|扣除|减掉|减去|刨掉|刨去|除去|排除)|(?:没|不)(?:算|计|包括|包含)(?:在)?(?:里面|里头|内|进去)"
    r"|already (?:taken out|removed|excluded|deducted|left out)"
)
_SUMMED_UP = re.compile(r"总共|一共|合计|累计|加起来|总计|in total|altogether")
_THIS_MONTH_ON = re.compile(r"(?:这个月|这月|本月|this month)\s*(?:才|刚|刚刚)*\s*(?:开始|起)")
# 5 and a half years; 缴费月数119 (the record's own count).
_AND_A_HALF = re.compile(r"(\d+)\s+and a half")
# 2 years in Beijing and 3 in Shanghai: the second number in the unit of the first
_UNIT_CARRIED = re.compile(
    r"(\d+(?:\.\d+)?\s*(years?|months?)\s+in\s+[a-z' ]+?\s+and\s+)(\d+(?:\.\d+)?)(?=\s+in\b)"
)
_MONTHS_COUNTED = re.compile(r"(?:缴费)?月数\s*(?:是|为|有|:)?\s*(\d+)")


def _relative_years() -> re.Pattern[str]:
    names = sorted(vocabulary("dates")["relative_years"], key=len, reverse=True)
    parts = "|".join(sorted(vocabulary("dates")["months_of_words"], key=len, reverse=True))
    after = rf"(?=\s*(?:\d{{1,2}}\s*月|初|底|年底|年初|的?(?:{parts})))"
    return re.compile(f"({'|'.join(map(re.escape, names))}){after}")


def _absolute_years(said: str, today: date) -> str:
    """去年3月 -> 2025年3月, 前年底 -> 2024年底, 去年国庆 -> 2025年国庆: a year said relative
    to today is a date, and its month no duration (去年三月开始交 is not 3 months)."""
    relative = vocabulary("dates")["relative_years"]
    return built(_relative_years).sub(lambda m: f"{today.year - int(relative[m[1]])}年", said)


def _the_sum(said: str) -> str:
    """交了三年，中间断了一个月，总共应该是35个月: the sum the story ends with. Months the story
    says do not count, and no others (补缴了3个月，总共交了40个月), are in that sum: said after
    it, they are taken off it."""
    *story, last = CLAUSE.findall(said) or [""]
    if not (story and _SUMMED_UP.search(last) and DURATION.search(last)):
        return said
    spells = [c for c in story if DURATION.search(c)]
    if all(not_counted(m, c) for c in spells for m in DURATION.finditer(c)):
        return "，".join([last, *spells])
    return last


# 今年是第五年, 第三年了: in the fifth year, four whole years and some months (in the first,
# less than one)
_ORDINAL_YEAR = re.compile(r"第\s*(\d+)\s*(?:个)?年(?:头)?(?=\s*(?:了|啦|$|[,，。]))")


def _years_begun(found: re.Match[str]) -> str:
    return f"{int(found[1]) - 1}年多" if int(found[1]) > 1 else "不到1年"


# 一百个月左右，具体是101: the exact figure after a rough amount, its unit left unsaid
_EXACT_FIGURE = re.compile(
    r"(?:具体|准确|确切|精确|exactly|precisely)[^\d,，;；]{0,4}?(\d+)"
    r"(?!\s*(?:[\d.年个月岁]|years?|months?|yrs?|mos?))"
)


def _figures_with_units(said: str) -> str:
    """一百个月左右，具体是101 -> ..., 具体是101个月; 没满1年,10个月 -> 没满1年，10个月 (a
    rough year, then the months it stands for: not one year and ten months)."""
    for found in reversed(list(DURATION.finditer(said))):
        joined = found["ym"] is not None and "," in found[0]
        if joined and hedge(said[: found.start()], "") != "exact":
            at = found.start() + found[0].index(",")
            said = f"{said[:at]}，{said[at + 1 :]}"

    def unit(figure: re.Match[str]) -> str:
        rough = list(DURATION.finditer(said, 0, figure.start()))
        if not rough:
            return figure[0]
        span = _span(rough[-1], said)  # 大约3年，具体37: 37 months, in about three years
        in_years = span.low <= int(figure[1]) * 12 <= span.high
        return figure[0] + ("年" if in_years else "个月")

    return _EXACT_FIGURE.sub(unit, said)


def read_months(text: str, today: date, paid_months: bool = False) -> Range | None:
    """The range of months an answer says, or None when it names no duration or date;
    `paid_months`: a start date counts its own month (see `_since`)."""
    said = _AND_A_HALF.sub(r"\1.5", _UNIT_CARRIED.sub(r"\1\3 \2", pairs_to_ranges(text)))
    said = _MONTHS_COUNTED.sub(r"\1个月", said)
    said = _ORDINAL_YEAR.sub(_years_begun, said)
    said = _figures_with_units(_absolute_years(said, today))
    net = net_of_not_counted(list(DURATION.finditer(said)), said)
    if net is not None:
        return _span(net, said)
    said = _said_so_far(_the_sum(said))
    short = short_of(said, today)
    if short:
        return short
    if _THIS_MONTH_ON.search(said) and not re.search(r"\d", said):
        return Range(0, 1, 1, "pair")  # 这个月刚开始交: this month's may not be on the record yet
    since = months_since(said, today, paid_months)
    if since is not None:
        return _minus_gaps(since, said)
    if _MONTH_STARTED.search(said):
        raise Unclear()  # 7月入职一直交到现在: a month of some year, not 7 months
    spans = in_shanghai([m for m in DURATION.finditer(said) if not not_counted(m, said)], said)
    left_out = [m for m in DURATION.finditer(said) if not_counted(m, said)]
    if not spans:
        return None
    total = _span(spans[0], said)
    for match in left_out:  # 其中有6个月是补缴的, 前面1年是在昆山交的: taken off a total before it
        clause = clause_at(said, match.start())
        besides = BESIDES.search(clause) or besides_shanghais(match, spans[0], said)
        between_stays = away(match, spans, said)
        already = _ALREADY_OFF.search(clause)  # 补缴的2个月已经去掉了: not in the total said
        if match.start() > spans[0].start() and not (besides or between_stays or already):
            total = total.less(_span(match, said))
    for before, match in itertools.pairwise(spans):
        part = _span(match, said)
        between = said[spans[0].start() : match.start()]
        if _GAP.search(between):  # the gap may already be left out of a round total
            total = total.less(part, maybe_left_out=True)
        elif MORE.search(between) or employers(before, match, said):
            total = Range(
                total.low + part.low, total.high + part.high, total.said + part.said, "pair"
            )
        elif (
            PART_OF.search(between)
            and at_employer(clause_at(said, match.start()))
            and part.high <= total.high
        ):
            continue  # 交了5年，其中前两年是在老公司交的: a part of the total, already in it
        elif (
            total.kind != "exact" and part.kind == "exact" and total.low <= part.said <= total.high
        ):
            total = part  # 一年多点，14个月: a rough amount, then the exact one it stands for
        elif part.high < total.low or part.low > total.high:
            raise Unclear()  # 交了2年，1年半: a second amount, neither a part nor the same
    return total


# A gap's length said before an unpaid word, nothing paid before it: 中间有2个月没交, 后来3个月
# 没交 (not 交了3年没交了: paid, then stopped).
_UNPAID = re.compile(rf"\s*(?:是|都)?\s*(?:没交|没缴|漏交|漏缴|未交|未缴|{_UNPAID_EN})")
_LENGTH_THEN_GAP = re.compile(r"(?:^|中间|期间|其中|有|后来|之后|然后|后面)\s*(?:有)?\s*$")


def _gap_length(clause: str) -> re.Match[str] | None:
    """The gap a clause tells of: its length said after the gap word (断了半年, 离职空了4个月;
    a date before it is no length: 2021年离职), or before an unpaid word (see _UNPAID)."""
    gap = _GAP.search(clause)
    after = DURATION.search(clause, gap.end()) if gap else None
    if gap is None or after is not None:
        return after
    before = [
        m for m in DURATION.finditer(clause, 0, gap.start()) if _UNPAID.match(clause, m.end())
    ]
    unpaid = before and _LENGTH_THEN_GAP.search(clause, 0, before[-1].start())
    return before[-1] if unpaid else None


def _minus_gaps(since: Range, said: str) -> Range:
    """2018年1月开始交，中间断了半年: the months since a start, less each gap said with its
    length (see `_gap_length`)."""
    for clause in CLAUSE.finditer(said):
        length = _gap_length(clause[0])
        if length is not None:
            since = since.less(_span(length, clause[0]))
    return since


def _none_in_shanghai(text: str, today: date) -> bool:
    """外地交的，上海还没交; 去年3月在外地交的，上海还没交: nothing paid in Shanghai, and any
    months said are in a clause that says they do not count (not 上海还没交满3年)."""
    said = normalise(text)
    yet = vocabulary("hedges")["none_paid_yet"]
    clauses = CLAUSE.findall(said)
    if clauses and all(re.fullmatch(yet, words(c)) for c in clauses):
        return True
    none = vocabulary("hedges")["none_in_shanghai"]
    if re.search(none, said) is None:
        return False
    return all(
        elsewhere(clause) or re.search(none, clause)  # 上海一个月都没交过: not even one
        for clause in CLAUSE.findall(said)
        if read_months(clause, today) is not None
    )


# Shanghai left and come back to, with a date said: the span read from that date runs over the
# years away (交了3年，回老家2年，又回来交了2年 adds up: not asked).
_YEAR_SAID = re.compile(r"(?:19|20)\d\d\s*年|[今去前]年")
_LEFT_AND_BACK = re.compile(
    r"(?:离开|回老家|回了老家|去外地|去了外地|走了)[^。]*(?:又回|回来|再回|重新回)"
    r"|\bleft\b[^.]*\b(?:came back|returned|moved back)\b"
)


def parse_months(text: str, today: date) -> int | Ambiguous:
    """Months paid: 54个月, 4年半, 两年零三个月, 将近六年, 2019年3月开始交 (until today)."""
    screen(text)
    if is_none(text) or _none_in_shanghai(text, today):
        return 0
    if _LEFT_AND_BACK.search(normalise(text)) and _YEAR_SAID.search(digits(text)):
        raise Unclear()  # 2018年离开上海，2020年又回来; 2020年交了1年，回老家了，又回来交了2年
    span = read_months(text, today, paid_months=True)
    if span is None:
        bare = re.fullmatch(
            r"(?:交了|已交|缴了|一共|累计)?\s*(\d+)\s*(?:了)?", pairs_to_ranges(text)
        )
        if not bare:
            raise Unclear()
        number = int(bare[1])
        if number <= 30:
            return Ambiguous((checked_months(number * 12), number), "confirm-months")
        return checked_months(number)
    if vague(pairs_to_ranges(text)):
        raise Unclear()
    for bound in (span.low, span.high):
        checked_months(bound)
    months = decide(span, 12, "confirm-full-years")
    if isinstance(months, int) and months and all_not_counted(pairs_to_ranges(text)):
        return Ambiguous((0, months), "confirm-which")
    return months
