"""Messages that ask two things, or ask after a story: the first question's topic is answered,
a second question about the same topic settles it, a story of tries that failed (输了几次
都不对) is told, not asked, and the office named for printing the notice does not make it a
question of where to apply. Phrasings written for these tests, kept out of faq/data."""

from __future__ import annotations

import pytest

from tests.dialogs.conftest import Chat
from tests.faq.conftest import answer_mark


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # The permit asked for as "what to do" right after it, then when points may follow.
        ("居住证咋办？办完了多久可以申请积分？", "permit_application"),
        # What reaching the standard brings, then how to get there: the first is answered.
        ("积分够120了能干嘛？不够的话怎么凑？", "points_benefits"),
        # Two questions about one topic: the one that names it settles the message.
        ("带动就业可以加多少分？最高可以加到多少？", "investment_tax_rule"),
        # Tries that failed are the story; the lock is what is asked about.
        ("同事帮我试了几个密码都不对，现在锁了，多久能解？", "account_locked"),
        # Printing the notice at an office other than the employer's district: the reprint's
        # answer says where, not where applications are handed in.
        ("不在单位注册的那个区，别的区的人才中心能打通知书吗", "notice_reprint"),
        ("想进系统看审核进度，连着试了几次都不对，账号锁定了，什么时候能再登？", "account_locked"),
    ],
)
def test_the_question_asked_gets_its_topic(question: str, topic: str) -> None:
    chat = Chat()
    chat.send(question)
    assert answer_mark(topic) in chat.text
