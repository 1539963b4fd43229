"""我也不确定 at a points question: how to find out, what the answer could be worth, and a
way to go on with the answer that gives the fewest points (changed later with 修改)."""

from __future__ import annotations

from datetime import date
from typing import Any

from dialogs.conversation import Conversation
from dialogs.locales import has
from dialogs.output import Out
from dialogs.questions import Option, Question, by_id, offered, record
from dialogs.result import score_answers
from dialogs.screens import Turn, nav
from dialogs.types import Choice

__all__ = ["explain"]


def _total(conversation: Conversation, question: Question, value: Any, today: date) -> int | None:
    answers = dict(conversation.answers)
    record(question, value, answers, dict(conversation.context.get("extra", {})))
    try:
        return score_answers(answers, today).score.total
    except ValueError:
        return None


def _range(
    conversation: Conversation, question: Question, options: tuple[Option, ...], today: date
) -> tuple[Option, int] | None:
    """The option worth least, and how many points more the best one is worth: computed by
    the calculator on the answers so far, so it follows the policy data."""
    totals = [(t, o) for o in options if (t := _total(conversation, question, o.value, today))
              is not None]  # fmt: skip
    if len(totals) < 2:
        return None
    low, high = min(totals, key=lambda t: t[0]), max(totals, key=lambda t: t[0])
    return low[1], high[0] - low[0]


def _help(out: Out, question: Question) -> str:
    key = f"unsure-{question.id}"
    return out.t(key if has("zh-CN", key) else "unsure-general")


def explain(*, conversation: Conversation, turn: Turn) -> None:
    out = turn.out
    question = by_id(conversation.context["q"])
    options = tuple(o for o in offered(question, conversation.facts()) if not o.id.endswith("none")
                    or question.id != "bonus")  # fmt: skip
    lines = [_help(out, question)]
    choices: list[Choice] = []
    found = _range(conversation, question, options, turn.today) if question.id != "bonus" else None
    if found is not None and found[1]:  # no difference in points: nothing to skip to
        cheapest, worth = found
        lines.append(out.t("unsure-worth", points=worth))
        label = out.t(cheapest.label)
        lines.append(out.t("unsure-skip", label=label))
        choices.append(Choice(cheapest.id, out.t("unsure-skip-button", label=label)))
    choices += [out.choice(o.id, o.label) for o in options if o.id not in {c.id for c in choices}]
    out.say("\n".join(lines), choices, nav(out, conversation))
