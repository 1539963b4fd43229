"""Two values offered as alternatives: 好像是一倍，也可能是零点八; 中级工或者高级工; 35 or 36.

Each side is read alone with the question's parser. Sides that give different values make the
answer ambiguous between them (the user picks), whatever the whole would have read as: a
parser reading the whole takes one of them (the first, or the higher), silently. A side that
reads as nothing, or sides that agree, leave the whole answer to the parser.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from dialogs.parsing.text import Ambiguous, Parser, normalise
from dialogs.parsing.vocabulary import built, vocabulary

__all__ = ["either"]


def _marker() -> re.Pattern[str]:
    return re.compile(str(vocabulary("words")["alternatives"]))


def _pickable(value: Any) -> bool:
    """A value a confirm button can carry: a listed choice's (a str, a bool) or a whole number."""
    return isinstance(value, str | bool | int) or (isinstance(value, float) and value.is_integer())


def _options(reading: Any) -> tuple[Any, ...]:
    options = reading.options if isinstance(reading, Ambiguous) else (reading,)
    return tuple(int(o) if isinstance(o, float) else o for o in options)


def either(parse: Parser, text: str, today: date) -> Any:
    """The answer's value, or an `Ambiguous` when its alternatives differ."""
    sides = built(_marker).split(normalise(text), maxsplit=1)
    if len(sides) != 2 or not all(side.strip(" ,，。") for side in sides):
        return parse(text, today)
    try:
        readings = [_options(parse(side, today)) for side in sides]
    except ValueError:
        return parse(text, today)
    options = tuple(dict.fromkeys(o for reading in readings for o in reading))
    if len(options) == 1 or not all(map(_pickable, options)):
        return parse(text, today)
    return Ambiguous(options, "confirm-which")
