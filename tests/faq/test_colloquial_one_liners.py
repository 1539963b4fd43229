"""Short colloquial questions as the user sees them: one side of a rule asked alone is that
side's rule, and everyday words for our things (奖状, 没公司, 被拘过, points said as 多给点分)
reach their topic; a teacher's mark or a general question is still refused. Phrasings written
for these tests, kept out of faq/data."""

from __future__ import annotations

import pytest

from faq.retrieve import Retriever
from tests.dialogs.conftest import Chat
from tests.faq.conftest import answer_mark


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # Education with a title is asked by naming both; one of them alone is its own rule.
        ("中级职称是100分没错吧", "title_rule"),
        ("本科就90分是吗", "education_rule"),
        ("硕士是100分对吧", "education_rule"),
        # Everyday words for an award, for having no employer, for a detention.
        ("奖状能抵分吗", "awards_rule"),
        ("奖状有分吗", "awards_rule"),
        ("没公司 积分咋办", "self_employed"),
        ("被拘过 积分还有戏吗", "deductions"),
        ("以前被拘过 现在还能办不", "deductions"),
        # Points said as what one is given (多给点分), with no other word of ours.
        ("专业对口的话能多给点分吗", "shortage_major"),
        ("公司给我交的保险基数挺高的，能多给分吗", "si_base_rule"),
    ],
)
def test_a_colloquial_one_liner_gets_its_topics_answer(question: str, topic: str) -> None:
    chat = Chat()
    chat.send(question)
    assert answer_mark(topic) in chat.text


@pytest.mark.parametrize("question", ["我们家一直没办积分，会有什么后果", "不办积分会吃亏吗"])
def test_what_one_loses_without_points_is_what_they_bring(question: str) -> None:
    chat = Chat()
    chat.send(question)
    assert answer_mark("points_benefits") in chat.text


@pytest.mark.parametrize(
    "question",
    ["这种情况一般怎么解决", "期末考试老师能多给点分吗", "阅卷老师能不能给点分"],
)
def test_a_general_question_that_names_nothing_of_ours_is_refused(
    question: str, retriever: Retriever
) -> None:
    assert retriever.ask(question).kind == "unknown"
