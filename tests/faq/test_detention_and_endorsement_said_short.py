"""Said short or loosely: held by the police as being shut in for some days (被关了5天) is a
detention, not an account closed (账号被关了); the endorsement forgotten or missed (忘签了,
漏签了) is an endorsement overdue, not a signing online (网签); 按高倍 is 按 and 高倍, not 按高.
Phrasings written for these tests."""

from __future__ import annotations

import pytest

from faq.retrieve import Retriever
from faq.text import default_analyzer
from tests.dialogs.conftest import Chat
from tests.faq.conftest import answer_mark, answered


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("前年打架被关了5天，还能申请积分吗", "deductions"),
        ("账号被关了怎么办", "login_portal"),
        ("忘签了怎么办", "endorsement_overdue"),
        ("居住证漏签了一次有影响吗", "endorsement_overdue"),
    ],
)
def test_said_short(retriever: Retriever, question: str, topic: str) -> None:
    assert answered(retriever, question) == topic


def test_the_dialog_answers_a_missed_endorsement() -> None:
    chat = Chat()
    chat.send("忘签了怎么办")
    assert answer_mark("endorsement_overdue") in chat.text


def test_a_high_multiple_is_its_own_word() -> None:
    analyzer = default_analyzer()
    assert "高倍" in analyzer.tokens(analyzer.normalise("社保按高倍缴纳"))
