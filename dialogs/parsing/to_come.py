"""Whole years still to come, said of a duration: 差一个月满三年, 下个月就满4年, 明年就满三年了,
过了年就满6年 -> the months they leave today."""

from __future__ import annotations

import math
import re
from datetime import date

from dialogs.parsing.amounts import Range

__all__ = ["NEXT_YEAR", "SHORT_OF", "short_of"]

# 差一个月满三年, 4年差1个月, 快满5年了，还差2个月, 5年还差半个月, 再过两个月就满3年: a month or a
# few short of whole years; 下个月就满4年, 月底满三年, 3 years next month: whole years reached
# within the month to come, one month short of them now.
# 差几个月满五年: a few months short, so one year less in full years.
SHORT_OF = re.compile(
    r"(?:差|还有|再过)(?P<m>\d+|几)个?月(?:就)?(?:要)?满?(?P<y>\d+)年"
    r"|(?P<y2>\d+)\s*年\s*(?:了|啦)?\s*[,，]?\s*(?:但是?|不过)?\s*(?:还|就)?差\s*(?P<m2>\d+(?:\.\d+)?|半)\s*个?\s*月"
    r"|(?:下个?月|下周|下星期|下礼拜|过(?:几|两|2)天|明天|后天|月底)(?:就)?(?:要)?满?(?P<y3>\d+)年"
    r"|(?P<y4>\d+) (?:full )?years? (?:next month|next week|in a (?:month|week)"
    r"|at the end of (?:the|this) month)"
)
# 明年就满三年了: whole years reached in some month of next year. Said beside the years so far
# (两年，明年就三年了), those years are the answer; alone, the months it leaves.
# 过了年就满6年: reached soon after the new year (its first months), so short of them today; said
# before 20 February, the new year is the Spring Festival still to come (it falls between 21
# January and 20 February), weeks away, not next year's.
_SPRING_FESTIVAL_LATEST = (2, 20)
NEXT_YEAR = re.compile(
    r"(?:明年|(?P<turn>过了?年|过完年|年后|过年后|春节后|开年))(?:就|才)?(?:要)?(?:满|到)?\s*(?P<y>\d+)\s*年"
)


def short_of(said: str, today: date) -> Range | None:
    """The months a whole number of years still to come leaves now (see SHORT_OF, NEXT_YEAR)."""
    short = SHORT_OF.search(said)
    if short:  # 差一个月满三年
        whole = int(short["y"] or short["y2"] or short["y3"] or short["y4"]) * 12
        if short["m"] == "几":
            return Range(whole - 11, whole - 1, whole - 6, "pair")
        short_by = short["m"] or short["m2"] or "1"
        # 差半个月: part of a month short, one month less paid in full months
        months = whole - (1 if short_by == "半" else math.ceil(float(short_by)))
        return Range(months, months, months, "exact")
    coming = NEXT_YEAR.search(said)
    if coming:
        whole = int(coming["y"]) * 12
        if coming["turn"] and (today.month, today.day) <= _SPRING_FESTIVAL_LATEST:
            return Range(whole - 2, whole - 1, whole - 1, "pair")  # the festival weeks away
        low, high = whole - (24 - today.month), whole - (13 - today.month)
        if coming["turn"]:  # the new year's first three months
            low = high - 2
        return Range(low, high, high, "pair")
    return None
