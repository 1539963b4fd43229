"""Clauses beside an answer that say nothing of it, dropped before the answer is read: the open
question echoed back before the answer (my age? 47; 学历？本科) and a request refused in passing
(47. no need to restart). Said alone, they are kept: then they are what the message says. A
question later in the answer is the user's own, answered next (本科，学位？有的): it stays."""

from __future__ import annotations

import re

from dialogs.asked_in_question import ASKED, STOP
from dialogs.cues_fields import named_field
from dialogs.intent_table import typos
from dialogs.intents import refuses
from dialogs.parsing import normalise

__all__ = ["without_asides"]

# What may stand beside the words naming the open question in its echo: whose, and a particle.
_ECHO_FILLERS = re.compile(
    r"^(\s|\W|my|the|your|you mean|you asked|oh|ah|um|so|我的|我|你说|你问|问|是说|啊|哦|嗯|呢)*$"
)


def without_asides(said: str, question_id: str) -> str:
    """`said` without the clauses that echo the question `question_id` or refuse a request,
    when another clause remains; `said` as typed when none is dropped."""
    clauses = [c for c in ASKED.findall(STOP.sub("。", said)) if c.strip()]
    kept = [
        c for i, c in enumerate(clauses) if not ((i == 0 and _echoes(c, question_id)) or refuses(c))
    ]
    if not kept or len(kept) == len(clauses):
        return said
    return "，".join(c.strip() for c in kept)


def _echoes(clause: str, question_id: str) -> bool:
    """`clause` is a question naming the open question and nothing else (my age?, 年龄？)."""
    plain = typos().correct(normalise(clause).strip())
    if not plain.endswith(("?", "？")):
        return False
    named = named_field(plain)
    if named is None or named[0] != question_id:
        return False
    rest = plain[: named[1].start()] + plain[named[1].end() :]
    return bool(_ECHO_FILLERS.fullmatch(rest))
