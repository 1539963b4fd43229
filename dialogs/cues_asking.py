"""What a text asks or names beside a request, read with the markers of dialogs/intents.yaml:
a question (asks, asks_yes_or_no), how the points add up (asks_overview), a marker of a kind
(says), the person a calculation is for (for_whom)."""

from __future__ import annotations

from functools import cache

from dialogs.cues import Cues, compiled
from dialogs.cues_fields import named_field
from dialogs.intent_table import data, markers, typos
from dialogs.parsing import normalise

__all__ = ["asks", "asks_overview", "asks_yes_or_no", "for_whom", "says"]

_SAID_IN_FULL = {"妈": "妈妈", "爸": "爸爸"}  # a person named short after 我 (给我妈估个分)


def for_whom(text: str) -> str:
    """The person a calculation is asked for (帮我老公算一下: 老公; for my wife: wife), "" when it
    is the user's own."""
    said = typos().correct(normalise(text).strip())
    who = next((m.group("who") for m in markers("for_someone_else").found(said)), "")
    return _SAID_IN_FULL.get(who, who)  # 给我妈估个分: 妈妈, so the bot says 您妈妈, not 您我妈


def asks_overview(text: str) -> bool:
    """`text` asks how the points are made up as a whole (积分是怎么算的), naming no item."""
    said = typos().correct(normalise(text).strip())
    about, how, unless = _overview()
    return about.any(said) and how.any(said) and not unless.any(said) and not named_field(said)


@cache
def _overview() -> tuple[Cues, Cues, Cues]:
    cues = data()["overview"]
    return compiled(cues["about"]), compiled(cues["how"]), compiled(cues["unless"])


def says(kind: str, plain: str) -> bool:
    """`plain` (normalised) holds one of the `kind` markers of intents.yaml."""
    return markers(kind).any(plain)


def asks(text: str) -> bool:
    """`text` asks something (为什么, 在哪里看, 是多少, how …): it answers no points question,
    whatever numbers or option words it holds (中级职称能加多少分？ is not 中级). A yes/no
    question (罚款算吗) is not one of these: it may be an answer given with a doubt."""
    said = normalise(text).strip()
    return markers("questions").any(said)


def asks_yes_or_no(text: str) -> bool:
    """`text` is a yes/no question (能加分吗): an answer may still be in it (罚过款算吗)."""
    said = normalise(text).strip()
    return markers("yes_no").any(said)
