"""The social-insurance base tier.

The tier is the base on the social-insurance record as a multiple of the city's average wage
(the record shows it: 随申办 → 社保缴费记录). A salary is not a base: 月薪一万五左右 is never
turned into a tier silently; the user is told where to read the base and asked again.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date

from dialogs.parsing.alternatives import offered
from dialogs.parsing.amounts import A_LITTLE, hedge, pairs_to_ranges
from dialogs.parsing.durations import DURATION, read_months
from dialogs.parsing.mixed_tiers import mixed_tiers, over_time, without_window
from dialogs.parsing.text import (
    CLAUSE_BREAK,
    Ambiguous,
    Unclear,
    digits,
    normalise,
    number,
)
from dialogs.parsing.vocabulary import vocabulary
from dialogs.parsing.words import is_none, screen

__all__ = ["TIERS", "parse_tier", "refuse_money"]

TIERS = ((3.0, "3x"), (2.0, "2x"), (1.0, "1x"), (0.8, "0.8x"), (0.0, "none"))
_LOWEST = re.compile(r"最低|保底|下限|最少|按最低|lowest|minimum")
# 比最低的高不少, 也不是最低: above the floor, so no floor said
_ABOVE_FLOOR = re.compile(
    r"(?:比|高于)(?:最低|保底|下限)\S{0,4}?(?:高|多)|above the (?:minimum|lowest)"
    r"|(?:不是|不算|并非|不按)(?:按)?(?:最低|保底|下限)|not (?:on |at )?the (?:minimum|lowest)"
)
_HIGHEST = re.compile(r"最高|封顶|顶格|上限|最高档|highest|maximum|cap")
_AVERAGE = re.compile(r"社平|平均工资|平均|average")
# 基本上是顶格, 接近最低: near the cap or the floor, so maybe the tier next to it.
_NEARLY = re.compile(r"基本上|基本|差不多|接近|将近|快到|几乎|近乎|almost|nearly|close to")
# 接近3倍 (close to the cap) may be the cap itself; 将近3倍 (nearly) is below it.
_NEAR = re.compile(r"(?:接近|\bclose to)\s*$")
_OF_AVERAGE = re.compile(r"(?:是|为)?(?:社平|社会平均|全市平均|平均)(?:工资)?的?\s*$")
_MONEY = re.compile(r"\d{3,}|万|千|元|块|k\b|工资|薪|收入|到手|税前|税后|salary|rmb|yuan|¥|￥")
# One's own pay (not the city's average wage, not the minimum wage) said with a multiple: the
# base on the record may be another amount, unless the base is said to be the pay itself.
_OWN_PAY = re.compile(
    r"(?<!社平)(?<!平均)(?<!最低)(?:工资|薪|收入|到手|税前|税后)|\b(?:salary|income|earn\w*|pay)\b"
)
_PAID_ON_PAY = re.compile(
    r"按(?:照)?(?:我的?)?(?:实际|真实|全额|足额)?(?:的)?(?:工资|收入|薪资|薪水)"
    r"|按(?:照)?(?:实际|真实|全额|足额)(?:的)?(?:交|缴)|足额(?:缴纳|交|缴)"  # 按实际交的, 足额缴纳
    r"|(?:based on|on) (?:my )?(?:actual |full )?(?:salary|pay)"
)
# 按实际工资的80%交, 工资的一半: a share of the pay, whose multiple of the average is not said
_SHARE_OF_PAY = re.compile(
    r"(?<!社平)(?<!平均)(?<!最低)(?:工资|收入|薪资|薪水|月薪|到手)的?\s*(?:\d+(?:\.\d+)?\s*(?:%|成)|1?半)"
    r"|\d+\s*% of (?:my |the )?(?:actual )?(?:salary|pay|wage)"
)
_TIER_SAID = re.compile(r"倍|x\b|times|成|%|社平|最低|最高|封顶|顶格|下限|上限")
_MULTIPLE = re.compile(r"(\d+(?:\.\d+)?)(?:~(\d+(?:\.\d+)?))?\s*(倍|x|times|成|%)?")


def _tenths(found: re.Match[str]) -> str:
    return f"{found[1]}.{5 if found[3] else found[2]}倍"


def _tenths_pair(found: re.Match[str]) -> str:
    """八九成 (read 89成): tenths next to each other are a range; 成 never counts past 10."""
    low, high = int(found[1]), int(found[2])
    return f"{low}~{high}" if high == low + 1 else found[0]


def _tier(multiple: float) -> str:
    return next(tier for floor, tier in TIERS if multiple >= floor)


def _of_limit(said: str) -> str:
    """最低档的两倍 -> 1.2倍, 最高的一半 -> 1.5倍: a multiple of the base's floor or cap as a
    multiple of the average wage (data/tiers.yaml)."""
    data = vocabulary("tiers")
    limits = ((data["floor_words"], data["floor"]), (data["cap_words"], data["cap"]))
    for names, factor in limits:
        limit = "|".join(map(re.escape, names))
        found = re.search(
            rf"(?:{limit})[^\d,，]{{0,3}}?(?:的)?\s*(\d+(?:\.\d+)?\s*倍|1半|一半)", said
        )
        if found:
            times = 0.5 if "半" in found[1] else float(found[1].rstrip("倍 "))
            return said[: found.start()] + f"{times * float(factor):.2f}倍" + said[found.end() :]
    return said


def _started_in(clause: str, today: date) -> int | None:
    """前年才开始, 2024年起, 去年刚涨到2倍, since last year: the most months the clause's tier
    can have been paid (from January of that year), None when it says no start."""
    relative = vocabulary("dates")["relative_years"]
    names = "|".join(sorted(map(re.escape, relative), key=len, reverse=True))
    found = re.search(
        rf"(?:since\s+)?({names}|(?:19|20)\d\d)\s*年?[^,，;；。\d]{{0,4}}?(?:才|开始|起|以来|涨|升|提|调)"
        rf"|since\s+({names}|(?:19|20)\d\d)",
        clause,
    )
    if not found:
        return None
    year = found[1] or found[2]
    start = today.year - int(relative[year]) if year in relative else int(year)
    return (today.year - start) * 12 + today.month


def _months_at(clause: str, clauses: list[str], today: date) -> int | None:
    """最近两年多按3倍交的，大概26个月: the months a tier is said to have been paid, in its
    clause or in a clause that names no tier (of several tiers said, one right after its
    own); the fewest they may be (a hedge that leaves
    the months short of the tier's need is not taken as meeting it)."""
    spans = [read_months(clause, today)]
    if sum(1 for c in clauses if _TIER_SAID.search(pairs_to_ranges(c))) == 1:
        spans += [read_months(c, today) for c in clauses if not _TIER_SAID.search(c)]
    else:  # 三倍，但只交了一年，之前是最低: the clauses after a tier, up to the next tier said
        after = itertools.takewhile(
            lambda c: not _TIER_SAID.search(pairs_to_ranges(c)),
            clauses[clauses.index(clause) + 1 :],
        )
        spans += [read_months(c, today) for c in after]
    lows = [span.low for span in spans if span is not None]
    return min(lows) if lows else None


_DROP = re.compile(r"降|下调|调低|少了|dropped|lowered|went down|cut")


@dataclass(frozen=True)
class _Counted:
    """What is left of an answer once tiers paid too briefly are left out: the text whose tier
    is read, or the tier already decided over time."""

    text: str = ""
    decided: str | Ambiguous | None = None


def _recent_left_out(
    text: str, today: date, required: tuple[int, int], windows: tuple[int, int] | None = None
) -> _Counted:
    """Clauses of a tier paid too briefly to count (36 months within 4 years; 3x: 24 within 3)
    are left out: 前年才开始按两倍交，之前都是一倍 is 1x. Nothing left: asked what came before.
    A recent drop leaves the tier before it too few months of its window (以前是两倍，最近两年
    降到一倍了: 24 of 48 at 2x): the tier dropped to is the answer."""
    clauses = [c for c in CLAUSE_BREAK.split(text) if c.strip()]
    kept: list[str] = []
    told: list[tuple[str, int | None, bool]] = []  # each kept tier, its months, said as a drop
    left_out = False  # the clauses right after a tier left out say its months: left out too
    for clause in clauses:
        months = _started_in(pairs_to_ranges(clause), today)
        tier = _tier_or_none(clause)
        if left_out and not _TIER_SAID.search(pairs_to_ranges(clause)):
            continue
        left_out = False
        counted = tier is not None and not isinstance(tier, Ambiguous) and tier != "none"
        if counted and months is None:
            months = _months_at(clause, clauses, today)
        if counted and months is not None and months < required[1 if tier == "3x" else 0]:
            earlier = 1 if "3x" in (_tier_or_none(c) for c in kept) else 0
            dropped = kept and _DROP.search(clause)
            if windows and dropped and windows[earlier] - months < required[earlier]:
                return _Counted(clause)
            left_out = True
            continue
        kept.append(clause)
        if counted and isinstance(tier, str):
            told.append((tier, months, bool(_DROP.search(clause))))
    said_tier = any(_TIER_SAID.search(pairs_to_ranges(clause)) for clause in kept)
    if not kept or (len(kept) < len(clauses) and not said_tier):
        raise Unclear("error-tier-too-recent", said=text.strip())
    decided = over_time(told, required)
    if decided is not None:
        return _Counted(decided=decided)
    return _Counted(text if len(kept) == len(clauses) else "，".join(kept))


_SOME_TENTHS = re.compile(r"(?<![\d.])(\d|两)\s*(?:点|\.)\s*几")
_BASE_SAID = re.compile(r"基数|\bbase\b")
_CALENDAR_YEAR = re.compile(r"(?<![\d.])(?:19|20)\d\d\s*(?=年|[./-]\d)")


def refuse_money(text: str) -> None:
    """基数一万五, 月薪一万八: an amount of yuan where a multiple of the average wage is asked is
    never converted (this bot cites no average wage): the base's own amount (基数…, 按实际工资
    交…) is told what multiple to look for, a salary that it is not the base; both where the
    record shows it. A calendar year (2021年3月) is no amount."""
    said = _CALENDAR_YEAR.sub(" ", _of_limit(pairs_to_ranges(text)))
    multiple = re.search(r"倍|x|times|%|成", said)  # 150%: a multiple, not 150 yuan
    numbered = re.search(r"\d", re.sub(r"(?<![\d.])1点(?![\d.])", "", said))  # 高一点: no 1
    if numbered and _MONEY.search(said) and not multiple:
        words = normalise(text)
        base = _BASE_SAID.search(words) or _PAID_ON_PAY.search(words)
        raise Unclear("error-tier-base-amount" if base else "error-tier-money", said=text.strip())


def _tier_or_none(clause: str) -> str | Ambiguous | None:
    try:
        return _tier_of(clause)
    except ValueError:
        return None


def parse_tier(
    text: str,
    today: date | None = None,
    required: tuple[int, int] | None = None,
    windows: tuple[int, int] | None = None,
) -> str | Ambiguous:
    """2倍, 两倍, 1倍多, 0.8, 八成, 3倍以上, 社平, 最低, twice the average -> a tier; 2倍左右 (two
    tiers) -> ask. `required`: the months a tier needs (0.8x-2x, 3x), to leave out a tier said
    to have begun too recently; `windows`: the months each looks back over (0.8x-2x, 3x)."""
    screen(text)
    if is_none(text):
        return "none"
    text = without_window(text)
    told = today is not None and any(  # how long at a tier, or since when: read whole
        read_months(c, today) is not None or _started_in(pairs_to_ranges(c), today) is not None
        for c in CLAUSE_BREAK.split(text)
    )
    mixed = mixed_tiers(text, _tier_or_none, told)  # 有时候1倍有时候2倍: asked, not the first one
    if mixed is not None:
        return mixed
    if today is not None and required is not None:
        counted = _recent_left_out(text, today, required, windows)
        if counted.decided is not None:
            return counted.decided  # decided over time: the highest tier met, or a drop asked
        text = counted.text
    return _tier_of(text)


# 三倍，没到; 2x, but not quite: a shortfall said alone in the clause after a tier is of that
# tier, as 三倍没到 is (也可能不到 stays a hedge on either side of it: amounts.hedge)
_SHORTFALL_AFTER = re.compile(
    r"((?:倍|x|times|成|%|社平|平均工资|average)\s*)[,，]\s*(?:but\s+|但是?|不过|其实|实际上?)?\s*"
    r"(?:还|也还|都还)?(?:没到|没有到|没达到|不到|不足|不够|没满|不满|未满|差一点|差点|还差点"
    r"|not quite|not yet|not reached|not that (?:high|much)"
    r"|(?:a bit |a little |slightly )?(?:less|under))"
    r"\s*(?:吧|呢|啊|呀|哦)?\s*(?=[,，;；。.!！]|$)"
)
# 可能两倍，也可能三倍; either 2x or 3x: the word before the first alternative pairs with the
# marker before the second, no hedge of the first
_PAIRED = re.compile(
    r"^\s*(?:可能是?|也许是?|或许是?|要么是?|或者是?|either|maybe|possibly|perhaps)\s*"
)


def _as_said(text: str) -> str:
    return _SHORTFALL_AFTER.sub(r"\1不到", pairs_to_ranges(text))


def _offered(said: str) -> str | Ambiguous | None:
    """两倍，或者三倍; 2x, or maybe 3x: tiers offered as alternatives, each side read alone ->
    every tier either side may be, asked when more than one; None when no two tiers are offered
    (a side that reads as nothing, 也可能不到, leaves the whole to be read)."""
    found = offered(_PAIRED.sub("", said))
    if found is None:
        return None
    _joined, *sides = found
    try:
        readings = [_tier_of(side) for side in sides]
    except ValueError:
        return None
    options = {o for r in readings for o in (r.options if isinstance(r, Ambiguous) else (r,))}
    tiers = tuple(tier for _floor, tier in TIERS if tier in options)
    return tiers[0] if len(tiers) == 1 else Ambiguous(tiers, "confirm-tier")


def _tier_of(text: str) -> str | Ambiguous:
    as_said = _as_said(text)
    offered = _offered(as_said)
    if offered is not None:
        return offered
    # 一点几倍, 两点几倍: 1.1 to 1.9, 2.1 to 2.9
    plain = _SOME_TENTHS.sub(lambda f: "{0}.1~{0}.9".format(f[1].replace("两", "2")), as_said)
    said = _of_limit(plain)
    limited = said != plain  # 最高档的一半 is no cap, 最低档的两倍 no floor
    words = normalise(text)
    if _SHARE_OF_PAY.search(digits(words)):
        raise Unclear("error-tier-money", said=text.strip())
    refuse_money(text)
    if _HIGHEST.search(words) and not limited:  # 基本上是顶格: 3x, or just below it
        return Ambiguous(("3x", "2x"), "confirm-tier") if _NEARLY.search(words) else "3x"
    if _LOWEST.search(words) and not re.search(r"\d", said) and not _ABOVE_FLOOR.search(words):
        return Ambiguous(("0.8x", "none"), "confirm-tier") if _NEARLY.search(words) else "none"
    if _OWN_PAY.search(words) and not _PAID_ON_PAY.search(words):
        # 我工资是社平的两倍: the base may not be the pay
        raise Unclear("error-tier-money", said=text.strip())
    said = re.sub(r"(?<![\d.])(?:19|20)\d\d\s*年", " ", said)  # 2021年开始按2倍: a year
    said = DURATION.sub(" ", said)  # 按3倍交了26个月: how long, not how many times
    # 一倍二 is 1.2倍, 一倍半 1.5倍 (a hedge before them holds the tenths too)
    said = re.sub(r"(?<![\d.])(\d)倍(?:(\d)(?![\d.倍万千百个年月])|(半))", _tenths, said)
    said = A_LITTLE.sub("一点", said)  # 低一点 (cn2an: 低1点), 差一丁点 are no number
    said = re.sub(r"(?<![\d.~])(\d)(\d)(?=\s*成)", _tenths_pair, said)  # 八九成: 8~9成
    found = _MULTIPLE.search(said)
    # 社平的0.8 is a multiple said without 倍; 社平 alone, or with a sum, is not
    bare = found is not None and not re.search(r"倍|x|times|成|%", said) and number(found[1]) > 3
    if not found or (_AVERAGE.search(words) and bare):
        if _AVERAGE.search(
            words
        ):  # 社平, 比社平低一点 (cn2an reads 一点 as 1点)  # 社平, 和社平差不多
            below = (
                r"不到|没到|没有到|没达到|达不到|低于|以下|不足|低一点|低些|少于|比\S{0,8}低|差一?点|差一些"
                r"|below|under|lower|less"
            )
            if re.search(below, words):
                return Ambiguous(("0.8x", "none"), "confirm-tier")
            if re.search(r"差不多|左右|接近|上下|大概|about|around", words):
                return Ambiguous(("1x", "0.8x"), "confirm-tier")
            if re.search(r"高一?点|高一?些|稍|略|a bit|slightly|a little", words):
                return "1x"  # 比社平高一点: just above it, under twice it
            if re.search(r"以上|超过|高于|比\S{0,8}高|高出|above|over|higher|more than", words):
                return Ambiguous(("2x", "1x"), "confirm-tier")
            return "1x"
        raise Unclear()
    unit = found[3] or ""
    scale = {"成": 0.1, "%": 0.01}.get(unit, 1.0)
    low = number(found[1]) * scale
    # 两三倍, 2到3倍: either multiple; 2到3倍之间: between them, below 3
    between = 0.01 if re.search(r"之间|中间|between", said) else 0.0
    high = number(found[2]) * scale - between if found[2] else low
    if not unit and max(low, high) > TIERS[0][0]:
        # a bare 5 or 10 is no multiple the base can be (3x at most): money, a count of years?
        raise Unclear("error-tier-money", said=text.strip())
    if high > 10:
        raise Unclear("error-tier-range")
    # 大概是社平的两倍: the hedge is said before what the multiple is of
    before = _OF_AVERAGE.sub("", said[: found.start()])
    kind = hedge(before, said[found.end() :])
    if kind == "below" and low == TIERS[0][0] and _NEAR.search(before):
        return Ambiguous(("3x", "2x"), "confirm-tier")  # 接近3倍: near the cap may be at it
    if kind == "below":
        low, high = max(low - 0.5, 0), low - 0.01
    elif kind == "around" and not found[2]:  # 1.1倍左右: within a twentieth (八九成左右: as said)
        low, high = low * 0.95, high * 1.05
    elif kind == "open" and low in (floor for floor, _tier in TIERS):
        high = low  # 0.8倍以上: the tiers are "at least", so this is the 0.8x tier
    elif kind in ("above", "open"):  # 1倍多: up to half more; 八成多, 1.5倍多: the next tenth
        step = 0.1 if scale != 1.0 or "." in found[1] else 0.5
        high = low + step - 0.01 if low < 3 else low
    if _tier(low) == _tier(high):
        return _tier(high)
    return Ambiguous((_tier(high), _tier(low)), "confirm-tier")
