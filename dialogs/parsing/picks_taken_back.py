"""Item numbers picked, then some taken back in a later clause: 1 5 7，哦7不算; 1,5,7 不对，
去掉5; 1 3 5 7 哦3不要. The numbers left are the pick; the words around the taking back
(哦, 还没结婚, 离婚了: why the item goes) may name no item of their own."""

from __future__ import annotations

import re
from collections.abc import Callable

from dialogs.parsing.text import CLAUSE_BREAK, digits, normalise
from dialogs.parsing.vocabulary import vocabulary

__all__ = ["taken_back"]


def taken_back(text: str, picks: Callable[[str], bool]) -> tuple[str, set[int]] | None:
    """The numbers picked, and those taken back from them; None when none is taken back, or
    a clause without a number `picks` an item by its words (then the whole is read as usual)."""
    pattern = vocabulary("choices")["taken_back"]
    said = digits(normalise(text))
    removed = {int(m[1] or m[2]) for m in re.finditer(pattern, said)}
    if not removed:
        return None
    clauses = [c for c in CLAUSE_BREAK.split(re.sub(pattern, " ", said)) if c.strip()]
    picking = [c for c in clauses if re.search(r"\d", c)]
    if not picking or any(picks(c) for c in clauses if c not in picking):
        return None
    return " ".join(re.sub(r"\D+", " ", c) for c in picking), removed
