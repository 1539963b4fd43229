"""A case told with its question (faq/data/lexicon.yaml situations marked asked): what happened
names the topic outright, whatever the question's own words match best. A company with no
account registers first; months into the job ask who may apply; a simulated score under 120
asks how to make it up; a high base dropped before the renewal; a degree certificate missing;
education and a title both held; insurance stopped during a leave; a renewal's steps asked
with no word of ours but 分 (分明年就到期了).
A job's own terms, the hunt for a job and setting up a company are refused with the pointer
of the office that handles them; the points asked beside them stay ours. Phrasings written
for these tests, kept out of faq/data."""

from __future__ import annotations

import pytest

from faq.retrieve import Retriever
from tests.faq.conftest import answered, refused_with


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        (
            "老板让我去给新来的同事弄那个分，可公司在网上压根没有账号，该从哪下手？",
            "employer_registration",
        ),
        ("领导叫我帮员工报分，登上去才知道单位连个账户都没有，怎么办？", "employer_registration"),
        ("我来这边上班才两个月，公司给交着保险，啥时候可以开始弄那个分？", "eligibility"),
        ("模拟打分算下来才96分，孩子明年要上学，还能从哪补点分？", "how_to_reach_120"),
        ("算出来108分，还能从哪里再挤点分出来？", "how_to_reach_120"),
        (
            "公司原来按三倍基数交，明年起要调成普通基数了，到时候续得上吗？",
            "high_base_renewal",
        ),
        ("硕士和高工能不能都算上，还是只认一个？", "education_title_overlap"),
        ("休产假那几个月社保断了，积分会不会受影响？", "si_tax_mismatch"),
        ("产假期间社保断了影响积分吗", "si_tax_mismatch"),
        ("分明年就到期了，要走哪几步才能续上？", "renewal_process"),
    ],
)
def test_what_happened_decides_the_topic(retriever: Retriever, question: str, topic: str) -> None:
    assert answered(retriever, question) == topic


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("想办分公司要什么手续", "business_registration"),
        ("开公司要什么手续", "business_registration"),
        ("我刚换了工作，新公司试用期多久", "labour_dispute"),
        ("我想跳槽，怎么跟老板提离职", "labour_dispute"),
        ("换工作了，新单位要签多久的合同", "labour_dispute"),
    ],
)
def test_a_jobs_terms_and_a_new_company_are_refused_with_their_office(
    retriever: Retriever, question: str, kind: str
) -> None:
    assert refused_with(retriever, question, kind)


def test_how_a_graduate_finds_work_is_refused(retriever: Retriever) -> None:
    assert retriever.ask("应届生，工作怎么找").kind == "unknown"


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("试用期能办积分吗", "eligibility"),
        ("新单位还在试用期，积分那边还算数吗", "change_employer"),
        ("分公司的员工能办积分吗", "branch_staff"),
        ("开公司能加分吗", "investment_tax_rule"),
        ("积分要求劳动合同签多久", "basic_materials"),
        ("我研究生毕业又拿了个高级工，这两样能都算上吗？", "education_title_overlap"),
        ("我只有毕业证，学位证没有拿到，这种算几分？", "education_rule"),
        ("我爸妈来上海能办居住证吗", "permit_application"),
    ],
)
def test_the_points_beside_them_stay_ours(retriever: Retriever, question: str, topic: str) -> None:
    assert answered(retriever, question) == topic
