"""One's score set against someone else's (同事的积分为啥比我高) asks how a score is made up,
item by item: the simulation's answer, not what the points bring. Someone else's pay or bonus
set against one's own names no points and is not ours. Phrasings written for these tests, kept
out of faq/data."""

from __future__ import annotations

import pytest

from faq.retrieve import Retriever
from tests.dialogs.conftest import Chat
from tests.faq.conftest import answer_mark


@pytest.mark.parametrize(
    "question",
    [
        "同事的积分为啥比我高",
        "表哥跟我一样是大专，怎么他的积分比我多出一截",
        "我和同学条件差不多，他的分数怎么比我高那么多",
        "别人的积分为什么比我多",
    ],
)
def test_a_score_compared_with_someone_elses_gets_how_a_score_is_made_up(question: str) -> None:
    chat = Chat()
    chat.send(question)
    assert answer_mark("score_simulation") in chat.text


@pytest.mark.parametrize(
    "question", ["同事的工资为啥比我高", "为什么她的年终奖比我多", "他的补贴凭什么比我多"]
)
def test_someone_elses_pay_compared_is_not_ours(retriever: Retriever, question: str) -> None:
    assert retriever.ask(question).kind == "unknown"
