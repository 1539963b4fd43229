"""The facts told with a request to calculate (35岁本科能有多少分, I'm 40 with a master's, how
many points?): what the parsers of the first questions read unambiguously in the words naming
each one, so that the questions start after them instead of asking them again. Each question
is read in the span of its clause around the words naming it (35岁, 年龄35, 社保交了5年); a
reading two spans disagree on, an ambiguous one (本科: with the degree or without?) or one the
answers before rule out is not taken: the question is asked as usual. An ambiguous one is
kept with the words said (`told_unsure`), to be confirmed when the question comes."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from dialogs.cues import CLAUSE
from dialogs.cues_fields import fields_told
from dialogs.intent_table import typos
from dialogs.parsing import Ambiguous, normalise
from dialogs.questions import applicable, by_id, impossible

__all__ = ["TOLD", "told_facts", "told_unsure"]

# The questions a description of oneself answers on its own: not the follow-ups (对口, the
# bonus items' years), whose words say little without the question asked.
TOLD = ("age", "education", "title", "social_insurance_months", "insurance_base_tier")


def told_facts(text: str, today: date) -> dict[str, Any]:
    """{question id: value} for the questions of TOLD that `text` answers unambiguously, in
    the order they are asked, each consistent with those before it."""
    spans = _spans(text)
    facts: dict[str, Any] = {}
    for question in applicable(facts):
        if question.id in TOLD and question.id in spans:
            value = _one_value(question.id, spans[question.id], today)
            if value is not None and impossible(question, value, facts, today) is None:
                facts[question.id] = value
    return facts


def told_unsure(text: str, today: date) -> dict[str, str]:
    """{question id: the words told} for the questions of TOLD that every span of `text`
    naming them reads the same ambiguous way (算积分，我本科: with the degree or without?)."""
    unsure = {}
    for qid, spans in _spans(text).items():
        values = list({repr(v): v for v in _values(qid, spans, today)}.values())
        if qid in TOLD and len(values) == 1 and isinstance(values[0], Ambiguous):
            unsure[qid] = min((s.strip() for s in spans), key=len)
    return unsure


def _spans(text: str) -> dict[str, list[str]]:
    """{question id: the spans of its clauses around the words naming it}."""
    said = typos().correct(normalise(text).strip())
    spans: dict[str, list[str]] = {}
    for clause in CLAUSE.findall(said):
        named = _runs(fields_told(clause))
        for n, (qid, start, end) in enumerate(named):
            before = named[n - 1][2] if n else 0
            after = named[n + 1][1] if n + 1 < len(named) else len(clause)
            spans.setdefault(qid, []).extend([clause[before:end], clause[start:after]])
    return spans


def _one_value(qid: str, spans: list[str], today: date) -> Any:
    """The value every span that reads as an answer gives; None when none does, when they
    disagree, or when one is ambiguous."""
    values = _values(qid, spans, today)
    plain = {repr(v) for v in values}
    return values[0] if len(plain) == 1 and not isinstance(values[0], Ambiguous) else None


def _values(qid: str, spans: list[str], today: date) -> list[Any]:
    """What each span that reads as an answer to `qid` gives."""
    values = []
    for span in spans:
        try:
            values.append(by_id(qid).parse(span.strip(), today))
        except ValueError:
            continue
    return values


def _runs(named: list[tuple[str, re.Match[str]]]) -> list[tuple[str, int, int]]:
    """(question, start, end) of each run of words naming one question (本科有学位: 本科 and 学位
    are one span of education)."""
    runs: list[tuple[str, int, int]] = []
    for qid, match in named:
        if runs and runs[-1][0] == qid:
            runs[-1] = (qid, runs[-1][1], match.end())
        else:
            runs.append((qid, match.start(), match.end()))
    return runs
