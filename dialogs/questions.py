"""The points questions as data: one row per question, in the order they are asked.

`facts` is what the user told us so far: the Profile fields in `answers`, plus the two
dialog-only answers `bonus` (the bonus items picked) and `deductions` (the yes/no gate).
A question is asked when its `ask_if(facts)` holds; what no longer applies is dropped.
What earlier answers rule out (scoring.consistency) is neither offered nor accepted, and an
answer that a changed earlier answer rules out is dropped, to be asked again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

from dialogs.memo import frozen, remembered
from dialogs.parsing import (
    BONUS_ITEMS,
    Parser,
    parse_age,
    parse_award,
    parse_base_condition,
    parse_bonus,
    parse_education,
    parse_family_planning,
    parse_hires,
    parse_months,
    parse_title,
    parse_years,
    parse_yuan,
)
from dialogs.question import YES_NO, Facts, Option, Question, options
from dialogs.question_parsers import (
    EDITION,
    crimes,
    deductions,
    detentions,
    false_materials,
    field_match,
    ignore_today,
    serious_crime,
    tier,
)
from dialogs.recording import BONUS_FLAGS, forget, recorded, store
from scoring.consistency import Conflict, conflict

__all__ = [
    "QUESTIONS",
    "Option",
    "Question",
    "applicable",
    "by_id",
    "find_by_word",
    "impossible",
    "offered",
    "parser",
    "record",
    "recorded",
]

NEEDS_BASE_CONDITION = frozenset({"skill_2", "skill_1", "title_intermediate", "title_senior"})


def _has_title(facts: Facts) -> bool:
    return facts.get("title", "none") not in ("none", "title_junior")


def _needs_base_condition(facts: Facts) -> bool:
    return facts.get("title") in NEEDS_BASE_CONDITION and facts.get("title_matches_job") is True


def _picked(item: str) -> Callable[[Facts], bool]:
    return lambda facts: item in facts.get("bonus", ())


def _some_tier_possible(facts: Facts) -> bool:
    return len(offered(_BY_ID["insurance_base_tier"], facts)) > 1


def _deductions(facts: Facts) -> bool:
    return facts.get("deductions") is True


BONUS_OPTIONS = (
    *(Option(f"bonus:{i}", f"bonus-{item}", (item,)) for i, item in enumerate(BONUS_ITEMS, 1)),
    Option("bonus:none", "bonus-none", ()),
)

QUESTIONS: tuple[Question, ...] = (
    Question("age", "q-age", parse_age, unit="unit-age", edit_words=("年龄", "出生", "age")),
    Question(
        "education",
        "q-education",
        ignore_today(parse_education),
        options("edu", ("none", "college", "bachelor", "bachelor_degree", "master", "doctor")),
        edit_words=("学历", "教育", "education"),
    ),
    Question(
        "title",
        "q-title",
        ignore_today(parse_title),
        options(
            "title",
            (
                "none",
                "title_junior",
                "title_intermediate",
                "title_senior",
                "skill_5",
                "skill_4",
                "skill_3",
                "skill_2",
                "skill_1",
            ),
        ),
        edit_words=("职称", "技能", "title", "skill"),
    ),
    Question("title_matches_job", "q-title-matches", field_match, YES_NO, _has_title),
    Question(
        "base_1x_6_of_last_12", "q-base-1x", parse_base_condition, YES_NO, _needs_base_condition
    ),
    Question(
        "social_insurance_months",
        "q-months",
        parse_months,
        unit="unit-months",
        edit_words=("社保", "社保年限", "年限", "insurance"),
    ),
    Question(
        "insurance_base_tier",
        "q-tier",
        tier,
        options("tier", ("none", "0.8x", "1x", "2x", "3x")),
        _some_tier_possible,
        edit_words=("基数", "社保基数", "base"),
    ),
    Question(
        "bonus",
        "q-bonus",
        parse_bonus,
        BONUS_OPTIONS,
        edit_words=("加分", "bonus"),
    ),
    Question(
        "investment_tax_yuan",
        "q-tax",
        ignore_today(parse_yuan),
        (),
        _picked("investment"),
        "unit-yuan",
    ),
    Question(
        "local_hires",
        "q-hires",
        ignore_today(parse_hires),
        (),
        _picked("investment"),
        "unit-people",
    ),
    Question(
        "public_service_years",
        "q-public-service",
        parse_years,
        (),
        _picked("public_service"),
        "unit-years",
    ),
    Question(
        "remote_area_years",
        "q-remote-area",
        parse_years,
        (),
        _picked("remote_area"),
        "unit-years",
    ),
    Question(
        "award",
        "q-award",
        ignore_today(parse_award),
        options("award", ("city_specific", "city_comprehensive", "national")),
        _picked("award"),
    ),
    Question(
        "spouse_hukou_years",
        "q-spouse",
        parse_years,
        (),
        _picked("spouse_hukou"),
        "unit-years",
    ),
    Question(
        "deductions",
        "q-deductions",
        deductions,
        YES_NO,
        edit_words=("减分", "deductions"),
    ),
    Question(
        "false_material_count",
        "q-false-material",
        false_materials,
        (),
        _deductions,
        "unit-times",
    ),
    Question("detention_count", "q-detention", detentions, (), _deductions, "unit-times"),
    Question("criminal_count", "q-criminal", crimes, (), _deductions, "unit-times"),
    Question("serious_crime", "q-serious-crime", serious_crime, YES_NO, _deductions),
    Question(
        "family_planning_violation",
        "q-family-planning",
        ignore_today(parse_family_planning),
        YES_NO,
        _deductions,
    ),
)
_BY_ID = {q.id: q for q in QUESTIONS}
_ORDER = {q.id: n for n, q in enumerate(QUESTIONS)}
# Picking one of these bonus items claims a Profile field (scoring.consistency checks claims).
_BONUS_CLAIMS = {
    "shortage_major": ("shortage_major", True),
    "fresh_graduate": ("fresh_graduate", True),
    "public_service": ("public_service_years", 1),
    "remote_area": ("remote_area_years", 1),
    "spouse_hukou": ("spouse_hukou_years", 1),
}


def by_id(question_id: str) -> Question:
    return _BY_ID[question_id]


def applicable(facts: Facts) -> list[Question]:
    asked = remembered(
        lambda: ("applicable", frozen(facts)),
        lambda: tuple(q for q in QUESTIONS if q.ask_if(facts)),
    )
    return list(asked)


def impossible(
    question: Question, value: Any, facts: Facts, today: date | None = None
) -> Conflict | None:
    """Why `value` cannot answer `question`, given the answers to the questions before it."""
    if isinstance(value, date):
        return None
    before = {k: v for k, v in facts.items() if _ORDER.get(_owner(k), 0) < _ORDER[question.id]}
    return remembered(
        lambda: ("impossible", question.id, frozen(value), frozen(before), today),
        lambda: _conflict(question, value, before, today),
    )


def _conflict(question: Question, value: Any, before: Facts, today: date | None) -> Conflict | None:
    if question.id == "bonus":
        claims = (_BONUS_CLAIMS[item] for item in value if item in _BONUS_CLAIMS)
        found = (conflict(field, v, before, EDITION, today) for field, v in claims)
        return next((c for c in found if c is not None), None)
    if question.id == "deductions":
        return None
    return conflict(question.id, value, before, EDITION, today)


def offered(question: Question, facts: Facts) -> tuple[Option, ...]:
    """The choices earlier answers leave possible, in the order they are listed (and numbered,
    in text channels); 都没有 always is."""
    return remembered(
        lambda: ("offered", question.id, frozen(facts)),
        lambda: tuple(
            o
            for o in question.choices
            if o.value == () or impossible(question, o.value, facts) is None
        ),
    )


def parser(question: Question, facts: Facts) -> Parser:
    """The question's parser, reading item numbers as positions in the offered list."""
    if question.id != "bonus":
        return question.parse
    shown = tuple(o.value[0] for o in offered(question, facts) if o.value)
    return partial(parse_bonus, items=shown)


