"""Amounts said in yuan: a number and its unit (20万, 1.5w, 8000元, 3 million), and a list of
one amount per year read in one unit."""

from __future__ import annotations

import re
from collections.abc import Callable

from dialogs.parsing.amounts import exact_number
from dialogs.parsing.text import Unclear, number

__all__ = ["AMOUNT", "SMALLEST_YUAN", "UNITS", "in_yuan"]

AMOUNT = re.compile(
    r"(\d+(?:\.\d+)?)(?:~(\d+(?:\.\d+)?))?\s*(?:多|来|几)?\s*"
    r"(万|w|千|k|元|块|million|mn|m(?![a-z])|thousand|wan)?"
)
UNITS = {"万": 10_000, "w": 10_000, "wan": 10_000, "千": 1_000, "k": 1_000, "thousand": 1_000}
UNITS |= {"million": 1_000_000, "mn": 1_000_000, "m": 1_000_000}  # 1.5M RMB
SMALLEST_YUAN = 1_000  # a bare number below this is not said in yuan for a year's tax


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
