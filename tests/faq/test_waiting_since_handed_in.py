"""Papers told to have been handed in so long ago (送到人才中心已经两周了), asked about or only
told, are how long the review takes, not where they were handed in; asked where to go, they
still are where. Phrasings written for these tests, kept out of faq/data."""

from __future__ import annotations

import pytest

from faq.retrieve import Retriever
from tests.dialogs.conftest import Chat
from tests.faq.conftest import answer_mark, answered


@pytest.mark.parametrize(
    "story",
    [
        "人事把我的材料交到人才中心已经两周了，每天都在等消息",
        "材料送到区里的受理点有二十多天了，一直在等",
    ],
)
def test_papers_handed_in_long_ago_are_how_long_it_takes(retriever: Retriever, story: str) -> None:
    assert answered(retriever, story) == "processing_time"


def test_asked_where_to_go_they_are_where_still(retriever: Retriever) -> None:
    assert answered(retriever, "纸质材料交到受理点都两周了，去哪个窗口问") != "processing_time"


def test_the_dialog_answers_papers_handed_in_long_ago_with_how_long_it_takes() -> None:
    chat = Chat()
    chat.send("人事把我的材料交到人才中心已经两周了，每天都在等消息")
    assert answer_mark("processing_time") in chat.text
