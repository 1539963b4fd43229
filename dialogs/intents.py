"""Requests typed as free text (我想算积分, 帮我提醒签注, change my education), recognised
before the FAQ is asked: the cues are data (dialogs/intents.yaml), this is the scorer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any, Literal

import yaml

from dialogs.parsing import normalise

__all__ = ["Intent", "detect", "intent_names"]

FIELD = "@field"
MAX_LENGTH = 80  # a request is short; a long story is a question for the FAQ or a person


@dataclass(frozen=True)
class Intent:
    """`name`: calculate | reminder | handoff | restart | edit; `trigger` and `arg` are what
    the machine fires; `sure` is False when the text also reads as a question about rules."""

    name: str
    trigger: str
    arg: str = ""
    sure: bool = True

    @property
    def label(self) -> str:
        """The name the evaluation uses: edit:<question id> for an edit."""
        return f"edit:{self.arg}" if self.name == "edit" else self.name


@dataclass(frozen=True)
class _Cues:
    name: str
    trigger: str
    phrases: tuple[re.Pattern[str], ...]
    combos: tuple[tuple[tuple[re.Pattern[str], ...] | Literal["@field"], ...], ...]
    unless: tuple[re.Pattern[str], ...]


def _pattern(word: str) -> re.Pattern[str]:
    """Chinese anywhere; Latin words as whole words (point is not in appointment)."""
    word = normalise(str(word))
    if re.search(r"[a-z]", word):
        return re.compile(rf"(?<![a-z]){re.escape(word)}(?![a-z])")
    return re.compile(re.escape(word))


def _patterns(words: list[Any]) -> tuple[re.Pattern[str], ...]:
    return tuple(_pattern(w) for w in words)


@cache
def _data() -> dict[str, Any]:
    raw: dict[str, Any] = yaml.safe_load(
        files("dialogs").joinpath("intents.yaml").read_text(encoding="utf-8")
    )
    return raw


@cache
def _intents() -> tuple[_Cues, ...]:
    cues = []
    for name, spec in _data()["intents"].items():
        combos = tuple(
            tuple(FIELD if group == FIELD else _patterns(group) for group in combo)
            for combo in spec.get("combos") or ()
        )
        cues.append(
            _Cues(
                name,
                spec["trigger"],
                _patterns(spec.get("phrases") or []),
                combos,  # type: ignore[arg-type]
                _patterns(spec.get("unless") or []),
            )
        )
    return tuple(cues)


@cache
def _fields() -> tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]:
    return tuple((qid, _patterns(words)) for qid, words in _data()["fields"].items())


@cache
def _markers(kind: str) -> tuple[re.Pattern[str], ...]:
    return _patterns(_data()[kind])


def intent_names() -> tuple[str, ...]:
    return tuple(c.name for c in _intents())


def _any(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    return any(p.search(text) for p in patterns)


def _field(text: str) -> str | None:
    """The question a text names; the longest word wins (社保基数 over 社保)."""
    found = [
        (len(m.group(0)), qid)
        for qid, patterns in _fields()
        for p in patterns
        if (m := p.search(text))
    ]
    return max(found)[1] if found else None


def _matches(cues: _Cues, text: str) -> tuple[str, str] | None:
    """(field, rest) when the cues match: the question an edit names ("" otherwise) and the
    text outside a matched phrase (a phrase like 我有多少分 is a request, whatever it asks);
    None when they do not match."""
    if _any(cues.unless, text):
        return None
    for phrase in cues.phrases:
        if phrase.search(text):
            return "", phrase.sub(" ", text)
    for combo in cues.combos:
        field = ""
        for group in combo:
            if group == FIELD:
                field = _field(text) or ""
                if not field:
                    break
            elif not _any(group, text):
                break
        else:
            return field, text
    return None


def detect(text: str) -> Intent | None:
    """The request `text` makes, if it makes one."""
    said = normalise(text).strip()
    if not said or len(said) > MAX_LENGTH:
        return None
    said = said.removeprefix("请问")  # polite, not a request
    for cues in _intents():
        match = _matches(cues, said)
        if match is None:
            continue
        arg, rest = match
        asking = _any(_markers("asking"), rest) and not _any(_markers("requesting"), said)
        return Intent(cues.name, cues.trigger, arg, sure=not asking)
    return None
