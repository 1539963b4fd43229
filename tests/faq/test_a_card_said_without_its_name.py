"""The permit said as a card with no name, by what it is for or who says to get it (去办张卡,
那张给外地人的卡, 一张住在这儿用的卡): how to get the permit. In a sentence that names another
card or who issues one (健身卡, 银行让我去办张卡) the card stays theirs and is not answered.
Phrasings written for these tests, kept out of faq/data."""

from __future__ import annotations

import pytest

from faq.retrieve import Retriever
from tests.dialogs.conftest import Chat
from tests.faq.conftest import answer_mark, answered


@pytest.mark.parametrize(
    "story",
    [
        "刚来上海上班三个月，同事说外地人要去办张卡才能享受一些待遇，去哪办？",
        "我想去弄那张给外地人的卡，需要住满多久？",
        "租了房子半年多了，听说能领一张长期住这儿的卡，怎么领？",
        "物业说我住满半年可以办了张卡，去哪里办",
    ],
)
def test_a_card_to_get_for_living_here_is_the_permit(retriever: Retriever, story: str) -> None:
    assert answered(retriever, story) == "permit_application"


@pytest.mark.parametrize(
    "question",
    [
        "银行让我去办张卡，要带什么",
        "孩子学校让我们去办张卡，怎么弄？",
        "我想办张健身卡，哪家比较好",
    ],
)
def test_a_card_of_someone_else_is_not_the_permit(retriever: Retriever, question: str) -> None:
    assert answered(retriever, question) is None


def test_the_dialog_answers_a_card_to_get_with_how_to_apply_for_the_permit() -> None:
    chat = Chat()
    chat.send("刚来上海上班三个月，同事说外地人要去办张卡才能享受一些待遇，去哪办？")
    assert answer_mark("permit_application") in chat.text
