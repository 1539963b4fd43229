"""An item one has, said as made up into points (拿来凑分, 用它来凑分, 凑分的时候这张文凭),
asks what that item counts for, not how to reach the standard (怎么凑分 still does); a senior
title said by its rank or its post (副高, 正高, 副教授) is a senior title; and two items asked
whether both count (两样都能用上, 挑一样) is their overlap. Phrasings written for these tests,
kept out of faq/data."""

from __future__ import annotations

import pytest

from faq.retrieve import Retriever
from tests.dialogs.conftest import Chat
from tests.faq.conftest import answer_mark, answered


@pytest.mark.parametrize(
    ("story", "topic"),
    [
        ("我有一张本科文凭，凑分的时候它能顶多少", "education_rule"),
        ("我今年52了，这个年纪拿来凑分还能给几分", "age_rule"),
        ("去年评上了正高，用它来凑分能拿多少", "title_rule"),
        ("我是副主任医师，这个去凑分值几分", "title_rule"),
        ("本科毕业，前年又评了副高，两样都能用上吗", "education_title_overlap"),
        ("硕士文凭加上副教授，积分是都算还是挑一样", "education_title_overlap"),
    ],
)
def test_an_item_made_up_into_points_is_its_own_rule(
    retriever: Retriever, story: str, topic: str
) -> None:
    assert answered(retriever, story) == topic


@pytest.mark.parametrize("question", ["大专学历还能怎么凑分", "学历不高，凑分有什么办法"])
def test_how_to_make_up_the_points_is_still_how_to_reach_120(
    retriever: Retriever, question: str
) -> None:
    assert answered(retriever, question) == "how_to_reach_120"


def test_the_dialog_answers_an_item_made_up_into_points_with_its_rule() -> None:
    chat = Chat()
    chat.send("去年评上了正高，用它来凑分能拿多少")
    assert answer_mark("title_rule") in chat.text
