"""Phrasings written for these tests and kept out of the topic data (faq/data/topics,
faq/data/variants.yaml): each class of question that went to a wrong topic, answered with the
topic the user sees."""

from __future__ import annotations

import pytest

from faq.entries import load_entries
from faq.retrieve import Decision, Retriever
from faq.text import default_analyzer
from faq.training import load_training
from faq.typos import Typos, vocabulary


def _seen(decision: Decision) -> tuple[str, str | None]:
    return decision.kind, decision.entry.id if decision.entry else None


UNSEEN = [
    # Life stories: the question comes after what happened.
    pytest.param(
        "我跟老婆都是外地人，今年刚在上海买了车，孩子明年要上小学了，我积分还差一点，"
        "想问下社保基数交高一些能多拿分吗？",
        "si_base_rule",
        id="story-base",
    ),
    pytest.param(
        "我在一家外企做了六年，一直是公司人事帮我弄积分。今年公司说让员工自己负责续签，"
        "我连系统都没登过，想问问续签的步骤是怎么样的？",
        "renewal_process",
        id="story-renewal",
    ),
    pytest.param(
        "刚到上海工作，住在公司宿舍，想问居住证能不能办下来",
        "permit_application",
        id="story-permit",
    ),
    # Close topics: the renewal's steps, not the endorsement or the office.
    pytest.param("续签是不是在社区把证盖个章就行了", "renewal_process", id="renewal-stamp"),
    pytest.param("续积分先跑街道还是先上网", "renewal_process", id="renewal-order"),
    # Education plus title added up, not the ways to reach 120.
    pytest.param(
        "本科学历90分再加个中级职称100分，总分是190吗",
        "education_title_overlap",
        id="overlap-sum",
    ),
    # Whether it was accepted, not how online and paper submission differ.
    pytest.param("提交以后在哪能看到有没有被受理", "check_result", id="accepted"),
    # How long the points last, asked in years: not the processing time.
    pytest.param("积分审批通过后能撑多少年", "points_validity", id="validity-years"),
    pytest.param("积分用了一年还要不要重新申请", "points_validity", id="validity-again"),
    # English overview questions.
    pytest.param("how does applying for Shanghai points work", "application_process", id="en-how"),
    pytest.param(
        "How does the residence permit points process work for someone new?",
        "application_process",
        id="en-process-new",
    ),
    pytest.param("Could you explain what the points system is?", "permit_vs_points", id="en-what"),
    pytest.param(
        "what counts more toward 120, a title or paying more social insurance",
        "how_to_reach_120",
        id="en-which-way",
    ),
    # The materials for one item of the table, not the basic list everybody hands in; the basic
    # list when the item is denied.
    pytest.param("拿技能证书申请积分要准备哪些材料", "title_materials", id="materials-skill"),
    pytest.param(
        "我想凭中级职称申请积分，需要准备什么材料", "title_materials", id="materials-title"
    ),
    pytest.param(
        "读的是函授本科，申请积分要准备什么材料", "education_materials", id="materials-edu"
    ),
    pytest.param(
        "我没有职称也没结婚，申请积分要交哪些基本材料", "basic_materials", id="materials-basic"
    ),
    # Platform work has no employer to apply: 外卖 here is the job, not a takeaway order.
    pytest.param("在平台上送外卖的骑手能办积分不", "self_employed", id="gig-rider"),
    # The permit card one has is not the points: the card itself is not someone else's matter.
    pytest.param("刚领到居住证卡，是不是就自动有积分了", "permit_vs_points", id="permit-card"),
    # English words for marriage and bonus points.
    pytest.param(
        "Married to a Shanghai local for 4 years now, what bonus do I get?",
        "spouse_rule",
        id="en-married",
    ),
    pytest.param(
        "I've been married to a Shanghainese for 3 years, how many bonus points?",
        "spouse_rule",
        id="en-married-points",
    ),
    # What the notice is for is what the points bring, not how to print it again.
    pytest.param("积分通知书是拿来干什么用的", "points_benefits", id="notice-use"),
    # Nobody registers their own account: the employer's registration makes it.
    pytest.param("我从没注册过积分系统，那个人账号是哪来的", "login_portal", id="never-registered"),
    # Where the application stands, seen after logging in.
    pytest.param("登录个人账号能看到审到哪一步了吗", "check_result", id="progress-login"),
    # Whether one may apply after a sentence is what it costs, not who may apply.
    pytest.param("年轻时候坐过牢，现在还能申请积分吗", "deductions", id="record-prison"),
    pytest.param("被判过刑的人还有资格办积分吗", "deductions", id="record-sentence"),
    # Two degrees added up: only the highest counts (no title in the question).
    pytest.param(
        "I hold two degrees, a bachelor and a master, are both counted?",
        "education_rule",
        id="two-degrees-en",
    ),
    pytest.param("读了两个本科，分数能加吗", "education_rule", id="two-degrees"),
    # Until when the notice holds is the points' validity, not how to print it again.
    pytest.param("积分通知书上写的有效期截止到哪天", "points_validity", id="notice-valid"),
    # Still short of 120 with a title or skill in hand: the ways to reach it.
    pytest.param("技能二级证书有了，还能怎么凑够120", "how_to_reach_120", id="reach-with-skill"),
    # How soon after getting the permit the employer may apply: the first application's steps.
    pytest.param(
        "居住证领到手几天后公司能给我报积分", "application_process", id="days-after-permit"
    ),
]


