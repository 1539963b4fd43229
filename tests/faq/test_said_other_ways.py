"""Our words said in ways the glossary did not know: the notice called a "notification letter",
working days counted as 工作天, a title from one's home province (老家的技师证) asked about
plainly. Phrasings written for these tests, kept out of faq/data."""

from __future__ import annotations

import pytest

from faq.retrieve import Retriever


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        (
            "Which office reprints the residence permit points notification letter?",
            "notice_reprint",
        ),
        ("can the permit points notification letter be reprinted", "notice_reprint"),
        ("审积分要几个工作天", "processing_time"),
        ("老家的高级技师证能积分不", "outside_title"),
        # Already so before (a pin): 外省 with 职称 named.
        ("外省的中级职称在上海积分能用吗", "outside_title"),
    ],
)
def test_our_words_said_other_ways(retriever: Retriever, question: str, topic: str) -> None:
    decision = retriever.ask(question)
    assert (decision.kind, decision.entry and decision.entry.id) == ("answer", topic)
