"""Free-text answers (Chinese, simplified or traditional, and English) -> Profile values.

A small engine per question kind over vocabularies in `data/` (YAML, with official sources
where the rule is official). Every parser returns a value, or an `Ambiguous` with the
candidates to confirm when two readings would give different points, or raises `ValueError`
(an `Unclear` with a locale key for a friendlier correction): never a guess.
"""

from dialogs.parsing.age import parse_age
from dialogs.parsing.choices import BONUS_ITEMS, ordinal, parse_award, parse_bonus
from dialogs.parsing.conditions import parse_base_condition
from dialogs.parsing.counts import parse_count, parse_hires
from dialogs.parsing.dates import parse_endorsed_date, parse_expiry_date
from dialogs.parsing.durations import parse_months
from dialogs.parsing.education import parse_education
from dialogs.parsing.money import parse_tier
from dialogs.parsing.records import (
    disputed,
    hedged_yes,
    parse_deductions,
    parse_family_planning,
    parse_serious_crime,
)
from dialogs.parsing.text import Ambiguous, Parser, Unclear, digits, normalise, words
from dialogs.parsing.titles import parse_title
from dialogs.parsing.words import corrected, is_unsure, own_clauses
from dialogs.parsing.years import parse_years
from dialogs.parsing.yes_no import parse_field_match, parse_yes_no
from dialogs.parsing.yuan import parse_yuan

__all__ = [
    "BONUS_ITEMS",
    "Ambiguous",
    "Parser",
    "Unclear",
    "corrected",
    "digits",
    "disputed",
    "hedged_yes",
    "is_unsure",
    "normalise",
    "ordinal",
    "own_clauses",
    "parse_age",
    "parse_award",
    "parse_base_condition",
    "parse_bonus",
    "parse_count",
    "parse_deductions",
    "parse_education",
    "parse_endorsed_date",
    "parse_expiry_date",
    "parse_family_planning",
    "parse_field_match",
    "parse_hires",
    "parse_months",
    "parse_serious_crime",
    "parse_tier",
    "parse_title",
    "parse_years",
    "parse_yes_no",
    "parse_yuan",
    "words",
]
