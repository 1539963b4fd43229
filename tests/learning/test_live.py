"""The retriever built with what was taught: a taught question is decided as taught, other
wordings are left to the rankers, and nothing taught leaves the data files' retriever."""

from __future__ import annotations

from faq import live
from faq.retrieve import default_retriever

KNOWN = "积分通知书丢了能补打吗"  # a dev-set question of notice_reprint


def test_nothing_taught_is_the_data_files_retriever() -> None:
    assert live.build({}, {}) is default_retriever()
    assert live.current() is default_retriever()


def test_a_question_taught_out_of_scope_is_refused_as_asked_with_any_punctuation() -> None:
    retriever = live.build({}, {"taught_out_of_scope": (KNOWN,)})
    for asked in (KNOWN, f"{KNOWN}？", f" {KNOWN[:4]} {KNOWN[4:]}!"):
        assert retriever.ask(asked).kind == "unknown", asked
    assert retriever.ask("积分通知书去哪里打印").entry.id == "notice_reprint"  # type: ignore[union-attr]


def test_a_taught_variant_answers_its_topic_and_the_swap_is_one_step() -> None:
    retriever = live.build({"points_benefits": ("积分对办健身卡有用吗",)}, {})
    assert live.current().ask("积分对办健身卡有用吗").kind == "unknown"
    live.swap(retriever)
    decision = live.current().ask("积分对办健身卡有用吗？")
    assert (decision.kind, decision.entry.id) == ("answer", "points_benefits")  # type: ignore[union-attr]
    live.swap(None)
    assert live.current() is default_retriever()
