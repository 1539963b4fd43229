"""Readings of an answer that give the same points are one answer.

A hedged amount leaves several readings (三四年, 十几年, 四十出头); the parsers return them all.
Only readings that score differently are worth a question: here each reading is scored on
its own (the indicator's points, the veto and the eligibility it decides) with the policy
edition the dialog judges answers by, readings that score alike are merged, and what is left
is one value, a confirm between two or three, or a re-ask when more remain.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from dialogs.parsing.text import MOST_OPTIONS, Ambiguous, Unclear
from dialogs.question_parsers import EDITION
from scoring.profile import Profile
from scoring.rules import assess

__all__ = ["settle"]

# 虚岁 is asked whatever it scores: the full age is what the user is later told about (the age
# points change with each birthday), and issue 19 asks for a question there, never a guess.
ALWAYS_ASKED = frozenset({"confirm-nominal-age"})
# Amounts scored one by one; other readings (a level, a tier, a yes or a no) always differ.
AMOUNTS = frozenset(
    {
        "age",
        "social_insurance_months",
        "investment_tax_yuan",
        "local_hires",
        "public_service_years",
        "remote_area_years",
        "spouse_hukou_years",
        "false_material_count",
        "detention_count",
        "criminal_count",
    }
)


def _score(field: str, value: Any, today: date) -> tuple[object, ...]:
    """Each indicator's points (not the total, which never drops below 0 and would hide a
    deduction), the veto and the eligibility."""
    assessed = assess(Profile(**{field: value}), EDITION, today)
    points = tuple((item.indicator, item.points) for item in assessed.items)
    return points, assessed.vetoed, assessed.eligible


def settle(field: str, found: Ambiguous, today: date) -> Any:
    """One value when every reading scores alike (the amount said, else the first as the
    parser ordered them), the readings that score differently to confirm, or Unclear when
    there are too many."""
    numbers = all(isinstance(v, int | float) for v in found.options)
    if field not in AMOUNTS or found.key in ALWAYS_ASKED or not numbers:
        return found
    kept: dict[tuple[object, ...], Any] = {}
    for option in found.options:
        kept.setdefault(_score(field, option, today), option)
    options = tuple(kept.values())
    if len(options) == 1:
        return options[0] if found.said is None else found.said
    if len(options) > MOST_OPTIONS:
        raise Unclear()
    if options == found.options:
        return found
    values = dict(found.values)
    if found.key == "confirm-full-years":
        years = [o // 12 if field == "social_insurance_months" else o for o in options]
        values |= {"fewer": years[0], "more": years[-1]}
    return Ambiguous(options, found.key, values)
