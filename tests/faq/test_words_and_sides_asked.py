"""Everyday words for our things and the side of a topic a question asks, as the user sees
them: 背 typed for 倍, a medal is an award, the paper documents are not the notice, documents
short of the list are a returned application; education and a title asked to add up, whether
the permit carries points, who must hand the papers in, how long the labour contract must run,
what to hand in (交些什么), what the points are for, whether it was accepted or returned; and
a case told and asked only implicitly (round 9's "situation" style).
Phrasings written for these tests, kept out of faq/data."""

from __future__ import annotations

import pytest

from tests.dialogs.conftest import Chat
from tests.faq.conftest import answer_mark


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # Words: 背 for 倍 (the same sound), a medal, 纸质/纸本 (not 积分的纸), 不齐, 缺了一样.
        ("两背社保能直接到120分吗", "si_base_rule"),
        ("全国五一劳动奖章能积分吗", "awards_rule"),
        ("积分纸质材料要交到哪里", "where_to_apply"),
        ("积分的纸本材料该送到什么地方", "where_to_apply"),
        ("去受理点交材料不齐会怎样", "rejected_application"),
        ("积分材料不齐去人才中心会怎么样", "rejected_application"),
        ("去受理点交材料时缺了一样会怎样", "rejected_application"),
        # Sides: the overlap, the permit and its points, who submits, what the points are for.
        ("初级职称加大专能一起算吗", "education_title_overlap"),
        ("街道办的居住证里带积分吗", "permit_vs_points"),
        ("递交积分书面材料只能是人事吗", "who_submits"),
        ("申请居住证积分有什么意义", "points_benefits"),
        # What to hand in said with 些/点 (交些什么, 准备些什么): the item's materials.
        ("拿了高级技师证积分要交些什么", "title_materials"),
        ("本科学历积分要准备些什么", "education_materials"),
        # A case told and asked only implicitly: points said as 分 without 积分, words for our
        # things (南汇新城 is 临港, a school's 牛皮纸袋 the file, 测分 the simulation), points about
        # to expire (a renewal), how long before the expiry, a simulated score short by some
        # points, what to bring once paper is asked for, education with a title as a level.
        ("都四十八了，担心年龄那项分太少", "age_rule"),
        ("听说上海缺我这个专业的人，不知道能不能多拿点分", "shortage_major"),
        ("我在南汇新城上班三年了，积分上有没有照顾", "remote_area"),
        ("学校发的牛皮纸袋被我弄丢了", "personnel_file"),
        ("哪里可以测分", "score_simulation"),
        ("积分马上过期了，整个流程要怎么走", "renewal_process"),
        ("积分审批要时间，离过期还有多久就得着手", "renewal_timing"),
        ("模拟打分差8分，该从哪里补上", "how_to_reach_120"),
        ("系统提示两个工作日后去受理点交书面材料，要带哪些", "basic_materials"),
        ("硕士加中级能一起算吗", "education_title_overlap"),
        ("刚从学校毕业就来上海上班，对积分有好处吗", "fresh_graduate_rule"),
        # ... and told with no question at all, learnt from faq/data/told.yaml's class.
        ("我现在是自由接活的，没有雇主给我交社保，也想办积分", "self_employed"),
        ("全日制本科今年六月毕业，七月进了上海一家公司", "fresh_graduate_rule"),
        ("在上海漂了一年多，到现在居住证都还没办", "permit_application"),
        ("街道刚给居住证签好注，积分那边的日期还是旧的", "confirm_after_endorsement"),
        ("过了六十天才去签注，居住证已经失效了", "endorsement_overdue"),
        # The card in hand (卡) is the permit.
        ("来上海一年了，想把卡办下来", "permit_application"),
        # 跑 is going there (跑受理点); one item asked by name beside 达标 in the story is that
        # item's rule; the permit's own expiry with no word of points is its endorsement.
        ("什么时候不用跑受理点", "online_vs_paper"),
        ("我妈五十五了，想看看积分够不够达标，年龄这一项能算多少分", "age_rule"),
        ("第一次拿到居住证，到期前多少天要去办手续", "permit_endorsement"),
    ],
)
def test_the_word_or_side_asked_gets_its_topics_answer(question: str, topic: str) -> None:
    chat = Chat()
    chat.send(question)
    assert answer_mark(topic) in chat.text


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        (
            "Do I need an employment contract to apply for the points, and how long must it be?",
            "basic_materials",
        ),
        (
            "I'd like to add my daughter to my points, which papers prove she's mine?",
            "spouse_child_materials",
        ),
        (
            "We handed in my points application last week; how do I know whether it was"
            " accepted or returned?",
            "check_result",
        ),
    ],
)
def test_the_side_asked_in_english_gets_its_topics_answer(question: str, topic: str) -> None:
    chat = Chat(locale="en")
    chat.send(question)
    assert answer_mark(topic, "en") in chat.text
