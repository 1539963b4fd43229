"""The base condition of 中级/高级 titles and skill levels 二级/一级: in the last 12 months, at
least 6 with a social-insurance base of at least the city's average wage. A number of months
said (只有4个月达到, 正好6个月, 今年刚入职3个月, 半年不到) decides it against 6; otherwise the
answer is a yes or a no."""

from __future__ import annotations

import re
from datetime import date

from dialogs.parsing.durations import read_months
from dialogs.parsing.money import TIERS, parse_tier, refuse_money
from dialogs.parsing.text import CLAUSE_BREAK, Ambiguous, Unclear, clause_at, normalise
from dialogs.parsing.vocabulary import Scanner, built, contains, vocabulary
from dialogs.parsing.words import screen
from dialogs.parsing.yes_no import parse_yes_no, said_yes_or_no

__all__ = ["parse_base_condition"]

WINDOW, NEEDED = 12, 6
_MONTHS_SAID = re.compile(r"月|半年|months?")
# 有3个月没达到: the months said are those below the average wage.
_BELOW_AFTER = re.compile(
    r"^\s*(?:的)?(?:都|是|时间)?(?:没|没有|未|不够|低于|达不到|不到社平|不到平均|below)"
)

# 一个月都没有, 1个月也没够: not even one month at the average wage (no); 一个月都没低于: not one
# month below it (yes).
_NOT_EVEN_ONE = re.compile(
    r"(?:一|1)\s*(?:个)?月\s*(?:都|也)\s*(?:没|不|未)|not (?:a|one)(?: single)? month"
)
_BELOW = re.compile(r"低于|不到|不够|达不到|below|under|less")


# The window itself named before the months in it: 12个月里有8个月, 过去一年中有4个月.
_WINDOW_SAID = re.compile(
    r"(?:(?:过去|最近|近)(?:12|十二|一|1)\s*(?:个月|年)|(?:12|十二|一|1)\s*(?:个月|年)(?=\s*(?:里|中|当中|之中|内|以内)))"
    r"\s*(?:里面|里|中|当中|之中|内|以内)?\s*(?:有|,|，)?"
)
# A change of the base since a date (去年7月开始基数就上去了 / 降到最低了).
_SINCE_A_DATE = re.compile(r"年\s*\d{1,2}\s*月.{0,4}(?:开始|起|以来|之后|后)")
# 最近半年才涨上去: a loose half year, said as only just, reaches the need of six months, or not.
# 有半年吧, 大概半年: about six months, maybe five.
_ROUGH_HALF = re.compile(
    r"(?:最近|近|这)半年.{0,4}?才|半年(?:左右|来|吧|上下|的样子)"
    r"|(?:大概|大约|差不多|估计|可能|好像|应该|约)(?:是|有)?半年"
)
_NOT_PAID = re.compile(
    r"失业|断缴|断交|停缴|停交|没交|没缴|没上班|没工作|待业|离职|unemployed|out of work"
)
# Nothing paid all this year (今年一直没工作, 今年都没交社保, 今年一直失业).
_NONE_THIS_YEAR = re.compile(
    r"今年(?:以来)?(?:一直|都|全年|整年)(?:没有?|未)(?:工作|上班|交|缴|参保)|今年(?:一直|都)(?:失业|待业|断缴|停缴)"
    r"|\b(?:not|haven'?t) (?:worked|paid|been working) (?:at all )?this year\b"
)
# An adjustment said with no direction (7月调的基数): the months before it are not said.
_ADJUSTED = re.compile(r"调(?![上高低])|调整|变动|变了|adjusted|changed")
_DOWN = re.compile(r"降|低于|最低|下限|不够|没达到|达不到|少了|below|dropped|lower")
_UP = re.compile(r"上去|涨|提高|提了|调高|达到|超过|高于|以上|够了|raised|above|went up")
_UP_SINCE = re.compile(r"上去|涨|提高|提了|调高|达到|够了|raised|went up")


def _share_scanner() -> Scanner:
    share = vocabulary("yes_no")["months_share"]
    return Scanner(
        {str(p): True for p in share["enough"]} | {str(p): False for p in share["short"]}
    )


