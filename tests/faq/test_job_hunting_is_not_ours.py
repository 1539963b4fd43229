"""Where a graduate looks for a job (sites, apps, the best way to find one) is not a question
about points, though 应届生 is one of our words: refused. Whether a graduate gets points stays
ours. Phrasings written for these tests, kept out of faq/data."""

from __future__ import annotations

import pytest

from faq.retrieve import Retriever
from tests.faq.conftest import answered


@pytest.mark.parametrize(
    "question",
    [
        "应届生在上海找工作去哪个网站比较靠谱",
        "应届生找实习一般上什么平台找",
        "刚毕业想在上海找工作用什么软件好",
        "How should a new graduate go about job hunting in Shanghai?",
        "which job boards do fresh graduates use in Shanghai",
    ],
)
def test_where_a_graduate_looks_for_work_is_refused(retriever: Retriever, question: str) -> None:
    assert retriever.ask(question).kind == "unknown"


@pytest.mark.parametrize(
    "question", ["应届生办积分有额外加分吗", "as a fresh graduate do I get extra points"]
)
def test_a_graduates_points_stay_ours(retriever: Retriever, question: str) -> None:
    assert answered(retriever, question) == "fresh_graduate_rule"
