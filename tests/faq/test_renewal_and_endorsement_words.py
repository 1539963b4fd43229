"""Words applicants use for the permit's yearly endorsement and for when to renew, as the user
sees the answer: 年审 / 年检 is the endorsement; how early to renew is the renewal's timing, not
its steps. Phrasings written for these tests, kept out of faq/data."""

from __future__ import annotations

import pytest

from tests.dialogs.conftest import Chat
from tests.faq.conftest import answer_mark


@pytest.mark.parametrize(
    ("question", "locale", "topic"),
    [
        ("居住证年审在哪里办", "zh-CN", "permit_endorsement"),
        ("How early can I start the renewal process for my points?", "en", "renewal_timing"),
    ],
)
def test_the_word_applicants_use_reaches_the_topic(question: str, locale: str, topic: str) -> None:
    chat = Chat(locale)
    chat.send(question)
    assert answer_mark(topic, locale) in chat.text
