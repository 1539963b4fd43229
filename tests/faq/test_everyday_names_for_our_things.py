"""Our things named the everyday way reach their topic: the password said as 口令, an account
frozen (冻住, 封号) for locked, getting the points said as 办分, the papers as 那堆纸, the permit
as 居住的卡, education's points as 念书/读书那块的分. Phrasings written for these tests, kept
out of faq/data."""

from __future__ import annotations

import pytest

from faq.retrieve import Retriever
from tests.dialogs.conftest import Chat
from tests.faq.conftest import answer_mark


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("积分那边的登录口令不记得了，能重新设一个吗", "password_reset"),
        ("乱输了几回，号被冻上了，要等多久", "account_locked"),
        ("办分要上哪个网站", "login_portal"),
        ("办分的一堆纸最后交到哪个窗口", "where_to_apply"),
        ("读书那块的分跟技能证的分能叠着算吗", "education_title_overlap"),
        ("我想弄一张居住的卡，要准备啥", "permit_application"),
    ],
)
def test_an_everyday_name_reaches_the_topic(question: str, topic: str) -> None:
    chat = Chat()
    chat.send(question)
    assert answer_mark(topic) in chat.text


@pytest.mark.parametrize("question", ["想办分公司要什么手续", "办分期付款要带什么"])
def test_a_branch_office_or_instalments_is_not_getting_points(
    retriever: Retriever, question: str
) -> None:
    """办分 is getting the points only where no other word goes on from 分 (分公司, 分期)."""
    entry = retriever.ask(question).entry
    assert entry is None or entry.id not in {"login_portal", "application_process"}
