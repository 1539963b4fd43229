"""Which parts of a message ask something."""

from __future__ import annotations

from faq.clauses import asked_about


def test_a_clause_that_points_back_brings_the_story_before_it() -> None:
    assert asked_about("我在浦东上班，哪里可以续它") == "我在浦东上班，哪里可以续它"


def test_a_clause_that_points_back_to_a_question_does_not_repeat_it() -> None:
    asked = asked_about("积分通知书怎么补打，这个要多久")
    assert asked == "积分通知书怎么补打，这个要多久"


def test_in_chat_without_punctuation_what_follows_the_question_is_an_aside() -> None:
    assert asked_about("居转户 换过单位 年限还算吗 孩子明年上学") == "居转户 换过单位 年限还算吗"
