"""A permit told to be past its date for a while (到期好几个月了, 过期三个多月, 有效期已经是两个月
前了), asked about or only told, is the late endorsement, not the yearly one; a time before the
date (到期前一个月, 离到期还有两个月) is the yearly endorsement still. Phrasings written for these
tests, kept out of faq/data."""

from __future__ import annotations

import pytest

from faq.retrieve import Retriever
from tests.dialogs.conftest import Chat
from tests.faq.conftest import answer_mark, answered


@pytest.mark.parametrize(
    "story",
    [
        "我的居住证过期三个多月了，一直忙没顾上，现在还来得及吗",
        "出差回来发现那张卡到期都半年了，要重新办吗",
        "那张卡到期快一个月了，一直没去社区，现在咋弄",
        "病了一场，出院才看到居住证的有效期已经是两个月前了",
    ],
)
def test_a_permit_past_its_date_for_a_while_is_the_late_endorsement(
    retriever: Retriever, story: str
) -> None:
    assert answered(retriever, story) == "endorsement_overdue"


@pytest.mark.parametrize(
    "question", ["居住证到期前一个月能签注吗", "居住证离到期还有两个月，现在能去签注吗"]
)
def test_a_time_before_the_date_is_the_yearly_endorsement(
    retriever: Retriever, question: str
) -> None:
    assert answered(retriever, question) == "permit_endorsement"


def test_the_dialog_answers_a_permit_long_past_its_date_with_the_late_endorsement() -> None:
    chat = Chat()
    chat.send("那张卡到期快一个月了，一直没去社区，现在咋弄")
    assert answer_mark("endorsement_overdue") in chat.text
