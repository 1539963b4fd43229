"""A user's points answers and score as an agent reads them, in the agent's language: the
dialog's own words for each question and answer ("学历：本科", never "education: bachelor"),
and a score only when the questionnaire is complete (a half-answered one would read as a
result: "积分 0" for a user who answered nothing)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from dialogs.conversation import Conversation
from dialogs.output import Out
from dialogs.questions import Question, applicable, recorded
from dialogs.result import score_answers
from dialogs.screens import show
from scoring.calculator import Score
from scoring.policy import NoEditionError

SEPARATOR = " · "
YEAR = 12


def _out(locale: str) -> Out:
    return Out(Conversation.new(locale))


def _asked(answers: dict[str, Any], extra: dict[str, Any]) -> list[tuple[Question, Any]]:
    """The questions these answers make applicable, each with its answer (None: not yet)."""
    facts = {**answers, **extra}
    return [(q, recorded(q, answers, extra)) for q in applicable(facts)]


def _value(out: Out, question: Question, value: Any) -> str:
    if question.id == "social_insurance_months" and isinstance(value, int):
        years, months = divmod(value, YEAR)
        return out.t("summary-months", years=years, months=months)
    return show(out, question, value)


def answer_items(
    answers: dict[str, Any], extra: dict[str, Any], locale: str
) -> list[tuple[str, str]]:
    """(question, answer) in words, in the order the dialog asks."""
    out = _out(locale)
    try:
        return [
            (out.t(f"field-{q.id}"), _value(out, q, value))
            for q, value in _asked(answers, extra)
            if value is not None
        ]
    except (KeyError, TypeError, ValueError):  # an answer stored by an older dialog
        return []


def answers_line(answers: dict[str, Any], extra: dict[str, Any], locale: str) -> str:
    """One short line for the lists; empty when nothing is answered."""
    out = _out(locale)
    return SEPARATOR.join(
        out.t("summary-item", field=name, value=value)
        for name, value in answer_items(answers, extra, locale)
    )


@dataclass(frozen=True)
class Progress:
    answered: int
    left: int
    score: Score | None


def progress(answers: dict[str, Any], extra: dict[str, Any], today: date) -> Progress:
    asked = _asked(answers, extra)
    answered = sum(1 for _q, value in asked if value is not None)
    left = len(asked) - answered
    score = None
    if answered and not left:
        try:
            score = score_answers(answers, today).score
        except (ValueError, TypeError, KeyError, NoEditionError):
            score = None
    return Progress(answered, left, score)


def score_of(answers: dict[str, Any], extra: dict[str, Any], today: date) -> int | None:
    """The points when every question is answered, else None."""
    score = progress(answers, extra, today).score
    return None if score is None else score.total
