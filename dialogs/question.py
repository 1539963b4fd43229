"""The shape of a points question and of its listed choices (the table is dialogs/questions.py)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from dialogs.parsing import Parser

__all__ = ["YES_NO", "Facts", "Option", "Question", "options"]

Facts = Mapping[str, Any]


@dataclass(frozen=True)
class Option:
    id: str  # choice id: short ASCII, fits Telegram callback_data
    label: str  # locale key
    value: Any


@dataclass(frozen=True)
class Question:
    id: str  # the Profile field it fills, or "bonus" / "deductions"
    prompt: str  # locale key; "<prompt>-example" is the re-ask hint
    parse: Parser
    choices: tuple[Option, ...] = ()
    ask_if: Callable[[Facts], bool] = lambda _: True
    unit: str = ""  # locale key showing a free value, e.g. "{value} 岁"
    edit_words: tuple[str, ...] = ()  # 修改<word> re-asks this question

    @property
    def example(self) -> str:
        return f"{self.prompt}-example"

    def option_for(self, choice_id: str) -> Option | None:
        return next((o for o in self.choices if o.id == choice_id), None)

    def option_id(self, value: Any) -> str:
        """The choice id of `value`: a listed choice, or `<field>=<value>` for free values."""
        for option in self.choices:
            if option.value == value:
                return option.id
        return f"{self.id}={value}"

    def value_of(self, choice_id: str) -> Any:
        """The value behind a choice id (listed or free); KeyError if it is not this question's."""
        option = self.option_for(choice_id)
        if option is not None:
            return option.value
        prefix = f"{self.id}="
        if choice_id.startswith(prefix):
            return int(choice_id[len(prefix) :])
        raise KeyError(choice_id)


def options(prefix: str, values: tuple[str, ...]) -> tuple[Option, ...]:
    return tuple(Option(f"{prefix}:{v}", f"{prefix}-{v}", v) for v in values)


YES_NO = (Option("yes", "label-yes", True), Option("no", "label-no", False))
