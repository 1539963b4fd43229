"""Two phrasings that were read as something else, as the user sees them: 送积分材料 is taking
the papers in, not a shop giving points away (送积分), and an item's 积分是多少 asks its points,
not what to hand in for it. Phrasings written for these tests, kept out of faq/data."""

from __future__ import annotations

import pytest

from tests.dialogs.conftest import Chat
from tests.faq.conftest import answer_mark


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("送积分材料只能公司的人去吗", "who_submits"),
        ("我自己去送积分材料可以吗", "who_submits"),
        ("职称积分是多少", "title_rule"),
        ("初级职称积分是多少", "title_rule"),
    ],
)
def test_the_question_gets_its_topics_answer(question: str, topic: str) -> None:
    chat = Chat()
    chat.send(question)
    assert answer_mark(topic) in chat.text


def test_a_shop_giving_points_away_is_still_not_ours() -> None:
    chat = Chat()
    chat.send("商场买东西送的积分能换什么")
    assert "商家" in chat.text


def test_ones_own_score_is_not_taken_for_an_items_points() -> None:
    chat = Chat()
    chat.send("我的积分是多少")
    assert answer_mark("education_rule") not in chat.text
    assert answer_mark("title_rule") not in chat.text
