"""Everyday words for our things and the side of a topic a question asks, as the user sees
them: 背 typed for 倍, a medal is an award, the paper documents are not the notice, documents
short of the list are a returned application; education and a title asked to add up, whether
the permit carries points, who must hand the papers in, how long the labour contract must run,
what to hand in (交些什么), what the points are for, whether it was accepted or returned.
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
