"""English: one's points lowered by something in one's past (will a past detention lower my
points, will my points be reduced) is a deduction, unless what is lowered is the insurance base
or tier (then whether the high-base points hold); points added or made up to the standard (add
up to 120, make up the points I'm missing) are how to reach 120, not two items added together.
Phrasings written for these tests."""

from __future__ import annotations

import pytest

from faq.retrieve import Retriever
from tests.dialogs.conftest import Chat
from tests.faq.conftest import answer_mark, answered


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("Will a past detention lower my points?", "deductions"),
        ("I was caught for tax evasion once, will my points be reduced?", "deductions"),
        ("Does a fake document cost me points?", "deductions"),
        ("If my social insurance tier is lowered, will it reduce my points?", "high_base_renewal"),
        (
            "If the company lowers my social insurance base, will my points be reduced?",
            "high_base_renewal",
        ),
        ("How can I make up the points I'm missing?", "how_to_reach_120"),
        ("What are the usual ways to add up to 120?", "how_to_reach_120"),
        ("Can education and title points be added up?", "education_title_overlap"),
    ],
)
def test_english_points_lowered_or_made_up(retriever: Retriever, question: str, topic: str) -> None:
    assert answered(retriever, question) == topic


def test_the_dialog_answers_a_deduction_asked_in_english() -> None:
    chat = Chat("en")
    chat.send("I got caught drink driving two years ago, does that reduce my points?")
    assert answer_mark("deductions", "en") in chat.text
