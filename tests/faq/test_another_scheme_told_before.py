"""Another scheme named outright before the question (应届生落户 and its 72-point bar), and a
question after it that names nothing of ours (具体是怎么打分的): the question is about that
scheme, pointed to its office, not answered with a points topic. Where one's hukou is, told
before, is no scheme, and a question that names our points stays ours. Phrasings written for
these tests, kept out of faq/data."""

from __future__ import annotations

import pytest

from faq.retrieve import Retriever
from tests.dialogs.conftest import Chat


@pytest.mark.parametrize(
    "question",
    [
        "我是湖北人，在上海念的硕士，今年毕业。听说应届硕士落户上海有打分政策，要72分。"
        "我想知道打分具体怎么算，学校和专业各占多少？",
        "老家安徽，在上海读研，今年毕业。听说应届研究生落户有评分办法，满72分就行。"
        "具体是怎么评分的，各项各占多少？",
    ],
)
def test_a_question_after_another_scheme_is_that_schemes(question: str) -> None:
    chat = Chat()
    chat.send(question)
    assert "落户" in chat.text and "12333" in chat.text


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        (
            "我准备第一次申请积分，老婆户口在四川老家。请问配偶这部分要交哪些材料？",
            "spouse_child_materials",
        ),
        ("听说居转户要满七年。我的积分续签要准备什么材料？", "renewal_materials"),
    ],
)
def test_a_question_that_names_our_points_stays_ours(
    retriever: Retriever, question: str, topic: str
) -> None:
    decision = retriever.ask(question)
    assert (decision.kind, decision.entry and decision.entry.id) == ("answer", topic)
