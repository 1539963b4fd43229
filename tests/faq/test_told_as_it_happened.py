"""A case told as it happened, with no question at all, is answered by what happened (who acts,
what is missing or late, what the user wants next), not by the words it shares with a rule
(faq/data/lexicon.yaml situations). A message that asks keeps its question's topic. Phrasings
written for these tests, kept out of faq/data."""

from __future__ import annotations

import pytest

from faq.retrieve import Retriever
from tests.dialogs.conftest import Chat


@pytest.mark.parametrize(
    ("told", "topic"),
    [
        # Who acts: the one who hands the papers in is away.
        ("该准备的都准备好了，就是人事请了长假", "who_submits"),
        # What is late: the permit past its date, not endorsed.
        ("居住证到期三周了，我才想起来没签", "endorsement_overdue"),
        # What the user wants next: the next step, first time or renewal.
        ("居住证刚办好，自己算了下有130分，接下来该做什么完全没头绪", "application_process"),
        ("积分明年三月就到期了，公司和住址都没换，现在什么都没准备", "renewal_process"),
        # Handed in, and a date ahead that needs it.
        ("材料前天已经递交到受理点了，孩子下个月就要用", "processing_time"),
        # A birthday ahead that crosses an age band.
        ("下个月我就满46岁了，一直没申请积分", "age_rule"),
        # Unsure of one's own figures.
        ("想让公司给我办积分，可我心里没底够不够120分", "score_simulation"),
        # A record told.
        ("我前年醉驾判过拘役，公司想给我申请积分", "deductions"),
        # Two figures that disagree.
        ("我报税的收入比社保缴费基数高一倍多", "si_tax_mismatch"),
        # About to apply with a paper in hand.
        ("我去年考出了中级会计职称，打算用它来办积分", "title_materials"),
        # A title earned outside Shanghai (answered although it ranks at 0.23).
        ("我的中级会计是在江西考出来的，现在在上海工作，打算办积分", "outside_title"),
        # Only the permit, no points, and a need told.
        ("女儿在上海读初二，家里只有居住证，一直没办积分", "points_benefits"),
        # What the points are for (要用积分报名) is the told case's reason, not the school's matter.
        ("人事上周把我的积分材料送到受理点了，女儿下个月要用积分报名", "processing_time"),
        # A shareholder's stake and the company's tax: investment, with no other word of ours.
        ("我占股百分之四十，公司连续三年每年缴税五十多万", "investment_tax_rule"),
    ],
)
def test_a_case_told_is_answered_by_what_happened(
    retriever: Retriever, told: str, topic: str
) -> None:
    decision = retriever.ask(told)
    assert (decision.kind, decision.entry and decision.entry.id) == ("answer", topic)


def test_the_dialog_answers_a_case_told_with_its_topic() -> None:
    chat = Chat()
    chat.send("该准备的都准备好了，就是人事请了长假")
    assert "书面材料由单位人事专员递交" in chat.text


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # The same words in a message that asks: its question decides.
        ("材料交了快两个月了还没消息，正常要等多久？", "processing_time"),
        ("我今年58岁，还能不能申请积分？", "eligibility"),
        ("积分申请被退回来了，接下来该怎么办", "rejected_application"),
        # Points said as what an item adds (加点分), 加 kept as typed (not 家).
        ("我读的是微电子，现在做行政，看看专业能不能帮我加点分", "shortage_major"),
    ],
)
def test_a_message_that_asks_keeps_its_question(
    retriever: Retriever, question: str, topic: str
) -> None:
    decision = retriever.ask(question)
    assert (decision.kind, decision.entry and decision.entry.id) == ("answer", topic)


def test_a_question_about_enrolling_with_points_stays_the_schools() -> None:
    chat = Chat()
    chat.send("孩子下个月要用积分报名幼儿园，需要什么条件？")
    assert "教育" in chat.text
