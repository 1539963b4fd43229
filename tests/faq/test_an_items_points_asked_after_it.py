"""An item's points asked as 积分多少 after it (技能等级证书积分多少) are its rule, not what to
hand in for it, however close its materials' wording comes; asked with its materials, or one's
own score (我的积分多少), they are not. Phrasings written for these tests, kept out of
faq/data."""

from __future__ import annotations

import pytest

from faq.retrieve import Retriever
from tests.dialogs.conftest import Chat
from tests.faq.conftest import answer_mark, answered


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("技能等级证书积分多少", "title_rule"),
        ("职称证书积分多少", "title_rule"),
        ("副高职称积分算多少", "title_rule"),
        ("中级职称积分要交什么材料", "title_materials"),
    ],
)
def test_an_items_points_asked_after_it_are_its_rule(
    retriever: Retriever, question: str, topic: str
) -> None:
    assert answered(retriever, question) == topic


def test_ones_own_score_is_no_items_rule(retriever: Retriever) -> None:
    assert answered(retriever, "我的积分多少") not in {"title_rule", "education_rule"}


def test_the_dialog_answers_an_items_points_with_its_rule() -> None:
    chat = Chat()
    chat.send("技能等级证书积分多少")
    assert answer_mark("title_rule") in chat.text
