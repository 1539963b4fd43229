"""A near-domain subject named outright, our words around it (issue 19, round 14): another
permit, compatriots' own permit, the hukou booklet lost, the permit's photo, another site's
real-name check, a vocational school, agency work's insurance. Refused as the user sees it,
while a question of ours that names the same word with our words stays answered. Phrasings
written for these tests, kept out of faq/data."""

from __future__ import annotations

import pytest

from faq.clauses import main_questions
from faq.retrieve import Retriever
from tests.dialogs.conftest import Chat

# What the points answers these were sent to would show: none of it may appear.
POINTS_ANSWER_WORDS = ("模拟打分", "人才服务中心")


@pytest.mark.parametrize(
    "question",
    [
        "海外人才居住证要准备什么",
        "我是台胞，在上海上班，居住证积分能办吗",
        "香港同胞来上海工作，积分可以申请吗",
        "户口本丢了补办要多久",
        "办居住证的照片能用手机拍吗",
        "随申办怎么做实名认证",
        "中本贯通的学校外地孩子能不能报",
        "劳务派遣工的社保谁来交",
    ],
)
def test_a_near_domain_subject_named_is_not_answered_with_a_points_topic(
    question: str, retriever: Retriever
) -> None:
    chat = Chat()
    chat.send(question)
    assert not any(word in chat.text for word in POINTS_ANSWER_WORDS)
    assert retriever.ask(question).kind == "unknown"


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("劳务派遣的员工可以申请居住证积分吗", "eligibility"),
        ("户口本复印件要交几页", "basic_materials"),
    ],
)
def test_the_same_word_with_ours_stays_ours(
    question: str, topic: str, retriever: Retriever
) -> None:
    decision = retriever.ask(question)
    assert decision.entry is not None and decision.entry.id == topic


def test_not_long_ago_tells_and_does_not_ask() -> None:
    # 没多久 (not long ago) is told; the clause that asks is the one after it.
    assert main_questions("刚换单位没多久，积分要重新办吗") == ["积分要重新办吗"]
