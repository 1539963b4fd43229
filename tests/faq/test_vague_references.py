"""Things of this bot named vaguely, as people do (那个分 for the points, 那张卡 / 那个证 for the
permit, 盖一下 for its endorsement, 本子 for a degree, 新东家 for a new employer, 那个袋子 for
the personnel file): faq/data/lexicon.yaml references rewrites them to the domain words before
retrieval, so they reach their topic instead of a refusal. Another card or certificate named
outright keeps its name. Phrasings written for these tests, kept out of faq/data."""

from __future__ import annotations

import pytest

from faq.retrieve import Retriever
from faq.text import default_analyzer
from tests.dialogs.conftest import Chat
from tests.faq.conftest import answer_mark


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("那个120分的事我这种情况能办吗？", "eligibility"),
        ("那张卡每年去哪盖一下？", "permit_endorsement"),
        ("那个证快不能用了，要去哪延一下？", "permit_endorsement"),
        ("换了新东家，之前攒的那个分怎么转过去？", "change_employer"),
        ("手里有本子，还有个中级证，两样能一块算吗？", "education_title_overlap"),
        ("那张卡早过期了一直没弄，现在补还行吗？", "endorsement_overdue"),
        ("毕业那会那个袋子被我自己带走了，有影响吗？", "personnel_file"),
        ("那个登录的码想不起来了，能自己弄回来吗？", "password_reset"),
        ("刚到上海上班，那张在这长住用的卡怎么弄到手？", "permit_application"),
    ],
)
def test_a_vague_reference_reaches_its_topic(question: str, topic: str) -> None:
    chat = Chat()
    chat.send(question)
    assert answer_mark(topic) in chat.text


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        ("那个证书丢了去哪补", "那个证书"),
        ("那张银行卡过期了", "银行卡"),
        ("那个分数线是多少", "那个分数"),
    ],
)
def test_a_thing_named_outright_keeps_its_name(question: str, kept: str) -> None:
    assert kept in default_analyzer().normalise(question)


@pytest.mark.parametrize("question", ["新东家试用期多久", "本子丢了怎么办", "医院怎么挂上号"])
def test_a_vague_word_outside_its_context_is_not_ours(retriever: Retriever, question: str) -> None:
    assert retriever.ask(question).kind == "unknown"
