"""Two questions where only the later one is someone else's (落户, 公积金, 中考报名): the first
decides, so its topic is answered instead of the whole message being refused; the other's
pointer goes with the answer. A message whose first question is not ours stays refused.
Phrasings written for these tests, kept out of faq/data."""

from __future__ import annotations

import pytest

from faq.retrieve import Retriever
from tests.dialogs.conftest import Chat
from tests.faq.conftest import answer_mark


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("积分怎么申请？另外落户需要什么条件？", "application_process"),
        ("居住证续签要带什么材料？公积金怎么提取？", "renewal_materials"),
        ("我的积分账号密码忘了怎么办，公积金账号密码怎么找回？", "password_reset"),
        ("积分审核要多久？孩子中考报名什么时候开始？", "processing_time"),
        (
            "How long does the points review take? Also, how do I withdraw my housing "
            "provident fund?",
            "processing_time",
        ),
        # The first names none of our words but is matched as surely as one that does.
        ("材料可以本人送过去吗？另外人才服务中心周末开门吗？", "who_submits"),
        ("可以自己去窗口交材料吗？还有公积金怎么取？", "who_submits"),
        ("能不能自己去递材料？公积金怎么取？", "who_submits"),
    ],
)
def test_the_first_question_is_answered(question: str, topic: str) -> None:
    chat = Chat()
    chat.send(question)
    assert answer_mark(topic) in chat.text


@pytest.mark.parametrize(
    ("question", "office"),
    [
        ("积分怎么申请？另外落户需要什么条件？", "落户"),
        ("能不能自己去递材料？公积金怎么取？", "公积金"),
    ],
)
def test_the_later_questions_office_goes_with_the_answer(
    retriever: Retriever, question: str, office: str
) -> None:
    decision = retriever.ask(question)
    assert decision.elsewhere is not None and office in decision.elsewhere["zh-CN"]


@pytest.mark.parametrize(
    "question",
    ["居转户要什么条件？积分怎么申请？", "公积金贷款怎么申请？需要什么材料？"],
)
def test_a_first_question_not_ours_stays_refused(retriever: Retriever, question: str) -> None:
    decision = retriever.ask(question)
    assert decision.kind == "unknown" and decision.pointer is not None
