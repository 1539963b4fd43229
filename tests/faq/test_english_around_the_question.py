"""English questions with words around them, as the user sees them: a question word inside
the story (with what I thought was my password) does not make that clause the question, and
applicants' abbreviations and words (SI, URL) are read as ours. Phrasings written for these
tests, kept out of faq/data."""

from __future__ import annotations

import pytest

from tests.dialogs.conftest import Chat
from tests.faq.conftest import answer_mark


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        (
            "I signed in with what I believed was the right password, it failed five times and "
            "now the account is locked. How long does the lock last?",
            "account_locked",
        ),
        (
            "I tried what my HR told me, three wrong passwords and the account is locked now. "
            "When does it unlock?",
            "account_locked",
        ),
        (
            "My company pays SI on a low base while tax is on my full pay, is that a problem "
            "for my points?",
            "si_tax_mismatch",
        ),
        ("what's the url for applying for points?", "login_portal"),
    ],
)
def test_an_english_question_among_other_words_gets_its_topics_answer(
    question: str, topic: str
) -> None:
    chat = Chat("en")
    chat.send(question)
    assert answer_mark(topic, "en") in chat.text


@pytest.mark.parametrize(
    "question",
    [
        "How long until I can convert to a Shanghai hukou with my residence permit?",
        "How many years with a residence permit before I can get a Shanghai hukou?",
        "how many years until my permit turns into a shanghai hukou",
    ],
)
def test_a_shanghai_hukou_asked_in_english_is_pointed_to_the_other_scheme(question: str) -> None:
    chat = Chat("en")
    chat.send(question)
    assert "separate scheme" in chat.text


def test_how_many_years_is_a_count_of_years_not_of_points() -> None:
    chat = Chat("en")
    chat.send("How many years must the permit be held before I apply for points?")
    assert answer_mark("eligibility", "en") in chat.text
