"""Deciding one question reads it in several steps (the gate, the clause that asks, the story
around it, the other question of two); each text of it is rewritten once, not once per step."""

from __future__ import annotations

from collections import Counter

import pytest

from faq.retrieve import Retriever


class _Counting:
    def __init__(self, rewriter: object, seen: Counter[str]) -> None:
        self._rewriter = rewriter
        self._seen = seen

    def rewrite(self, text: str) -> str:
        self._seen[text] += 1
        return self._rewriter.rewrite(text)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "question",
    [
        "上周刚搬了家，房东换了，孩子下学期转学，积分续签要重新交租房合同吗",
        "积分通知书被狗咬烂了一角怎么补？另外续签时要交哪些材料",
        "我睡眠不好，晚上老醒，有什么办法吗",
    ],
)
def test_each_text_of_a_question_is_rewritten_once(
    retriever: Retriever, monkeypatch: pytest.MonkeyPatch, question: str
) -> None:
    seen: Counter[str] = Counter()
    analyzer = retriever._analyzer
    monkeypatch.setattr(analyzer, "_english", _Counting(analyzer._english, seen))
    retriever.ask(question)
    assert seen
    assert max(seen.values()) == 1, [text for text, n in seen.items() if n > 1]
