"""Amounts said in yuan: a number and its unit (20万, 1.5w, 8000元, 3 million), a list of one
amount per year read in one unit, and the yearly tax of an investment (parse_yuan)."""

from __future__ import annotations

import re
from collections.abc import Callable
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
from dialogs.parsing.durations import read_months
from dialogs.parsing.investment import not_the_items_tax, partners_share, young_company
from dialogs.parsing.text import Ambiguous, Unclear, digits, normalise, number, words
from dialogs.parsing.words import is_none, screen

__all__ = ["AMOUNT", "SMALLEST_YUAN", "UNITS", "in_yuan", "parse_yuan"]

# 个 between a number and a unit of ten thousands or more is said, not counted: 1个亿, 5个万.
AMOUNT = re.compile(
    r"(\d+(?:\.\d+)?)(?:~(\d+(?:\.\d+)?))?\s*(?:多|来|几)?\s*(?:个(?=\s*多?\s*[亿万w]))?\s*多?\s*"
    r"(亿|万|w|千|k|元|块|million|mn|m(?![a-z])|thousand|wan)?"
)
UNITS = {"万": 10_000, "w": 10_000, "wan": 10_000, "千": 1_000, "k": 1_000, "thousand": 1_000}
UNITS |= {"million": 1_000_000, "mn": 1_000_000, "m": 1_000_000}  # 1.5M RMB
UNITS |= {"亿": 100_000_000}
SMALLEST_YUAN = 1_000  # a bare number below this is not said in yuan for a year's tax
_NOTHING = re.compile(r"(?:从来)?(?:没有|没|无|从没|未)")
# No tax to pay, no amount said: 免税的, 零纳税, no tax yet
_NO_TAX = re.compile(
    r"免税|免征|不用交税|不用缴税|不交税|零纳税|零申报"
    r"|tax[- ]exempt|\bno tax\b|\bnot paid any tax\b"
)


def in_yuan(parts: list[str]) -> Callable[[str], float]:
    """Reads one part of a list of amounts in yuan; a part without its unit has the unit of
    the last part that says one (分别是10、20、30万). A bare number of 1,000 or more (see
    SMALLEST_YUAN) takes it only on the scale of the amounts said with their unit: 前年8000，
    去年9000，今年1万 is in yuan; a bare amount on neither scale is asked again."""
    said = [(number(m[1]), UNITS.get(m[3], 1)) for p in parts for m in AMOUNT.finditer(p) if m[3]]
    if not said:
        raise Unclear()
    last_unit = said[-1][1]

    def on_scale(amount: float) -> bool:
        return any(amount * 10 > n * unit > amount / 10 for n, unit in said)

    def read(part: str) -> float:
        found = exact_number(part)
        unit = AMOUNT.match(part, found.start())
        if unit and unit[3]:
            return number(found[0]) * UNITS.get(unit[3], 1)
        amount = number(found[0])
        if amount < SMALLEST_YUAN or on_scale(amount * last_unit):
            return amount * last_unit
        if on_scale(amount):
            return amount
        raise Unclear()

    return read


_TOTAL = re.compile(r"一共|总共|累计|合计|加起来|总计|共计|\b(?:in total|altogether|total)\b")
_ANY_DAY = date(2026, 1, 1)
_YEARLY = re.compile(r"每年|一年|年均|平均|per year|a year|annual|yearly|each year")


def _years_of_total(said: str, plain: str) -> int | tuple[int]:
    """The years an amount is the total of: 三年一共交了90万 is 3 (the question asks for each
    year's average; the words read in `plain`, the `normalise`d answer, where 一共 is no 1共);
    1 when it is each year's (每年, 年均) or no span of years is said; (N,)
    when N whole years are said with neither word (a total or each year's: asked); a span of
    years not whole (两年多交了50万) is asked again."""
    if _YEARLY.search(plain):
        return 1
    if re.search(r"(?:19|20)\d\d\s*年", said):  # 2021到2023年一共: which years, whole?
        if _TOTAL.search(plain):
            raise Unclear()
        return 1
    span = read_months(said, _ANY_DAY)  # durations only: the dates are left out above
    if span is None or span.high < 24:
        return 1
    if span.low != span.high or span.low % 12:
        raise Unclear()
    return span.low // 12 if _TOTAL.search(plain) else (span.low // 12,)


STEP_YUAN = 100_000  # 10 points per 100,000 yuan of yearly tax


def parse_yuan(text: str, today: date | None = None) -> float | Ambiguous:
    """An amount in yuan: 20万, 200000, 1.5万元, 二十来万, by personal share (公司一年纳税40万，
    我占50% -> 200000); 没有 -> 0."""
    screen(text)
    plain = normalise(text)
    nothing = _NOTHING.match(words(plain)) or _NO_TAX.search(plain)
    if is_none(text) or (nothing and not re.search(r"\d", digits(text))):
        return 0.0  # 没有交过税
    if not_the_items_tax(plain):
        return 0.0  # a company outside Shanghai: not the item's tax
    fraction, said = share(pairs_to_ranges(text).replace(",", ""))
    if fraction == 1.0:  # 一人一半, 三个人平分; partners with no share said: asked
        fraction = partners_share(text)
    listed = each_year(share(digits(text))[1])
    if listed is not None:  # 前年交了10万，去年20万，今年30万: the yearly average
        return yearly_average(listed, in_yuan(listed)) * fraction
    if vague(said):
        raise Unclear()  # 一年几十万: no amount anyone can score
    young_company(text)
    amounts = list(AMOUNT.finditer(said))
    if not amounts:
        raise Unclear()
    found = next((m for m in amounts if m[3]), amounts[-1])  # 一年交税三十万: the one in yuan
    unit = UNITS.get(found[3] or "", 1)
    if unit == 1 and not found[3] and number(found[1]) < SMALLEST_YUAN:
        # 20 alone: 20万 (the way tax is talked about), or 20 yuan? Asked.
        options = (round(number(found[1]) * 10_000 * fraction), round(number(found[1]) * fraction))
        return Ambiguous(options, "confirm-which")
    years = _years_of_total(said[: found.start()] + " " + said[found.end() :], plain)
    if isinstance(years, tuple):  # 三年交了90万: a total, or each year's?
        amount = number(found[1]) * unit * fraction
        options = (round(amount / years[0]), round(amount))
        return Ambiguous(options, "confirm-tax-total", {"years": years[0]})
    amount = number(found[1]) * unit * fraction / years
    if amount > 1e10:
        raise Unclear("error-amount-range")
    if found[2]:
        high = number(found[2]) * unit * fraction / years
        span = Range(round(amount), round(high), round(amount), "pair")
    else:
        before = said[: found.start()]
        kind = hedge(before, said[found.end(1) :])
        rest = re.sub(r"^\s*(?:元|块|人民币|rmb)", "", said[found.end() :])
        kind = kind if kind != "exact" else hedge(before, rest)
        step = unit * fraction / years * (over_round(number(found[1])) if kind == "above" else 1)
        width = {"below": (-step, -1), "above": (1, step - 1), "around": (-step, step)}
        width["open"] = (0, 3 * STEP_YUAN)
        low, high = width.get(kind, (0, 0))
        span = Range(round(amount + low), round(amount + high), round(amount), kind)
    value = decide(span, STEP_YUAN, "confirm-which")
    return float(value) if isinstance(value, int) else value
