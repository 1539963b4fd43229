"""Near-domain matters next to ours (issue 19, round 15): social insurance itself (its lowest
or highest base, moving it from another city), maternity leave and allowance, a shared-ownership
home's own application, a passport. Refused with the pointer of the office that handles it, as
the user sees it; the same matter asked about for the points stays answered. Phrasings written
for these tests, kept out of faq/data."""

from __future__ import annotations

import pytest

from faq.retrieve import Retriever
from tests.dialogs.conftest import Chat

# What the points answers these were sent to would show: none of it may appear.
POINTS_ANSWER_WORDS = ("模拟打分", "人才服务中心")


@pytest.mark.parametrize(
    ("question", "office"),
    [
        ("社保的最高缴费基数今年调到多少了", "社保部门"),
        ("缴费基数最低是多少，一个月扣我多少钱", "社保部门"),
        ("我在杭州交了两年社保，想把它转过来，先跑哪里", "社保部门"),
        ("换城市工作了，养老保险要怎么转到这边", "社保部门"),
        ("陪产假一共能休几天", "12333"),
        ("生育津贴发多少，什么时候到账", "12333"),
        ("共有产权房的申请流程要走多久", "房屋管理局"),
        ("想申请公租房，先要准备哪些东西", "房屋管理局"),
        ("去哪办护照，大概要等多久", "出入境"),
        ("港澳通行证在哪里可以办", "出入境"),
    ],
)
def test_another_office_s_matter_is_refused_with_its_pointer(
    question: str, office: str, retriever: Retriever
) -> None:
    decision = retriever.ask(question)
    assert decision.kind == "unknown"
    assert decision.pointer is not None and office in decision.pointer["zh-CN"]
    chat = Chat()
    chat.send(question)
    assert office in chat.text
    assert not any(word in chat.text for word in POINTS_ANSWER_WORDS)


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("公司一直按最低基数给我交社保，积分上吃亏吗", "si_base_rule"),
        ("社保从外地转过来之后，积分里的社保年限怎么算", "si_years_rule"),
        ("积分满了对申请共有产权房有帮助吗", "points_benefits"),
    ],
)
def test_the_same_matter_asked_for_the_points_stays_ours(
    question: str, topic: str, retriever: Retriever
) -> None:
    decision = retriever.ask(question)
    assert decision.kind == "answer"
    assert decision.entry is not None and decision.entry.id == topic