def _owner(key: str) -> str:
    """The question whose answer `key` of the facts is."""
    if key == "birth_date":
        return "age"
    return "bonus" if key in BONUS_FLAGS else key


def find_by_word(word: str) -> Question | None:
    """The question 修改<word> means; the longest matching word wins (社保基数 over 社保)."""
    word = word.strip().lower()
    if word in _BY_ID:  # a typed request names its question by id (dialogs/intents.py)
        return _BY_ID[word]
    matches = [(len(w), q) for q in QUESTIONS for w in q.edit_words if w in word]
    return max(matches, key=lambda m: m[0])[1] if matches else None


def record(question: Question, value: Any, answers: dict[str, Any], extra: dict[str, Any]) -> None:
    """Store one answer (JSON-able), then drop every answer whose question no longer applies:
    a later one the new answer rules out, and one no longer asked."""
    store(question, value, answers, extra)
    for later in QUESTIONS[_ORDER[question.id] + 1 :]:
        old = recorded(later, answers, extra)
        if old is not None and impossible(later, old, {**answers, **extra}) is not None:
            forget(later, answers, extra)
    still = applicable({**answers, **extra})
    for stale in QUESTIONS:
        if stale not in still:
            answers.pop(stale.id, None)
            extra.pop(stale.id, None)
