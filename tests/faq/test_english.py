from __future__ import annotations

import pytest

from faq.english import stems
from faq.retrieve import Retriever
from faq.text import default_analyzer


@pytest.mark.parametrize(
    ("words", "stem"),
    [
        ("renew renews renewed renewing", "renew renew renew renew"),
        ("expire expires expired expiring", "expir expir expir expir"),
        ("submit submits submitted submitting", "submit submit submit submit"),
        ("apply applies applied", "appli appli appli"),
        ("business businesses", "busi busi"),
        ("simulate simulated simulation", "simul simul simul"),  # and the noun
        ("confirm confirmed confirmation", "confirm confirm confirm"),
    ],
)
def test_every_inflection_of_a_word_has_one_stem(words: str, stem: str) -> None:
    assert stems(words) == stem


@pytest.mark.parametrize(
    ("said", "term"),
    [
        ("renewing", "续签"),
        ("the documents I submitted", "交"),
        ("the permit expired", "过期"),  # the form said first: expired is 过期
        ("my permit expires soon", "到期"),  # any other form of expire: 到期
        ("a simulated score", "模拟打分"),  # the glossary says simulation
        ("after the confirmation", "确认"),  # the glossary says confirm
    ],
)
def test_the_glossary_matches_any_inflection(said: str, term: str) -> None:
    assert term in default_analyzer().rewrite(said)


def test_a_word_that_only_starts_like_a_glossary_word_is_not_it() -> None:
    # base is 基数; basic is not
    assert "基数" not in default_analyzer().rewrite("basic question")
    # residence permit points is one phrase; pointers is not points, residence permit stays
    said = default_analyzer().rewrite("residence permit pointers")
    assert "居住证" in said and "积分" not in said


@pytest.mark.parametrize(
    "question",
    ["123乘以45等于多少？", "一斤等于几公斤", "How long should I boil an egg?"],
)
def test_a_question_made_mostly_of_words_nobody_here_uses_is_not_ours(
    retriever: Retriever, question: str
) -> None:
    """One word of ours (多少, how long) among words the index never saw is no match."""
    assert retriever.ask(question).kind == "unknown"


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        (
            "Is a photocopy of the business license enough for the points application?",
            "basic_materials",
        ),
        ("Can my mid-level title and my bachelor degree be combined?", "education_title_overlap"),
        (
            "We got a text message that the application was returned, what now?",
            "rejected_application",
        ),
    ],
)
def test_documents_titles_and_offices_named_in_english_reach_the_topic(
    retriever: Retriever, question: str, topic: str
) -> None:
    decision = retriever.ask(question)
    assert (decision.kind, decision.entry and decision.entry.id) == ("answer", topic)
