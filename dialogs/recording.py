"""How one answer is kept in the conversation and read back as it was given: the Profile fields
in `answers` (age as age or birth_date, the bonus flags as True), the dialog-only answers
`bonus` (the items picked) and `deductions` (the yes/no gate) in `extra`. What a new answer
makes stale elsewhere is dialogs/questions.record's."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from dialogs.question import Question

__all__ = ["BONUS_FLAGS", "forget", "recorded", "store"]

# Bonus items that are plain yes/no Profile fields: picking them is the whole answer.
BONUS_FLAGS = ("shortage_major", "fresh_graduate", "entrepreneur_talent")


def store(question: Question, value: Any, answers: dict[str, Any], extra: dict[str, Any]) -> None:
    """Keep `value` (JSON-able) as the answer to `question`, in place of any earlier one."""
    if question.id == "age":
        answers.pop("age", None)
        answers.pop("birth_date", None)
        if isinstance(value, date):
            answers["birth_date"] = value.isoformat()
        else:
            answers["age"] = value
    elif question.id == "bonus":
        extra["bonus"] = list(value)
        for flag in BONUS_FLAGS:
            answers.pop(flag, None)
            if flag in value:
                answers[flag] = True
    elif question.id == "deductions":
        extra["deductions"] = value
    else:
        answers[question.id] = value


def forget(question: Question, answers: dict[str, Any], extra: dict[str, Any]) -> None:
    """Drop the answer to `question`, to be asked again."""
    if question.id == "bonus":
        extra.pop("bonus", None)
        for flag in BONUS_FLAGS:
            answers.pop(flag, None)
    else:
        answers.pop(question.id, None)


def recorded(question: Question, answers: Mapping[str, Any], extra: Mapping[str, Any]) -> Any:
    """The stored answer to `question` (None when not answered), as `store` was given it."""
    if question.id == "age":
        born = answers.get("birth_date")
        return date.fromisoformat(born) if born else answers.get("age")
    if question.id in ("bonus", "deductions"):
        value = extra.get(question.id)
        return tuple(value) if isinstance(value, list) else value
    return answers.get(question.id)
