"""A yes or a no said only inside a yes/no question is not said of oneself.

超生这种事情如今还有人管吗 at the family-planning question asks whether the rule is still
enforced; that the user has such a record is not said, though 超生 reads as a yes. Recorded, it
would be a veto, a confident wrong score. Such a yes is confirmed (是/否 for the user's own
case), never recorded. A yes also said in a clause that asks nothing (有，罚过款算吗; 我超生过，
现在还查吗) is the answer, as before; so is a no read off a question (罚过款算吗 at the
deductions: a fine deducts nothing), which can cost no points the user has."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dialogs.cues import CLAUSE
from dialogs.intents import asks, asks_yes_or_no

__all__ = ["CONFIRM_KEY", "said_only_in_a_question"]

CONFIRM_KEY = "confirm-asked-in-question"


def said_only_in_a_question(said: str, parse: Callable[[str], Any]) -> bool:
    """`said` asks a yes/no question and no clause that asks nothing gives an answer."""
    clauses = [clause for clause in CLAUSE.findall(said) if clause.strip()]
    if not any(asks_yes_or_no(clause) for clause in clauses):
        return False
    for clause in clauses:
        if asks_yes_or_no(clause) or asks(clause):
            continue
        try:
            if isinstance(parse(clause), bool):
                return False
        except ValueError:
            continue
    return True
