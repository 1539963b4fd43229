"""Life situations told with what one has or wants, not the procedure's name: a stall or a shop
of one's own (self-employed, whatever the points are wanted for), the steps of keeping the
points valid asked as an order (先去哪儿，再做什么), 那张证明 (a paper, not the card) about to
expire, points said as what kind they are (补偿性的分). Phrasings written for these tests."""

from __future__ import annotations

import pytest

from faq.retrieve import Retriever
from tests.dialogs.conftest import Chat
from tests.faq.conftest import answer_mark, answered


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("我在菜场有个摊位，孩子读书要积分，我能申请吗？", "self_employed"),
        ("我自己开了家小饭店，孩子上学要积分，我能申请吗", "self_employed"),
        ("积分资格下个月要过期了，想让它继续有效，我该先去哪儿，再做什么？", "renewal_process"),
        ("我那张证明快过期了，我得提前多久开始弄？", "renewal_timing"),
        ("厂子在很偏的地方，干了好几年了，有没有补偿性的分？", "remote_area"),
    ],
)
def test_the_situation_decides(retriever: Retriever, question: str, topic: str) -> None:
    assert answered(retriever, question) == topic


def test_the_dialog_answers_a_stall_holder() -> None:
    chat = Chat()
    chat.send("我在菜场有个摊位，孩子读书要积分，我能申请吗？")
    assert answer_mark("self_employed") in chat.text
