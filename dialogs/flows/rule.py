"""A question about the rule typed at its own points question (交通违章算不算？ at the
deductions): what the question counts, then the question again; nothing is recorded."""

from __future__ import annotations

from dialogs.asked_rule import rule_key, rule_sources, rule_values
from dialogs.conversation import Conversation
from dialogs.screens import Turn, back_to_question
from scoring.policy import edition_in_force

__all__ = ["explain_rule"]


def explain_rule(*, conversation: Conversation, turn: Turn) -> None:
    # the question asked about: the open one, or another one named (拘留还算吗 at the age)
    out, question_id = turn.out, turn.reading.value or conversation.context["q"]
    edition = edition_in_force(turn.today)
    rule = out.t(rule_key(question_id), **rule_values(question_id, edition))
    source = rule_sources(question_id, edition, conversation.locale == "en")
    out.say(out.t("rule-told", rule=rule, source=source))
    back_to_question(conversation, out)
