"""Which parts of a message ask something."""

from __future__ import annotations

from faq.clauses import asked_about, asking_clauses, with_story


def test_a_clause_that_points_back_brings_the_story_before_it() -> None:
    assert asked_about("我在浦东上班，哪里可以续它") == "我在浦东上班，哪里可以续它"


def test_a_clause_that_points_back_to_a_question_does_not_repeat_it() -> None:
    asked = asked_about("积分通知书怎么补打，这个要多久")
    assert asked == "积分通知书怎么补打，这个要多久"


def test_in_chat_without_punctuation_what_follows_the_question_is_an_aside() -> None:
    assert asked_about("居转户 换过单位 年限还算吗 孩子明年上学") == "居转户 换过单位 年限还算吗"


def test_saying_one_knows_nothing_asks_nothing() -> None:
    """啥也不懂 and 什么都没有 tell; the question is where to start."""
    assert asking_clauses("积分要续了，我啥也不懂，系统里什么都没有，从哪开始弄啊") == [
        "从哪开始弄啊"
    ]


def test_a_question_comes_with_the_story_told_since_the_last_question() -> None:
    story = "居住证办好了吗？办好了，上周签的注，人事还没动，接下来要做什么"
    assert with_story(story, "接下来要做什么") == "办好了，上周签的注，人事还没动，接下来要做什么"
