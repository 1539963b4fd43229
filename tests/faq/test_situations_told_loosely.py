"""Life situations told without the procedure's name (issue 19 part 3): a permit's date told
as past or forgotten while it passed, or the endorsement missed, is the overdue endorsement;
points short with a spouse of Shanghai hukou told is the spouse's points; a company with
nothing in the system yet, or to be set up on the site, registers first; what to bring said
as 要拿什么 / 拿哪些; the points slip (积分单子) or the paper waited for (那张纸) is the notice; the
lake of Lingang (滴水湖) is Lingang; the registry office (民政局) and how to back-pay insurance
(怎么补缴) asked about are not ours.
Phrasings written for these tests."""

from __future__ import annotations

import pytest

from faq.retrieve import Retriever
from tests.dialogs.conftest import Chat
from tests.faq.conftest import answer_mark, answered, refused_with


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("拿出居住证一瞧，到期日是一个半月前", "endorsement_overdue"),
        ("项目上忙，居住证到期的事完全没当回事", "endorsement_overdue"),
        ("签注错过了怎么办", "endorsement_overdue"),
        ("居住证签著超期了", "endorsement_overdue"),
        ("差一点达标，媳妇是本地户籍，能补上吗", "spouse_rule"),
        # 差几分 / 缺几分 is a shortfall told, not a second question.
        ("离达标还缺几分，老公是本市户籍，能帮上忙吗", "spouse_rule"),
        ("我们在积分网站上一片空白，新招的员工想办积分", "employer_registration"),
        ("领导让我把单位在积分网站上搞起来", "employer_registration"),
        ("考了个技师证，报积分要拿哪些", "title_materials"),
        ("评上了高级职称，申请积分时要拿什么", "title_materials"),
        ("刚领证，老公积分达标了，我想跟着享受，要准备什么", "spouse_child_materials"),
        ("积分单子被我扔了", "notice_reprint"),
        ("我在滴水湖那块工作，能多几分吗", "remote_area"),
        ("在办事出工作能办积分吗", "branch_staff"),
    ],
)
def test_the_situation_decides(retriever: Retriever, question: str, topic: str) -> None:
    assert answered(retriever, question) == topic


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("拿出居住证一瞧，到期日是一个半月前", "endorsement_overdue"),
        ("离达标还缺几分，老公是本市户籍，能帮上忙吗", "spouse_rule"),
    ],
)
def test_the_dialog_answers_the_situation(question: str, topic: str) -> None:
    chat = Chat()
    chat.send(question)
    assert answer_mark(topic) in chat.text


def test_the_registry_office_asked_about_is_not_ours(retriever: Retriever) -> None:
    """A spouse of Shanghai hukou told before the registry office (民政局) is asked about
    is no spouse's points question."""
    assert retriever.ask("对象是上海本地人，我们去民政局登记要预约吗").kind == "unknown"


def test_how_to_back_pay_is_the_insurance_offices(retriever: Retriever) -> None:
    """How to back-pay one's insurance (怎么补缴) is refused with the insurance office's pointer;
    whether back-paid months count stays ours."""
    question = "社保停了一段时间，影响大吗？怎么补缴？"
    assert refused_with(retriever, question, "social_insurance_record")
    assert answered(retriever, "社保补缴的月份能算分吗") == "si_years_rule"
