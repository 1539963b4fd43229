"""One user's conversation: the model the shared machine steps, and its stored record."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields
from typing import Any

__all__ = ["LOCALES", "Conversation"]

LOCALES = ("zh-CN", "en")
INITIAL_STATE = "menu"


@dataclass
class Conversation:
    """Mutable on purpose: `transitions` sets `state` on it while it is attached.

    `answers` holds Profile fields only; `context` everything else the dialog needs to
    continue after a restart (current question, history, offered choices, pending confirm).
    """

    state: str
    locale: str
    answers: dict[str, Any] = field(default_factory=dict)
    context: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def new(cls, locale: str = "zh-CN") -> Conversation:
        return cls(INITIAL_STATE, locale if locale in LOCALES else LOCALES[0])

    @classmethod
    def from_record(
        cls, state: str, locale: str, answers: dict[str, Any], context: dict[str, Any]
    ) -> Conversation:
        return cls(
            state or INITIAL_STATE,
            locale if locale in LOCALES else LOCALES[0],
            _copy(dict(answers or {})),
            _copy(dict(context or {})),
        )

    def to_record(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "locale": self.locale,
            "answers": _copy(self.answers),
            "context": _copy(self.context),
        }

    def facts(self) -> dict[str, Any]:
        """What the user told us: the Profile answers plus the dialog-only ones."""
        return {**self.answers, **self.context.get("extra", {})}

    def unbind(self) -> None:
        """Drop what `transitions` attached (trigger, is_<state>, ...): only the record stays."""
        for name in set(vars(self)) - RECORD_FIELDS:
            delattr(self, name)


RECORD_FIELDS = frozenset(f.name for f in fields(Conversation))


def _copy(value: Any) -> Any:
    """A deep copy, several times quicker than copy.deepcopy for what a record holds (dicts,
    lists and scalars, as stored in JSON); a step copies its record about three times."""
    if isinstance(value, str | int | float | None):
        return value
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return copy.deepcopy(value)
