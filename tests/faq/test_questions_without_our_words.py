"""Questions that name nothing of ours (no 积分, 居住证, 社保 ...) as the user sees them: one
with a word that some topics use and few others (博士, 每年, 重新) is answered at a
lower score than one made only of what any question of any office holds (这种情况, 怎么解决,
遇到), which is refused whatever it matches. Phrasings written for these tests, kept out of
faq/data."""

from __future__ import annotations

import pytest

from tests.dialogs.conftest import Chat
from tests.faq.conftest import answer_mark


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("博士毕业能拿多少", "education_rule"),
        ("每年都要重新弄吗", "points_validity"),
        ("下一年还要再弄一遍吗", "points_validity"),
    ],
)
def test_a_question_about_something_is_answered_without_our_words(
    question: str, topic: str
) -> None:
    chat = Chat()
    chat.send(question)
    assert answer_mark(topic) in chat.text


@pytest.mark.parametrize(
    "question",
    ["那种情况怎么解决", "遇到这种情况怎么办", "这种情况能解决吗", "碰到这样的情况咋整"],
)
def test_a_question_about_nothing_in_particular_is_not_answered(question: str) -> None:
    chat = Chat()
    chat.send(question)
    assert "这个问题我不知道" in chat.text
