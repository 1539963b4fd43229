"""Every case of tests/faq/dev_situations.json (cases told as they happen, ours and not ours)
is decided right: a FAQ data change that moves one of them is seen here, not only in
bench/faq_eval.py (the eligibility variants for where one's hukou is once took the refusal
from "...想把户口迁过来，应该找哪个部门")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from faq.retrieve import Retriever

CASES = json.loads((Path(__file__).parent / "dev_situations.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=lambda case: case["q"][:20])
def test_every_dev_situation_is_decided_right(retriever: Retriever, case: dict) -> None:
    decision = retriever.ask(case["q"])
    if case["id"] is None:
        assert decision.kind == "unknown"
    else:
        assert (decision.kind, decision.entry and decision.entry.id) == ("answer", case["id"])
