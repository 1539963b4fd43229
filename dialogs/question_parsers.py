"""The answer parsers of the points questions, with what they need of the policy: the windows
of the deductions, the months a base tier needs, the sentence that is a veto. The dialog judges
answers by the newest edition (the score itself uses the edition in force on the day)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from dialogs.parsing import (
    Ambiguous,
    Parser,
    Unclear,
    disputed,
    hedged_yes,
    own_clauses,
    parse_count,
    parse_deductions,
    parse_field_match,
    parse_serious_crime,
    parse_tier,
)
from scoring.policy import all_editions

__all__ = [
    "EDITION",
    "crimes",
    "deductions",
    "detentions",
    "false_materials",
    "field_match",
    "ignore_today",
    "serious_crime",
    "tier",
]

EDITION = all_editions()[-1]


def ignore_today(parse: Callable[[str], Any]) -> Parser:
    return lambda text, _today: parse(text)


def field_match(text: str, today: date) -> bool | Ambiguous:
    return parse_field_match(text)


def _own(text: str, question: str) -> str:
    """The clauses about the user's own record: 我没有，我老公有过拘留 is a no, whatever is
    asked beside it; a record of someone else's only (我老公被拘留过) is no answer."""
    own = own_clauses(text, question)
    if own is None:
        raise Unclear()
    return own


def _count(text: str, today: date, kind: str) -> int | Ambiguous:
    """How many within the kind's window; 好像有一次 (a hedge: it may be none) and 一次，后来撤销了
    (revoked, or a mistake: it may be off the record) are asked."""
    text = _own(text, f"{kind}_count")
    found = parse_count(text, today, EDITION.int_value(f"deduction.{kind}_window_years"))
    if isinstance(found, int) and found > 0 and (hedged_yes(text) or disputed(text)):
        return Ambiguous((found, 0), "confirm-which")
    return found


def false_materials(text: str, today: date) -> int | Ambiguous:
    return _count(text, today, "false_material")


def detentions(text: str, today: date) -> int | Ambiguous:
    return _count(text, today, "detention")


def crimes(text: str, today: date) -> int | Ambiguous:
    return _count(text, today, "criminal")


def deductions(text: str, today: date) -> bool | Ambiguous:
    windows = {
        kind: EDITION.int_value(f"deduction.{kind}_window_years")
        for kind in ("false_material", "detention", "criminal")
    }
    veto = EDITION.int_value("veto.serious_crime_min_sentence_years")
    return parse_deductions(_own(text, "deductions"), windows, today, veto)


def tier(text: str, today: date) -> str | Ambiguous:
    required = (
        EDITION.int_value("insurance_base.required_months"),
        EDITION.int_value("insurance_base.tier_3x_required_months"),
    )
    windows = (
        EDITION.int_value("insurance_base.window_months"),
        EDITION.int_value("insurance_base.tier_3x_window_months"),
    )
    return parse_tier(text, today, required, windows)


def serious_crime(text: str, today: date) -> bool | Ambiguous:
    return parse_serious_crime(
        _own(text, "serious_crime"), EDITION.int_value("veto.serious_crime_min_sentence_years")
    )
