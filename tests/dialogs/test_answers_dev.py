"""The answer dev set (tests/data/answers_dev.json, written while tuning: a regression guard,
not a measure of unseen phrasings) through the dialog step, as bench/answers_eval.py runs it."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from bench.answers_eval import outcome, unambiguous

DEV_SET = Path(__file__).parents[1] / "data" / "answers_dev.json"


def test_no_dev_answer_is_taken_silently_wrong_and_nearly_all_are_understood() -> None:
    cases = json.loads(DEV_SET.read_text(encoding="utf-8"))
    wrong = []
    kinds: Counter[str] = Counter()
    for case in cases:
        kind, got = outcome(case)
        if kind == "wrong":
            wrong.append((case["question"], case["text"], got))
        if unambiguous(case):
            kinds[kind] += 1
    assert wrong == []
    assert kinds["understood"] >= 0.97 * sum(kinds.values())
    assert kinds["confirmed"] < 0.05 * sum(kinds.values())
