"""What a points question counts, told when a question about its rule is typed at it
(交通违章算不算？ at the deductions, 社保补缴的算吗 at the months, 不满5年有分吗 at the years
of public service): the rule answers it, and nothing is said of the user's own case, so the
question is asked again with nothing recorded (dialogs/asked_in_question.py tells such a
question from an answer).

Each rule is a locale text, `rule-<question id>`, whose numbers are the policy edition's: the
keys below fill its placeholders (a key's dots become underscores), and their sources are
shown with it. A question without a rule here is asked back as before (rule_or_answer).
Whether something counts, asked where no answer is read and the FAQ knows nothing of it, gets
the rule of the thing asked about: the open question's when the text names it (虚岁算吗 at the
age) or names nothing and its parser reads the text (Does a parking ticket count? at the
deductions); another question's when the text names that one (五年前的拘留还算吗 at the age:
the detentions'); none when it names nothing the open question knows (交通违章算不算 at the
age: not the age rule), and the FAQ's don't-know stands."""

from __future__ import annotations

from datetime import date

from dialogs.asked_in_question import ASKED
from dialogs.conversation import Conversation
from dialogs.cues_fields import fields_told
from dialogs.intent_table import typos
from dialogs.intents import asks_yes_or_no, says
from dialogs.parsing import normalise
from dialogs.questions import by_id, parser
from dialogs.reading import Reading
from scoring.policy import Edition

__all__ = ["RULES", "has_rule", "rule_instead", "rule_key", "rule_sources", "rule_values"]

RULES: dict[str, tuple[str, ...]] = {
    "age": (
        "age.min_age",
        "age.max_age",
        "age.floor_from_age",
        "age.floor_points",
        "age.points_per_year",
        "age.max_points",
    ),
    "social_insurance_months": ("social_insurance.points_per_year",),
    "base_1x_6_of_last_12": ("title.base_condition_window_months", "title.base_condition_months"),
    "investment_tax_yuan": (
        "investment.tax_yuan_per_unit",
        "investment.points_per_unit",
        "investment.max_points",
    ),
    "local_hires": (
        "investment.hires_per_unit",
        "investment.points_per_unit",
        "investment.max_points",
    ),
    "public_service_years": ("public_service.min_years", "public_service.points_per_year"),
    "remote_area_years": (
        "remote_area.min_years",
        "remote_area.points_per_year",
        "remote_area.max_points",
    ),
    "spouse_hukou_years": ("spouse_hukou.points_per_year", "spouse_hukou.max_points"),
    "deductions": (
        "deduction.false_material_window_years",
        "deduction.false_material",
        "deduction.detention_window_years",
        "deduction.detention",
        "deduction.criminal",
        "veto.serious_crime_min_sentence_years",
        "veto.family_planning",
    ),
    "false_material_count": ("deduction.false_material_window_years", "deduction.false_material"),
    "detention_count": ("deduction.detention_window_years", "deduction.detention"),
    "criminal_count": (
        "deduction.criminal_window_years",
        "deduction.criminal",
        "veto.serious_crime_min_sentence_years",
    ),
    "serious_crime": (
        "veto.serious_crime_min_sentence_years",
        "deduction.criminal_window_years",
    ),
    "family_planning_violation": ("veto.family_planning",),
}


def has_rule(question_id: str) -> bool:
    return question_id in RULES


def rule_key(question_id: str) -> str:
    return f"rule-{question_id}"


def rule_values(question_id: str, edition: Edition) -> dict[str, int | float]:
    """The placeholders of the question's rule text, from the edition in force."""
    return {key.replace(".", "_"): edition.value(key) for key in RULES[question_id]}


def rule_sources(question_id: str, edition: Edition, en: bool) -> str:
    """The titles of the documents the rule's numbers come from, each once."""
    titles = (edition.source_of(key).shown(en) for key in RULES[question_id])
    return ("; " if en else "；").join(dict.fromkeys(titles))


def rule_instead(conversation: Conversation, said: str, reading: Reading, today: date) -> Reading:
    """`reading`, or a rule when the FAQ knows nothing of `said` (and points nowhere else) and
    `said` asks whether something counts: the rule of the question it asks about (its value),
    if that question has one."""
    if reading.kind != "unknown" or reading.decision.pointer:
        return reading
    clauses = [normalise(c) for c in ASKED.findall(said) if c.strip()]
    if not any(asks_yes_or_no(c) and says("counts_asked", c) for c in clauses):
        return reading
    about = _asked_about(conversation, said, today)
    return Reading("rule", about, said=said) if about and has_rule(about) else reading


def _asked_about(conversation: Conversation, said: str, today: date) -> str | None:
    """The question `said` asks about: the open one when named among those named, else the
    first named with a rule; with none named, the open one when its parser reads `said`."""
    open_question = conversation.context["q"]
    named = [qid for qid, _ in fields_told(typos().correct(normalise(said)))]
    if named:
        return open_question if open_question in named else next(filter(has_rule, named), None)
    try:
        parser(by_id(open_question), conversation.facts())(said, today)
    except ValueError:
        return None
    return open_question
