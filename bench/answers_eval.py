"""Free-text answers to the points questions, through the real dialog step.

    python bench/answers_eval.py FILE [FILE ...] [--misses]

Each FILE is a JSON list of {"id", "question" (a question id of dialogs/questions.py),
"text", "expect"}, with expect one of {"value": V} | {"any_of": [...]} | {"range": [lo, hi]}
| {"ambiguous": true, "readings": [...]} | {"dont_know": true}. Today is 2026-11-29 in
Shanghai. Each answer is typed at its question, asked as the dialog asks it (the answers
before it making it apply), and the step's outcome is sorted:

- understood: a value recorded, and it is the expected one;
- confirmed: the dialog asked which reading (for an unambiguous answer: not understood);
- re-asked: no value (a correction, an FAQ answer, a re-ask);
- wrong: a value recorded that is not the expected one, or any value for an ambiguous or
  "don't know" answer: the silent error this bot must never make.

Prints per question kind and in total: the share of unambiguous answers understood at once,
the confirm share of unambiguous answers, and the wrong count.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from dialogs.conversation import Conversation
from dialogs.machine import step
from dialogs.parsing.age import age_on
from dialogs.questions import applicable, by_id, recorded
from dialogs.types import Inbound

TODAY = date(2026, 11, 29)
NOW = datetime(2026, 11, 29, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
# What must be answered before a question for it to be asked at all.
BEFORE: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "title_matches_job": ({"title": "title_intermediate"}, {}),
    "base_1x_6_of_last_12": ({"title": "title_intermediate", "title_matches_job": True}, {}),
    "insurance_base_tier": ({"social_insurance_months": 60}, {}),
    "investment_tax_yuan": ({}, {"bonus": ["investment"]}),
    "local_hires": ({}, {"bonus": ["investment"]}),
    "public_service_years": ({}, {"bonus": ["public_service"]}),
    "remote_area_years": ({}, {"bonus": ["remote_area"]}),
    "award": ({}, {"bonus": ["award"]}),
    "spouse_hukou_years": ({}, {"bonus": ["spouse_hukou"]}),
    "false_material_count": ({}, {"deductions": True}),
    "detention_count": ({}, {"deductions": True}),
    "criminal_count": ({}, {"deductions": True}),
    "serious_crime": ({}, {"deductions": True}),
    "family_planning_violation": ({}, {"deductions": True}),
}
OUTCOMES = ("understood", "confirmed", "re-asked", "wrong")


def at_question(question_id: str) -> Conversation:
    """A conversation with `question_id` just asked, as the dialog leaves it."""
    question = by_id(question_id)
    answers, extra = (dict(part) for part in BEFORE.get(question_id, ({}, {})))
    assert question in applicable({**answers, **extra}), question_id
    conversation = Conversation.new("zh-CN")
    conversation.state = "asking"
    conversation.answers = answers
    conversation.context = {
        "q": question_id,
        "done": [],
        "extra": extra,
        "offered": [o.id for o in question.choices],
    }
    return conversation


def comparable(question_id: str, value: Any) -> Any:
    """Ages compare in whole years today: a date of birth recorded, or expected as an ISO
    date (round 7's writer wrote the date said instead of the age it makes), is its age."""
    if question_id == "age" and isinstance(value, str):
        with contextlib.suppress(ValueError):
            value = date.fromisoformat(value)
    if isinstance(value, date):
        return age_on(value, TODAY)
    if question_id == "bonus":
        return sorted(value)
    return value


def matches(question_id: str, value: Any, expect: dict[str, Any]) -> bool:
    """`value` (already comparable) against the expected one, compared the same way: the
    bonus items picked are a set, so ["award", "investment"] matches ["investment", "award"]."""
    if "value" in expect:
        return bool(value == comparable(question_id, expect["value"]))
    if "any_of" in expect:
        return value in [comparable(question_id, option) for option in expect["any_of"]]
    if "range" in expect:
        low, high = expect["range"]
        return isinstance(value, int | float) and low <= value <= high
    return False


def outcome(case: dict[str, Any]) -> tuple[str, Any]:
    question_id = case["question"]
    conversation = at_question(question_id)
    # typed into the web chat, where the choices are buttons (not a numbered menu)
    inbound = Inbound("web", "eval", str(case["id"]), NOW, text=case["text"])
    step(conversation, inbound, NOW)
    if conversation.state == "confirming":
        return "confirmed", conversation.context["pending"]["options"]
    value = recorded(
        by_id(question_id), conversation.answers, conversation.context.get("extra", {})
    )
    if value is None:
        return "re-asked", None
    value = comparable(question_id, value)
    expect = case["expect"]
    if expect.get("ambiguous") or expect.get("dont_know"):
        return "wrong", value
    return ("understood" if matches(question_id, value, expect) else "wrong"), value


def unambiguous(case: dict[str, Any]) -> bool:
    return not (case["expect"].get("ambiguous") or case["expect"].get("dont_know"))


def evaluate(paths: list[Path], show_misses: bool) -> None:
    cases = [case for path in paths for case in json.loads(path.read_text(encoding="utf-8"))]
    table: dict[str, Counter[str]] = defaultdict(Counter)
    hedged: Counter[str] = Counter()
    misses: list[str] = []
    for case in cases:
        kind, got = outcome(case)
        if unambiguous(case):
            table[case["question"]][kind] += 1
        else:
            hedged["asked" if kind != "wrong" else "wrong"] += 1
        if kind != "understood" and (kind == "wrong" or unambiguous(case)):
            misses.append(f"  {kind:10} {case['question']:24} {case['text']!r} -> {got!r}")
    total: Counter[str] = sum(table.values(), Counter())
    print(f"{'question':26}" + "".join(f"{name:>12}" for name in (*OUTCOMES, "n")))
    for question_id, counts in sorted(table.items()):
        cells = "".join(f"{counts[name]:12d}" for name in OUTCOMES)
        print(f"{question_id:26}{cells}{sum(counts.values()):12d}")
    n = sum(total.values())
    print(f"{'all unambiguous':26}" + "".join(f"{total[k]:12d}" for k in OUTCOMES) + f"{n:12d}")
    print(
        f"ambiguous / don't know: {sum(hedged.values())}, asked {hedged['asked']}, "
        f"taken silently {hedged['wrong']}"
    )
    if n:
        print(
            f"understood at once: {100 * total['understood'] / n:.1f} % of {n} unambiguous; "
            f"confirms {100 * total['confirmed'] / n:.1f} %; "
            f"wrong (silent): {total['wrong'] + hedged['wrong']}"
        )
    if show_misses and misses:
        print("not understood at once:")
        print("\n".join(misses))


def main(argv: list[str]) -> None:
    show = "--misses" in argv
    paths = [Path(arg) for arg in argv if arg != "--misses"]
    if not paths:
        raise SystemExit(__doc__)
    evaluate(paths, show)


if __name__ == "__main__":
    main(sys.argv[1:])
