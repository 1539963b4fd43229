"""Bonus items picked by their numbers in the list shown: 1 3, 1、3, 13 (each digit an item when
the number is beyond the list), 第一和第三个, 一到三 (each number of the span), 前两个 and 后三个
(the first or last items), 7，哦还有5 and options 2 and 6 (the words around the numbers pick
nothing)."""

from __future__ import annotations

import re

from dialogs.parsing.text import Unclear, digits
from dialogs.parsing.vocabulary import vocabulary

__all__ = ["by_number", "numbers_only"]


def by_number(numbered: str, size: int) -> set[int]:
    picked: set[int] = set()
    for token in re.findall(r"\d+", numbered):
        whole = int(token) <= size
        for number in [int(token)] if whole else [int(d) for d in token]:
            if not 1 <= number <= size:
                raise Unclear("error-bonus-number", most=size)
            picked.add(number)
    return picked


def _spans(numbered: str, size: int) -> str:
    """一到三, 1-3: the item numbers from the first to the last (1 2 3), within the list."""

    def span(m: re.Match[str]) -> str:
        first, last = int(m[1]), int(m[2])
        return " ".join(map(str, range(first, last + 1))) if first < last <= size else m[0]

    return re.sub(vocabulary("choices")["number_span"], span, numbered)


def numbers_only(text: str, size: int) -> str | None:
    """The item numbers of an answer that says nothing but them (data/choices.yaml
    number_fillers and separators around them); None when it says more."""
    data = vocabulary("choices")
    said = re.sub(data["first_items"], lambda m: f"1到{m[1] or m[2]}", digits(text))  # 前两个: 1到2
    said = re.sub(data["last_items"], lambda m: f"{size - int(m[1] or m[2]) + 1}到{size}", said)
    numbered = _spans(re.sub(data["number_fillers"], "", said), size)
    if re.search(r"\d", numbered) and not re.sub(rf"\d+|{data['separators']}", "", numbered):
        return numbered
    return None
