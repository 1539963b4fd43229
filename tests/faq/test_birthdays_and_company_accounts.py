"""Life situations: a birthday or an age about to be reached, with the points lost or the
difference asked (一过生日那个分数是不是就掉了, 再过两年就45了，早弄晚弄差多少) is the age
rule; a company's 户头 to set up is the employer's registration, one's own (个人户头) is not.
Phrasings written for these tests."""

from __future__ import annotations

import pytest

from faq.retrieve import Retriever
from tests.dialogs.conftest import Chat
from tests.faq.conftest import answer_mark, answered


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("明年满44，一过生日那个分数是不是就掉了？", "age_rule"),
        ("再过两年就45了，早弄晚弄差多少？", "age_rule"),
        ("差几分到120 有啥办法", "how_to_reach_120"),
        ("老板让我去把公司在那个网站上的户头搞起来，从哪开始？", "employer_registration"),
        ("单位帮我开了个人户头，不知道用户名是什么，怎么登录？", "login_portal"),
    ],
)
def test_the_situation_decides(retriever: Retriever, question: str, topic: str) -> None:
    assert answered(retriever, question) == topic


def test_the_dialog_answers_a_birthday_about_to_come() -> None:
    chat = Chat()
    chat.send("再过两年就45了，早弄晚弄差多少？")
    assert answer_mark("age_rule") in chat.text
