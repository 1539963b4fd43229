"""A question typed at a points question that no parser reads as an answer (计划生育现在还查吗,
换过公司的社保能累计吗, 年龄是按周岁还是虚岁算分？): a question, not an answer not understood.
The FAQ answers it, suggests topics or says it does not know, and the points question is
asked again; re-asking it as an answer not understood would take the question for a wrong
answer. A yes/no question that does read as an answer (罚过款算吗 at the deductions) stays an
answer given with a doubt, except two kinds that tell nothing of the user:

- a break told only to ask about it (换了工作社保断了一个月，积分还能续吗): the question, not
  "how long in total, the break left out?";
- whether something is recognised, asked in every clause (自考的本科认不认？ at the education
  question is not 本科: the user asks whether such a degree counts, and may not hold it)."""

from __future__ import annotations

from dialogs.cues import CLAUSE
from dialogs.intents import asks, asks_yes_or_no, says
from dialogs.parsing import is_unsure, normalise
from dialogs.reading import Reading, faq_reading
from faq import live

__all__ = ["checked"]

BREAK_ONLY = "error-break-only"


def checked(said: str, reading: Reading) -> Reading:
    """`reading`, or the FAQ's reading when it is no answer and `said` asks something."""
    if not (_no_answer(reading) or _asks_if_recognised(said)):
        return reading
    if not (asks(said) or asks_yes_or_no(said) or _between_two(said)):
        return reading
    return faq_reading(live.current().ask(said), said)


def _no_answer(reading: Reading) -> bool:
    if reading.kind == "unclear" and reading.error is not None:
        return reading.error.key == BREAK_ONLY
    return reading.kind == "invalid"


def _between_two(said: str) -> bool:
    """这个是个人的税还是公司的税: which of two, asked; not 一次还是两次记不清 (not known)."""
    return says("alternative", normalise(said)) and not is_unsure(said)


def _asks_if_recognised(said: str) -> bool:
    clauses = [normalise(c) for c in CLAUSE.findall(said) if c.strip()]
    return bool(clauses) and all(says("recognition", c) for c in clauses)
