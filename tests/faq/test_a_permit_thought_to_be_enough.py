"""The permit in hand, thought to settle what the points do (孩子上学, 本地待遇), and told it is
not enough (还差一步, 还不够): how the permit and the points differ, not what the points bring
nor how to reach 120. Phrasings written for these tests, kept out of faq/data."""

from __future__ import annotations

import pytest

from faq.retrieve import Retriever
from tests.dialogs.conftest import Chat
from tests.faq.conftest import answer_mark, answered


@pytest.mark.parametrize(
    "story",
    [
        "我刚办下居住证，本以为孩子能在上海考高中了，结果老师说还不够，还差什么",
        "我刚拿到居住证，以为孩子上学的事就办妥了，结果说还差一步，差在哪",
        "社区给我办了张卡，原以为能享受这边的待遇了，别人说不够，还差啥",
        "居住证拿到手了，还以为能享受本地待遇，人家说还差一步，是什么",
    ],
)
def test_a_permit_thought_to_be_enough_is_how_it_differs_from_points(
    retriever: Retriever, story: str
) -> None:
    assert answered(retriever, story) == "permit_vs_points"


def test_the_dialog_answers_a_permit_thought_to_be_enough() -> None:
    chat = Chat()
    chat.send("我刚拿到居住证，以为孩子上学的事就办妥了，结果说还差一步，差在哪")
    assert answer_mark("permit_vs_points") in chat.text