# Said after a share, in its clause, the share is of the months below the average wage (大部分
# 月份都不够, a few were short, 一半以上是按最低交的).
_SHORT_OF = re.compile(_DOWN.pattern + r"|不到|没有?到|不足|short|under|not enough")


def _clause_rest(said: str, at: int) -> str:
    return CLAUSE_BREAK.split(said[at:], maxsplit=1)[0]


def _share_said(said: str) -> bool | None:
    """一半以上的月份都是 -> True, 不到一半 -> False, 大部分都不够 -> False (a share of the months
    below is one of those above turned round); None when no share of the months is said. Shares
    that disagree (大部分够，少数够), some months enough and some not (有的月份够有的不够), about
    half (大概一半: maybe five), or some of them back-paid (前几个月是补缴的), are asked."""
    share = vocabulary("yes_no")["months_share"]
    if contains(said, share["mixed"]) or re.search(share["back_paid"], said):
        raise Unclear()
    matches = built(_share_scanner).scan(said)
    if not matches:
        return None
    if any(m.phrase in share["half"] for m in matches) and contains(said, share["rough"]):
        raise Unclear()
    readings = {
        bool(m.meaning) != bool(_SHORT_OF.search(_clause_rest(said, m.end))) for m in matches
    }
    if len(readings) > 1:
        raise Unclear()
    return readings.pop()


# 9月份才调上去的, 5月起降到最低了, 去年11月开始降到最低了: the calendar month the base went up
# or down in, its year unsaid (the last twelve months'), 今年, 去年 or a year said.
_CHANGED_IN = re.compile(
    r"(?<![\d.~个])(?:(今年|去年|(?:19|20)\d\d\s*年)|(?<!年))\s*(\d{1,2})\s*月\s*份?"
    r"([^,，;；。]{0,12})"
)


def _months_since(year_said: str | None, month: int, today: date) -> int:
    """The months from `month` of the year said to today, both ends counted, at most the
    window: 去年11月 on 2026-11-29 is 13 (all twelve), 5月 with no year is 7."""
    if year_said is None or year_said == "今年":
        return (today.month - month) % WINDOW + 1
    year = today.year - 1 if year_said == "去年" else int(year_said.rstrip(" 年"))
    return max(0, min(WINDOW, (today.year - year) * WINDOW + today.month - month + 1))


def _changed_in_month(said: str, today: date) -> bool | None:
    """Up since a month: the months since it (both ends counted) are those at the average
    wage; down since it, the months before it, so down since last November is a no. Six
    exactly is asked (is this month's base on the record yet?); None when no such month is
    said, or one still to come."""
    found = _CHANGED_IN.search(said)
    if found is None or not 1 <= int(found[2]) <= WINDOW:
        return None
    up, down = _UP.search(found[3]), _DOWN.search(found[3])
    since = _months_since(found[1], int(found[2]), today)
    if since == 0:
        return None
    if not (up or down) and _ADJUSTED.search(found[3]):
        return _adjusted(since, _by_multiple(said[found.end() :]))
    if bool(up) == bool(down):
        return None
    enough = since if up else WINDOW - since
    if enough == NEEDED:
        raise Unclear()
    return enough > NEEDED


def _adjusted(since: int, after: bool | None) -> bool | None:
    """7月调的基数，调完是1倍以上: the level after an adjustment of no direction said holds for
    the months since it; the months before it are not said, so it decides only when those
    months decide alone (asked otherwise); None when no level after it is said."""
    if after is None:
        return None
    if after and since >= NEEDED:
        return True
    if not after and WINDOW - since < NEEDED:
        return False
    raise Unclear()


# A multiple of the average wage said (按两倍交, 社平的1.5倍, 差一点到平均线): the base itself;
# not when the answer tells a change or denies (从来没低于过平均工资: a yes, by yes_no.yaml).
_MULTIPLE_SAID = re.compile(r"倍|成|%|社平|平均|average|times")
_NEGATED = re.compile(r"没|未|从不|never|not")


def _by_multiple(text: str) -> bool | None:
    """最近一年都是按两倍交的 -> True, 八成 -> False: the tier the base is said at, against the
    average wage; None when no multiple is said or its tiers fall on both sides (asked)."""
    try:
        read = parse_tier(text)
    except ValueError:
        return None
    at_least = {tier for floor, tier in TIERS if floor >= 1}
    sides = {
        option in at_least for option in (read.options if isinstance(read, Ambiguous) else (read,))
    }
    return sides.pop() if len(sides) == 1 else None


