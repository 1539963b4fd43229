"""How to get a title (副高职称怎么评, 评高级工程师要什么条件, 职称考试在哪报名) is the title
office's: refused with its pointer, not answered with a points topic about titles; a title held,
what it is worth and what to hand in for it, stays ours. Getting a 本地户口 is the hukou scheme
(落户), however the points it needs are asked about. Phrasings written for these tests."""

from __future__ import annotations

import pytest

from faq.retrieve import Retriever
from tests.dialogs.conftest import Chat
from tests.faq.conftest import answer_mark, answered, refused_with

TITLE_OFFICE = "职称怎么评"


@pytest.mark.parametrize(
    "question",
    [
        "副高职称怎么评",
        "评高级工程师需要什么条件",
        "职称考试在哪报名",
        "中級職稱如何評",
        "How can I obtain a professional title?",
    ],
)
def test_getting_a_title_is_pointed_to_the_title_office(
    retriever: Retriever, question: str
) -> None:
    assert refused_with(retriever, question, "title_evaluation")


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("中级职称能积多少分", "title_rule"),
        ("在外省评的职称上海认吗", "outside_title"),
        ("用中级职称积分要交哪些材料", "title_materials"),
    ],
)
def test_a_title_held_stays_ours(retriever: Retriever, question: str, topic: str) -> None:
    assert answered(retriever, question) == topic


def test_the_dialog_says_where_titles_are_evaluated() -> None:
    chat = Chat()
    chat.send("副高职称怎么评")
    assert TITLE_OFFICE in chat.text
    assert answer_mark("title_rule") not in chat.text


@pytest.mark.parametrize(
    "question",
    ["研究生毕业能不能直接拿本地户口，要打多少分", "公司说能帮我办本地户口，这个分怎么算"],
)
def test_a_local_hukou_sought_is_the_hukou_scheme(retriever: Retriever, question: str) -> None:
    assert refused_with(retriever, question, "hukou")
