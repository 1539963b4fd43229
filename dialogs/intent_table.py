"""The cues of dialogs/intents.yaml, loaded and compiled once: each intent's cue groups, the
words naming each points question, the typo table and the marker lists the scorer
(dialogs/intents.py) reads."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any, Literal

from dialogs.cue_typos import CueTypos, cue_typos
from dialogs.cues import Cues, compiled
from dialogs.locales import load_yaml
from dialogs.parsing import normalise

__all__ = [
    "FIELD",
    "IntentCues",
    "SharedField",
    "data",
    "fields",
    "intent_cues",
    "markers",
    "shared_fields",
    "typos",
]

FIELD = "@field"


@dataclass(frozen=True)
class IntentCues:
    name: str
    trigger: str
    phrases: Cues
    combos: tuple[tuple[Cues | Literal["@field"], ...], ...]
    unless: Cues
    unless_in_clause: Cues
    asked_is_request: bool
    item_is_question: bool
    beside_is_aside: bool  # beside other clauses, said in passing (没有，不用提醒我)
    arg: str  # what the intent names when its cues name no question (previous: 上一题)


@cache
def data() -> dict[str, Any]:
    raw: dict[str, Any] = load_yaml(
        files("dialogs").joinpath("intents.yaml").read_text(encoding="utf-8")
    )
    return raw


@cache
def intent_cues() -> tuple[IntentCues, ...]:
    intents = []
    for name, spec in data()["intents"].items():
        combos = tuple(
            tuple(FIELD if group == FIELD else compiled(group) for group in combo)
            for combo in spec.get("combos") or ()
        )
        intents.append(
            IntentCues(
                spec.get("name", name),
                spec["trigger"],
                compiled(spec.get("phrases") or []),
                combos,  # type: ignore[arg-type]
                compiled(spec.get("unless") or []),
                compiled(spec.get("unless_in_clause") or []),
                bool(spec.get("asked_is_request")),
                bool(spec.get("item_is_question")),
                bool(spec.get("beside_is_aside")),
                str(spec.get("arg", "")),
            )
        )
    return tuple(intents)


@cache
def fields() -> tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]:
    return tuple((qid, compiled(words).patterns) for qid, words in data()["fields"].items())


@dataclass(frozen=True)
class SharedField:
    """Words naming either of two questions, and per question the words only it takes."""

    words: frozenset[str]
    hints: tuple[tuple[str, Cues], ...]


@cache
def shared_fields() -> tuple[SharedField, ...]:
    return tuple(
        SharedField(
            frozenset(normalise(str(w)) for w in group["words"]),
            tuple((qid, compiled(cues)) for qid, cues in group["hints"].items()),
        )
        for group in data()["shared_fields"]
    )


@cache
def typos() -> CueTypos:
    return cue_typos(data())


@cache
def markers(kind: str) -> Cues:
    return compiled(data()[kind])
