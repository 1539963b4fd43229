"""A question typed at a points question that no parser reads as an answer (计划生育现在还查吗,
换过公司的社保能累计吗, 年龄是按周岁还是虚岁算分？): a question, not an answer not understood.
The FAQ answers it, suggests topics or says it does not know, and the points question is
asked again; re-asking it as an answer not understood would take the question for a wrong
answer. A yes/no question that does read as an answer (罚过款算吗 at the deductions) stays an
answer given with a doubt."""

from __future__ import annotations

from dialogs.intents import asks, asks_yes_or_no
from dialogs.reading import Reading, faq_reading
from faq import live

__all__ = ["checked"]


def checked(said: str, reading: Reading) -> Reading:
    """`reading`, or the FAQ's reading when it is no answer and `said` asks something."""
    if reading.kind != "invalid" or not (asks(said) or asks_yes_or_no(said)):
        return reading
    return faq_reading(live.current().ask(said), said)
