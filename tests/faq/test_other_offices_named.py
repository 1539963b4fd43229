"""Another office's matter named beside a word of ours is pointed there, not answered with a
points topic: an office's opening hours (we hold none), another site's account (学信网), the
degree certificates' office (留服), the insurance base's yearly figures, a Shanghai hukou moved
out, a shop's points, a company's licence, unemployment pay, the car plate auction, buying a
home, another city's own scheme, a hukou sought however it is said (报上海户口, 转办常住户口,
户口能迁过来), a paper wanted for going abroad, a senior card. Phrasings written for these tests,
kept out of faq/data."""

from __future__ import annotations

import pytest

from tests.dialogs.conftest import Chat
from tests.faq.conftest import answer_mark


@pytest.mark.parametrize(
    ("question", "handled_by", "not_answered"),
    [
        ("人才中心星期六上班吗", "办公时间", "where_to_apply"),
        ("受理点几点开门", "办公时间", "where_to_apply"),
        ("学信网密码找不回来了", "学信网", "password_reset"),
        ("留服认证要多久", "留学服务中心", "processing_time"),
        ("社保基数上限今年是多少", "12333", "si_base_rule"),
        ("上海户口迁移到老家怎么弄", "落户", "spouse_rule"),
        # A shop's points given with a purchase: the shop's, not the housing office's (买).
        ("买了双鞋子送积分吗", "商店", "who_submits"),
        ("逛街买衣服送积分吗", "商店", "who_submits"),
        # A pension is the social insurance office's, in English too.
        ("at what age can I draw my pension here", "12333", "age_rule"),
        # A company's licence and unemployment pay are other schemes.
        ("注册营业执照需要哪些资料", "市场监督管理局", "employer_registration"),
        ("Where do I claim unemployment benefit?", "12333", "points_benefits"),
        ("失业金在哪里申请", "12333", "points_benefits"),
        # 社保 is the plate auction's and the housing office's word too, and 临港 a place the
        # housing office names as well; what asks names nothing else, so it asks about them.
        ("拍沪牌要交几年社保", "交通委员会", "eligibility"),
        (
            "我们夫妻俩在上海工作六年了，打算买房。听说社保要交够年数，要几年？",
            "房屋管理局",
            "si_years_rule",
        ),
        (
            "公司在临港，听说那边人才买房有政策。我们外地人在临港买房，社保要满几年？",
            "房屋管理局",
            "remote_area",
        ),
        # Another city's own scheme named outright, with Shanghai's beside it.
        ("北京工作居住证怎么申请，和上海的居住证冲突吗", "其他城市", "permit_application"),
        # A hukou sought, a verb before it or after it: the hukou scheme's.
        ("孩子在上海医院出生的，能不能给他报上海户口", "落户", "spouse_rule"),
        ("我们夫妻都不是本地人，宝宝能上上海户口吗", "落户", "spouse_rule"),
        ("持居住证满七年了，怎么转办常住户口", "落户", "eligibility"),
        ("积分够了以后，老婆孩子的户口能迁过来吗", "落户", "points_benefits"),
        ("除了积分，还有什么路子能搞个上海户口", "落户", "how_to_reach_120"),
        # A paper wanted abroad, said anywhere in the message; a senior card.
        ("毕业证学历认证怎么弄？我出国留学用", "学信网", "education_materials"),
        ("学位认证报告用于出国签证，在哪里开", "学信网", "education_materials"),
        ("社区事务受理服务中心能办敬老卡吗", "12345", "where_to_apply"),
    ],
)
def test_another_offices_matter_is_pointed_there(
    question: str, handled_by: str, not_answered: str
) -> None:
    chat = Chat()
    chat.send(question)
    assert handled_by in chat.text
    assert answer_mark(not_answered) not in chat.text


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # ... while our own question about the same thing is still ours.
        ("海外学历积分要交留服认证书吗", "education_materials"),
        ("社保按基数下限交能积分吗", "si_base_rule"),
        # A home, a school, a place of ours, another city's insurance, the licence as one of
        # the employer's papers: still points questions.
        ("积分到了120分，孩子能在上海参加中考吗", "points_benefits"),
        ("我在临港工作，积分能多加分吗", "remote_area"),
        ("在苏州交的社保能算上海积分吗", "si_years_rule"),
        ("单位注册积分系统要带营业执照吗", "employer_registration"),
        ("积分申请营业执照要原件还是复印件", "basic_materials"),
        # A hukou one has, the hukou certificate, a degree from abroad used for points.
        ("我户口在河南，可以在上海办积分吗", "eligibility"),
        ("老公是上海户口，结婚六年了，积分能加分吗", "spouse_rule"),
        ("积分申请时户籍证明除了户口本还有别的吗", "basic_materials"),
        ("在国外留学的学历要用来办积分，要准备什么认证", "education_materials"),
    ],
)
def test_our_question_beside_those_words_is_answered(question: str, topic: str) -> None:
    chat = Chat()
    chat.send(question)
    assert answer_mark(topic) in chat.text
