"""Messages that ask two things, or ask after a story: the first question's topic is answered,
a second question about the same topic settles it, after a story the topic of the whole message
decides when one of its questions asks it, a story of tries that failed (输了几次
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
        # After a story, a narrow first question (这下怎么办, 是不是系统出问题了) gives way to
        # the topic the whole message asks, when a later question asks it.
        (
            "我在积分系统登录页面输了身份证号，密码却怎么都对不上，点找回密码只跳出一个要下载的"
            "表格，这下怎么办？个人密码到底怎么重置？",
            "password_reset",
        ),
        (
            "我上个月刚领到居住证，登录积分系统一看什么分都没有。是不是系统出问题了？有了居住证"
            "难道不是自动就有积分吗？",
            "permit_vs_points",
        ),
        # Two questions with no story before them: the first decides.
        ("积分个人密码忘了怎么重置？另外积分通知书能自己打印吗？", "password_reset"),
        ("续签要提前多久办？流程大概是什么？", "renewal_timing"),
        # 怎样 asks as 怎么 does: the first question is the one asked with it.
        ("怎样重置积分个人密码？另外通知书能自己打印吗？", "password_reset"),
        ("居住证怎样续签？续签要带什么材料？", "renewal_process"),
    ],
)
def test_the_question_asked_gets_its_topic(question: str, topic: str) -> None:
    chat = Chat()
    chat.send(question)
    assert answer_mark(topic) in chat.text
