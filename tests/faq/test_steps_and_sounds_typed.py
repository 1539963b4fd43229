"""Said loosely: the steps of a renewal asked as an order of things (按什么顺序, 先干啥后干啥)
are the renewal's process; a certificate alone said as 本本 asks for the other papers; 公司
mistyped by sound (工司, 公丝) is still a change of employer. Phrasings written for these
tests, kept out of faq/data."""

from __future__ import annotations

import pytest

from faq.retrieve import Retriever
from tests.faq.conftest import answered


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("积分快过期了，想续上，按什么顺序办？", "renewal_process"),
        ("拿个技师证去办分，光交个本本行不行", "title_materials"),
        ("换了工司，积分要怎么续", "change_employer"),
        ("换了公丝，积分还算数吗", "change_employer"),
    ],
)
def test_said_loosely_is_answered(retriever: Retriever, question: str, topic: str) -> None:
    assert answered(retriever, question) == topic
