"""A life story names the topic's things without their names (那个120分的东西, 文凭, 卡的日期
延好) and tells who is away or where a title was earned with words usually of another office
(休产假): it is answered by the topic it tells of. A question about that other office's matter
stays refused, and so does a question about a foreigner's own permit (工作许可), wherever the
message names it. Phrasings written for these tests, kept out of faq/data."""

from __future__ import annotations

import pytest

from faq.retrieve import Retriever
from tests.dialogs.conftest import Chat
from tests.faq.conftest import answer_mark


@pytest.mark.parametrize(
    ("story", "topic"),
    [
        # The points said as "the 120-point thing": its 东西 is no list of documents.
        ("想弄那个120分的东西，我这个硕士文凭能值几分", "education_rule"),
        ("我只有一张中专文凭，想弄那个120分的东西，能算多少", "education_rule"),
        # The permit's date said as the card's, extended: the endorsement done.
        ("前天把卡的日期延好了，系统里的日期怎么没变", "confirm_after_endorsement"),
        ("卡的日期延好以后，上那个打分的网站看，有效期还是原来的", "confirm_after_endorsement"),
        # Papers to bring said as 纸, and the yearly renewal said as a time of year.
        ("搬了两次家，又到一年一次续的时候了，该准备点什么纸", "renewal_materials"),
        # Told only: who is away, on a leave that is usually someone else's matter.
        ("所有材料都备好了，偏偏负责这事的人事休产假去了", "who_submits"),
        # Told only: a title earned in another province, with no word of ours.
        ("我的中级经济师是在浙江考的，去年调来上海工作", "outside_title"),
    ],
)
def test_a_story_without_our_names_gets_its_topic(
    retriever: Retriever, story: str, topic: str
) -> None:
    decision = retriever.ask(story)
    assert (decision.kind, decision.entry and decision.entry.id) == ("answer", topic)


@pytest.mark.parametrize(
    "question", ["人事休产假了，产假一共能休几天", "我老婆下个月休产假，产假工资谁发"]
)
def test_the_leave_asked_about_stays_refused(retriever: Retriever, question: str) -> None:
    assert retriever.ask(question).kind == "unknown"


@pytest.mark.parametrize(
    "question",
    [
        "我是德国人，在上海上班三年，工作许可快到期了，续的时候要带哪些材料？",
        "工作许可明年到期，想问问续期要准备什么",
    ],
)
def test_a_foreigners_permit_told_before_the_question_is_refused_with_a_pointer(
    retriever: Retriever, question: str
) -> None:
    decision = retriever.ask(question)
    assert decision.kind == "unknown"
    assert decision.pointer is not None


def test_the_dialog_answers_a_story_told_with_the_topic_it_tells_of() -> None:
    chat = Chat()
    chat.send("所有材料都备好了，偏偏负责这事的人事休产假去了")
    assert answer_mark("who_submits") in chat.text
