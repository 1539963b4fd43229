"""Stories that tell what someone else said or where one works, as the user sees the answer:
what another person says they do not know is not the question, an office of another
government in Shanghai is a representative office, and house prices are the housing
authority's. Phrasings written for these tests, kept out of faq/data."""

from __future__ import annotations

import pytest

from tests.dialogs.conftest import Chat
from tests.faq.conftest import answer_mark


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        (
            "材料交了两周了，人事说她也不知道什么时候能出结果。我能自己在网上查进度吗？",
            "check_result",
        ),
        ("我们是某省驻沪联络处，员工能通过我们申请积分吗", "branch_staff"),
    ],
)
def test_the_question_is_answered_not_what_the_story_reports(question: str, topic: str) -> None:
    chat = Chat()
    chat.send(question)
    assert answer_mark(topic) in chat.text


def test_house_prices_are_pointed_to_the_housing_authority() -> None:
    chat = Chat()
    chat.send("浦东和闵行哪边房价低一点")
    assert "房屋管理局" in chat.text


def test_a_few_told_in_the_story_is_not_a_question() -> None:
    chat = Chat()
    chat.send("我们公司就几个人，没有专职人事。员工本人去交材料可以吗？")
    assert answer_mark("who_submits") in chat.text
