"""What to hand in, asked loosely, as the user sees it: the topic's list of materials. Asked with
no word of ours (要准备的东西多吗), whether a paper in hand is enough (光有…证书行吗, cert
enough?), or what else to bring besides it. Phrasings written for these tests, kept out of
faq/data."""

from __future__ import annotations

import pytest

from tests.dialogs.conftest import Chat
from tests.faq.conftest import answer_mark


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # No word of ours: in this bot, the things to prepare are an application's.
        ("要交的资料多吗，有没有个清单", "basic_materials"),
        ("需要准备的东西多吗", "basic_materials"),
        # Whether the certificate alone is enough is what else to hand in with it.
        ("光有高级技师证书行吗", "title_materials"),
        ("skill cert only, or also the appointment letter?", "title_materials"),
        ("diploma and degree cert enough for the points?", "education_materials"),
    ],
)
def test_materials_asked_loosely_get_the_topics_list(question: str, topic: str) -> None:
    chat = Chat()
    chat.send(question)
    assert answer_mark(topic) in chat.text
