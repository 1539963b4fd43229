"""Two values offered as alternatives: 好像是一倍，也可能是零点八; 中级工或者高级工; 35 or 36;
中级还是高级来着 (还是 only before a doubt that ends the answer: 来着, 吧, ?, 记不清).

Each side is read alone with the question's parser. Sides that give different values make the
answer ambiguous between them (the user picks), whatever the whole would have read as: a
parser reading the whole takes one of them (the first, or the higher), silently. A side that
reads as nothing, or sides that agree (one of them may be read as the other is), leave the whole
answer to the parser.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from dialogs.parsing.age_points import age_on
from dialogs.parsing.text import CLAUSE_BREAK, Ambiguous, Parser, Unclear, normalise, words
from dialogs.parsing.vocabulary import built, vocabulary

__all__ = ["alternative_marker", "either", "offered"]


def alternative_marker() -> re.Pattern[str]:
    """What joins two alternatives (，也可能是; 或者; or maybe), built once with `built`."""
    return re.compile(str(vocabulary("words")["alternatives"]))


def _pickable(value: Any) -> bool:
    """A value a confirm button can carry: a listed choice's (a str, a bool) or a whole number."""
    return isinstance(value, str | bool | int) or (isinstance(value, float) and value.is_integer())


def _options(reading: Any, today: date) -> tuple[Any, ...]:
    """The values a side leaves; a date of birth as the age it makes (90年3月5号或者36 agree)."""
    options = reading.options if isinstance(reading, Ambiguous) else (reading,)
    return tuple(
        int(o) if isinstance(o, float) else age_on(o, today) if isinstance(o, date) else o
        for o in options
    )


def _agree(first: tuple[Any, ...], second: tuple[Any, ...]) -> bool:
    """技师，或者说二级: a side read one way, and a side that may be read that way (二级: a skill
    level, or a title's level), say the same thing."""
    return any(
        len(one) == 1 and one[0] in other for one, other in ((first, second), (second, first))
    )


def _read(parse: Parser, leading: list[str], side: str, today: date) -> Any:
    if leading:
        try:
            return parse("，".join([*leading, side]), today)
        except ValueError:
            pass
    return parse(side, today)


def offered(said: str) -> tuple[str, str, str] | None:
    """Two values offered as alternatives in `said` (normalised): the words joining them and
    each side, without the doubt after the second (三十或者三十一，记不清了: which of the two);
    None when no two are offered (no joining words, or nothing on one side)."""
    marker = built(alternative_marker).search(said)
    if marker is None:
        return None
    doubt = vocabulary("words")["doubt_alone"]
    right = [c for c in CLAUSE_BREAK.split(said[marker.end() :]) if c.strip()]
    while len(right) > 1 and re.match(doubt, words(right[-1])):
        right.pop()
    sides = [said[: marker.start()], "，".join(right)]
    if not all(side.strip(" ,，。") for side in sides):
        return None
    return marker[0], sides[0], sides[1]


def either(parse: Parser, text: str, today: date) -> Any:
    """The answer's value, or an `Ambiguous` when its alternatives differ."""
    found = offered(normalise(text))
    if found is None:
        return parse(text, today)
    joined, *sides = found
    # 电工证，好像是中级还是高级来着: the right side is read with the clauses that lead the left
    # (高级 of 电工证, a skill level), else alone
    leading = [c for c in CLAUSE_BREAK.split(sides[0])[:-1] if c.strip()]
    try:
        readings = [
            _options(parse(sides[0], today), today),
            _options(_read(parse, leading, sides[1], today), today),
        ]
    except ValueError:
        if "还是" in joined:  # 焊工证三级还是四级来着: a doubt between values, never the first
            raise Unclear() from None
        return parse(text, today)
    options = tuple(dict.fromkeys(o for reading in readings for o in reading))
    if len(options) == 1 or _agree(*readings):
        return parse(text, today)
    if not all(map(_pickable, options)):
        return parse(text, today)
    return Ambiguous(options, "confirm-which")
