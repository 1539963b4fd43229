"""Points said with a hedge after a Chinese numeral (七十来分, 九十多分) are points told, as 70分
is: a story that also names a child's schooling is still a question of ours. Points said as
what was enough (才够的分) are ours too. A card said with what it proves (一张能证明我住在这边
的卡) is the permit. Phrasings written for these tests."""

from __future__ import annotations

import pytest

from faq.retrieve import Retriever
from faq.text import default_analyzer
from tests.dialogs.conftest import Chat
from tests.faq.conftest import answer_mark, answered


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("我现在大概七十来分，孩子以后要上学，还能从哪些方面补？", "how_to_reach_120"),
        (
            "公司按最高档给我交保险才够的分，明年老板要降档，延期那个资格会不会受影响",
            "high_base_renewal",
        ),
        ("想弄一张能证明我住在这边的卡，去哪里办", "permit_application"),
    ],
)
def test_said_loosely_and_answered(retriever: Retriever, question: str, topic: str) -> None:
    assert answered(retriever, question) == topic


def test_the_dialog_answers_points_said_with_a_hedge() -> None:
    chat = Chat()
    chat.send("我现在大概七十来分，孩子以后要上学，还能从哪些方面补？")
    assert answer_mark("how_to_reach_120") in chat.text


def test_a_hedged_number_is_written_as_digits() -> None:
    assert default_analyzer().plain("七十来分，三十多岁") == "70来分,30多岁"
