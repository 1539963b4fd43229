"""A talent subsidy (人才补贴, 安家费) is a scheme of its own, whatever words of ours stand
beside it (应届, 临港, 积分): refused. Extra points for a graduate or for working in Lingang
stay ours. Phrasings written for these tests, kept out of faq/data."""

from __future__ import annotations

import pytest

from faq.retrieve import Retriever
from tests.faq.conftest import answered


@pytest.mark.parametrize(
    "question",
    ["应届博士的人才补贴在哪儿申请", "在临港上班，安家费怎么领", "有了积分是不是就能拿人才津贴"],
)
def test_a_talent_subsidy_is_refused(retriever: Retriever, question: str) -> None:
    assert retriever.ask(question).kind == "unknown"


@pytest.mark.parametrize(
    ("question", "topic"),
    [("应届毕业能多加几分吗", "fresh_graduate_rule"), ("在临港上班积分有优惠吗", "remote_area")],
)
def test_a_graduates_or_lingangs_points_stay_ours(
    retriever: Retriever, question: str, topic: str
) -> None:
    assert answered(retriever, question) == topic
