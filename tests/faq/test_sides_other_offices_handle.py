"""A question about one of our topics' subjects that asks for the side another office handles
(what keeping a personnel file costs, an employer withholding the leaving papers, another
city's permit, shared-ownership housing) is pointed there, not answered with the topic; the
same subject asked about the points stays ours, and so does where one's hukou is. Phrasings
written for these tests, kept out of faq/data."""

from __future__ import annotations

import pytest

from faq.retrieve import Retriever
from tests.dialogs.conftest import Chat

# What every points answer of these topics would show: none of it may appear.
POINTS_ANSWER_WORDS = ("积分通知书", "模拟打分", "受理点")


@pytest.mark.parametrize(
    ("question", "handled_by"),
    [
        # What keeping the file costs is the file keeper's matter.
        ("我的档案放在区人才中心，每年要交多少保管费", "存放档案的人才服务机构"),
        ("把人事档案托管在人才服务中心收费吗", "存放档案的人才服务机构"),
        # An employer that will not give the leaving papers: a labour dispute.
        ("离职以后原单位一直拖着不给开退工单怎么办", "仲裁"),
        ("换工作了老东家不给开退工单", "仲裁"),
        # Another city's permit, however it is said.
        ("外省的居住证到期了去哪里签注", "其他城市"),
        # Shared-ownership or public housing with no word of ours.
        ("共有产权房申请以后审核要等多久", "房屋管理局"),
        ("公租房排队一般要排几年", "房屋管理局"),
        # Everyday how-to-do-it-quickly is nobody's here.
        ("怎么才能快速变白", "我不知道"),
    ],
)
def test_the_side_another_office_handles_is_pointed_there(question: str, handled_by: str) -> None:
    chat = Chat()
    chat.send(question)
    assert handled_by in chat.text
    assert not any(word in chat.text for word in POINTS_ANSWER_WORDS)


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # The same subjects asked about the points.
        ("原单位不肯开退工单，积分的单位变更还能办吗", "change_employer"),
        ("办积分调档要交钱吗", "personnel_file"),
        ("没有积分能申请共有产权房吗", "points_benefits"),
        # Where one's hukou is says who applies: points are for those without a Shanghai hukou.
        ("户口在老家可以办积分吗", "eligibility"),
        ("外省户口可以办居住证积分吗", "eligibility"),
    ],
)
def test_the_same_subject_asked_about_the_points_stays_ours(
    retriever: Retriever, question: str, topic: str
) -> None:
    decision = retriever.ask(question)
    assert (decision.kind, decision.entry and decision.entry.id) == ("answer", topic)