def _multiple_said(said: str, text: str) -> bool | None:
    """The base said as a multiple, in an answer that tells no change (没低于过, 涨上去了: a
    story; 一直在一倍以上, a level, is the base itself). With a denial in it and no months, the
    multiple of a clause that denies nothing, and the yes or no of the other clauses must agree
    with it (是0.9倍，没有 is a no; 1.5倍，没有 is asked)."""
    if _UP_SINCE.search(said) or _DOWN.search(said) or not _MULTIPLE_SAID.search(said):
        return None
    if not _NEGATED.search(said):
        return _by_multiple(text)
    if _MONTHS_SAID.search(said):
        return None
    clauses = [c for c in re.split(r"[,，;；。]", said) if c.strip()]
    for at, clause in enumerate(clauses):
        if _NEGATED.search(clause) or not _MULTIPLE_SAID.search(clause):
            continue
        multiple = _by_multiple(clause)
        rest = "，".join(clauses[:at] + clauses[at + 1 :])
        answer = said_yes_or_no(rest)
        if answer is not None and answer != multiple:
            raise Unclear()
        return multiple
    return None


# The base said to be the pay (基数跟工资一样, 按实际工资交): what is said of the pay after it is
# said of the base (月薪比平均工资低一些 is a base below the average).
_BASE_IS_PAY = re.compile(
    r"基数\s*(?:跟|和|与|就是|等于|按)\s*(?:实际)?(?:工资|月薪|收入)(?:一样|相同|一致|交的?|走)?"
)
_PAY = re.compile(r"工资|月薪|收入|薪水")


def parse_base_condition(text: str, today: date) -> bool:
    screen(text)
    base_is_pay = _BASE_IS_PAY.search(normalise(text))
    if base_is_pay:
        rest = normalise(text)[base_is_pay.end() :].lstrip("，,;； ")
        if rest:  # 基数和工资一样，是社平的八成: the rest is said of the base
            text = _PAY.sub("基数", rest, count=1)
    said = normalise(text)
    if (share := _share_said(said)) is not None:
        return share
    if (changed := _changed_in_month(said, today)) is not None:
        return changed
    if _NONE_THIS_YEAR.search(said) and today.month > WINDOW - NEEDED:
        return False  # 今年一直没工作: this year's months unpaid leave fewer than 6 of the 12
    said = _WINDOW_SAID.sub("", said)  # 12个月里有8个月够: the 8 months
    if not_one := _NOT_EVEN_ONE.search(said):
        return bool(_BELOW.search(said[not_one.end() :]))
    span = read_months(said, today) if _MONTHS_SAID.search(said) else None
    unit = _MONTHS_SAID.search(said)
    unpaid = unit is not None and _NOT_PAID.search(clause_at(said, unit.start())) is not None
    if unpaid:
        span = None  # 失业了半年: months with no base at all, not months at the average wage
    if span is not None and span.high > WINDOW and _SINCE_A_DATE.search(said):
        # 去年7月开始基数就上去了: since before the window, every month of it, up or down
        if _DOWN.search(said):
            return False
        if _UP.search(said):
            return True
    multiple = _multiple_said(said, text)
    if (span is None or span.low >= NEEDED) and multiple is not None:
        return multiple  # 基数是社平的1.5倍，一直这样
    if unpaid and multiple is None and parse_yes_no(text) is not False:
        raise Unclear()  # 有半年失业了: the other months not said (有 is no yes); 没有 stands
    if span is None or span.high > WINDOW:
        try:
            return parse_yes_no(text)
        except ValueError:
            refuse_money(text)  # 基数两万多: never compared with an average wage we cannot cite
            raise
    low, high = span.low, span.high
    unit = re.search(r"(?:个)?月|半年|months?", said)
    if unit and _BELOW_AFTER.match(said[unit.end() :]):
        low, high = WINDOW - high, WINDOW - low
    if low == NEEDED and _ROUGH_HALF.search(said):
        raise Unclear()  # 最近半年才涨上去: about six months, maybe five
    if low >= NEEDED:
        return True
    if high < NEEDED:
        return False
    raise Unclear()
