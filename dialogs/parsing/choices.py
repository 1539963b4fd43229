"""Picking from a list: the bonus items (by number, ordinal or words), awards, small counts,
and ordinals at any list (选第三个, 最后一个)."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from dialogs.parsing.amounts import Range, decide, hedge, pairs_to_ranges, vague
from dialogs.parsing.text import Ambiguous, Unclear, digits, normalise, words
from dialogs.parsing.vocabulary import Match, Scanner, contains, vocabulary
from dialogs.parsing.words import is_none, screen

__all__ = ["BONUS_ITEMS", "ordinal", "parse_award", "parse_bonus", "parse_count"]

BONUS_ITEMS: tuple[str, ...] = tuple(vocabulary("choices")["bonus_items"])
MAX_COUNT = 60
_DENIED = re.compile(r"\s*(?:也|都|并|还)?(?:不是|没有|不算|不|没)")
MAX_ORDINAL = 20  # 倒数第二个, the last one: a pick is short


def ordinal(text: str, size: int) -> int | None:
    """The 1-based position 选第三个 / 最后一个 / 3 names in a list of `size`, or None."""
    if len(text) > MAX_ORDINAL:
        return None
    said = words(normalise(text))
    data = vocabulary("choices")
    if said in {str(w).replace(" ", "") for w in data["last"]}:
        return size
    if said in {str(w) for w in data["second_last"]}:
        return size - 1
    plain = words(digits(text))
    for pattern in data["ordinal_patterns"]:
        found = re.fullmatch(pattern, plain)
        if found:
            return int(found[1])
    return None


@cache
def _bonus_words() -> Scanner:
    items = vocabulary("choices")["bonus_items"]
    return Scanner({str(w): item for item, ws in items.items() for w in ws})


def _none_of_them(said: str) -> bool:
    return is_none(said) or words(said) in {
        str(w).replace(" ", "") for w in vocabulary("choices")["none_of_them"]
    }


def parse_bonus(text: str, today: date | None = None) -> tuple[str, ...]:
    """Item numbers ("1 3", "1、3", "13", 第一和第三个), or words naming items; 都不符合 -> ()."""
    screen(text)
    said = normalise(text)
    if _none_of_them(said):
        return ()
    data = vocabulary("choices")
    numbered = re.sub(r"第|个|项|条|号|选", "", digits(text))
    tokens = re.findall(r"\d+", numbered)
    picked: set[int] = set()
    named: list[Match] = []
    if tokens and not re.sub(rf"\d+|{data['separators']}", "", numbered):
        for token in tokens:
            whole = int(token) <= len(BONUS_ITEMS)
            for number in [int(token)] if whole else [int(d) for d in token]:
                if not 1 <= number <= len(BONUS_ITEMS):
                    raise Unclear("error-bonus-number", most=len(BONUS_ITEMS))
                picked.add(number)
    else:
        negators = tuple(str(n) for n in data["negators"])
        named = _bonus_words().scan(said)
        for match in named:
            after = re.split(r"[,，;；。]", said[match.end :])[0]
            if said[: match.start].rstrip().endswith(negators) or _DENIED.match(after):
                continue  # 不是应届, 配偶也不是上海的
            picked.add(BONUS_ITEMS.index(match.meaning) + 1)
    if not picked and not named:  # all named items denied: none of them
        raise Unclear()
    return tuple(BONUS_ITEMS[i - 1] for i in sorted(picked))


def parse_award(text: str, today: date | None = None) -> str | Ambiguous:
    screen(text)
    if is_none(text):
        return "none"
    said = normalise(text)
    for award, phrases in vocabulary("choices")["awards"].items():
        if contains(said, phrases):
            return str(award)
    if "市级" in said or "市里" in said:
        return Ambiguous(("city_comprehensive", "city_specific"), "confirm-which")
    raise Unclear()


def parse_count(text: str, today: date | None = None) -> int | Ambiguous:
    """A small whole number: 2次, 两次, 没有 -> 0; 十来个 -> asked when it spans two."""
    screen(text)
    bare = words(normalise(text))
    if is_none(text) or re.fullmatch(r"(?:没有|没|无|零|0)\s*(?:次|个|人|回)?", bare):
        return 0
    if re.match(r"(?:从来)?(?:没有|没|无|从没|未)", bare) and not re.search(r"\d", digits(text)):
        return 0  # 没犯过罪, 没被拘留过
    said = pairs_to_ranges(text)
    if vague(said):
        raise Unclear()
    found = re.search(r"(\d+)(?:~(\d+))?", said)
    if not found:
        raise Unclear()
    count = int(found[1])
    if count > MAX_COUNT:
        raise Unclear("error-count-range", value=count)
    if found[2]:
        return decide(Range(count, int(found[2]), count, "pair"), 1, "confirm-which")
    if hedge(said[: found.start()], said[found.end() :]) != "exact":
        raise Unclear()
    return count