@pytest.mark.parametrize(("question", "topic"), UNSEEN)
def test_an_unseen_phrasing_gets_its_topic(retriever: Retriever, question: str, topic: str) -> None:
    assert _seen(retriever.ask(question)) == ("answer", topic)


def test_the_phrasings_here_are_not_in_the_topic_data() -> None:
    """Otherwise these tests would only check that the index finds its own texts."""
    known = {text for entry in load_entries() for text in (entry.question, *entry.variants)}
    known |= {text for texts in load_training().variants.values() for text in texts}
    assert not known & {case.values[0] for case in UNSEEN}


def test_a_word_of_someone_elses_matter_across_two_of_ours_does_not_refuse(
    retriever: Retriever,
) -> None:
    """签到 (shop points) is not in 续签|到底: the story is answered, not refused with a pointer."""
    story = (
        "去年我们公司换了人事，新来的人事对积分一窍不通，我的积分还有一个多月就要到期了，"
        "想问一下续签到底先做什么后做什么？"
    )
    assert _seen(retriever.ask(story)) == ("answer", "renewal_process")


@pytest.mark.parametrize(
    ("text", "blocked"),
    [("每天签到领积分", True), ("续签到底先做什么", False), ("住房公积金怎么提取", True)],
)
def test_a_word_that_is_not_ours_counts_only_as_a_word(text: str, blocked: bool) -> None:
    assert default_analyzer().gate.blocks(text) is blocked


@pytest.mark.parametrize(
    "question",
    [
        "I forgot my email password, how do I reset it",
        "微信账号被锁定了怎么解封",
        "my online banking login is locked after three tries",
        "I forgot my Alipay password",
        "my Steam account is locked",
        "how do I reset my smartwatch",
    ],
)
def test_another_services_account_is_not_ours(retriever: Retriever, question: str) -> None:
    """A password or a locked account of WeChat, a bank or a mailbox is not the points system's."""
    assert retriever.ask(question).kind == "unknown"


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("I forgot my points system password", "password_reset"),
        ("How do I renew my residence permit points?", "renewal_process"),
    ],
)
def test_the_same_words_about_the_points_system_are_ours(
    retriever: Retriever, question: str, topic: str
) -> None:
    assert _seen(retriever.ask(question)) == ("answer", topic)


@pytest.mark.parametrize("question", ["三好学生中考能加几分", "体育加分在高考里怎么算"])
def test_bonus_points_in_a_school_exam_are_pointed_to_school_enrolment(
    retriever: Retriever, question: str
) -> None:
    decision = retriever.ask(question)
    assert decision.kind == "unknown" and decision.pointer is not None
    assert "school" in decision.pointer["en"]


def test_an_award_asked_about_for_the_points_is_still_ours(retriever: Retriever) -> None:
    assert _seen(retriever.ask("市级三好学生能加多少分，积分里算不算")) == ("answer", "awards_rule")


def test_a_second_question_asked_with_who_is_offered_not_mixed_in(retriever: Retriever) -> None:
    decision = retriever.ask(
        "Where do I log in to the points system, and who gives me my password?"
    )
    assert _seen(decision) == ("answer", "login_portal")
    assert [entry.id for entry in decision.also] == ["password_reset"]


def test_a_word_used_once_in_the_topics_is_no_word_to_correct_typos_to() -> None:
    """谁给我 in one variant made 给我 a typo of it: 刚给我签注 was read as 刚谁给我签注."""
    words = vocabulary(["谁给我", "居住证", "居住证", "签注", "签注"], lambda word: True)
    assert set(words) == {"居住证", "签注"}
    assert Typos(words, lambda word: False).correct("刚给我签注") == "刚给我签注"


@pytest.mark.parametrize(
    "question",
    [
        "How does Chengdu's points system work, is it like Shanghai's?",
        "Does Nanjing run a points scheme too, how does it work there?",
    ],
)
def test_another_citys_points_scheme_in_english_is_pointed_elsewhere(
    retriever: Retriever, question: str
) -> None:
    decision = retriever.ask(question)
    assert decision.kind == "unknown" and decision.pointer is not None, _seen(decision)


@pytest.mark.parametrize(
    "question",
    [
        "最近晚上老失眠，白天上班犯困。有什么办法吗？",
        "我们家楼上天天装修，吵得没法睡。有什么办法吗？",
        "孩子这学期数学成绩下滑得厉害，老师也找过我。有什么办法能提高吗？",
    ],
)
def test_a_life_story_asking_for_advice_on_something_else_is_refused(
    retriever: Retriever, question: str
) -> None:
    """Not how to reach 120: nothing in the story is ours, and its last clause alone does not
    make it so."""
    assert retriever.ask(question).kind == "unknown", _seen(retriever.ask(question))


def test_a_question_is_read_with_the_story_just_before_it(retriever: Retriever) -> None:
    """ "还能办积分吗" after a detention asks about the deduction, not about who may apply."""
    decision = retriever.ask("之前有过一次行政拘留，还能办积分吗，扣几分")
    assert _seen(decision) == ("answer", "deductions")


def test_a_question_about_the_hukou_scheme_told_before_it_is_pointed_there(
    retriever: Retriever,
) -> None:
    """ "需要什么条件" names nothing of ours: it asks about the 居转户 told just before."""
    decision = retriever.ask(
        "已经交了五年社保，听说能走居转户把户口迁过来。需要什么条件，要等多久？"
    )
    assert decision.kind == "unknown" and decision.pointer is not None, _seen(decision)
