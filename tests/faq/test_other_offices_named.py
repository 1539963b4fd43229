"""Another office's matter named beside a word of ours is pointed there, not answered with a
points topic: an office's opening hours (we hold none), another site's account (学信网), the
degree certificates' office (留服), the insurance base's yearly figures, a Shanghai hukou moved
out, a shop's points. Phrasings written for these tests, kept out of faq/data."""

from __future__ import annotations

import pytest

from tests.dialogs.conftest import Chat
from tests.faq.conftest import answer_mark


@pytest.mark.parametrize(
    ("question", "handled_by", "not_answered"),
    [
        ("人才中心星期六上班吗", "办公时间", "where_to_apply"),
        ("受理点几点开门", "办公时间", "where_to_apply"),
        ("学信网密码找不回来了", "学信网", "password_reset"),
        ("留服认证要多久", "留学服务中心", "processing_time"),
        ("社保基数上限今年是多少", "12333", "si_base_rule"),
        ("上海户口迁移到老家怎么弄", "落户", "spouse_rule"),
        # A shop's points given with a purchase: the shop's, not the housing office's (买).
        ("买了双鞋子送积分吗", "商店", "who_submits"),
        ("逛街买衣服送积分吗", "商店", "who_submits"),
        # A pension is the social insurance office's, in English too.
        ("at what age can I draw my pension here", "12333", "age_rule"),
    ],
)
def test_another_offices_matter_is_pointed_there(
    question: str, handled_by: str, not_answered: str
) -> None:
    chat = Chat()
    chat.send(question)
    assert handled_by in chat.text
    assert answer_mark(not_answered) not in chat.text


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # ... while our own question about the same thing is still ours.
        ("海外学历积分要交留服认证书吗", "education_materials"),
        ("社保按基数下限交能积分吗", "si_base_rule"),
    ],
)
def test_our_question_beside_those_words_is_answered(question: str, topic: str) -> None:
    chat = Chat()
    chat.send(question)
    assert answer_mark(topic) in chat.text
