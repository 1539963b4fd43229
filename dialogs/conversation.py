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
            copy.deepcopy(dict(answers or {})),
            copy.deepcopy(dict(context or {})),
        )

    def to_record(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "locale": self.locale,
            "answers": copy.deepcopy(self.answers),
            "context": copy.deepcopy(self.context),
        }

    def unbind(self) -> None:
        """Drop what `transitions` attached (trigger, is_<state>, ...): only the record stays."""
        for name in set(vars(self)) - RECORD_FIELDS:
            delattr(self, name)


RECORD_FIELDS = frozenset(f.name for f in fields(Conversation))
