"""Near-domain questions as the user sees them: another office's matter is not answered with a
points topic, even when the story says 社保 on the way, and the reply says where it is handled.
Phrasings written for these tests, kept out of faq/data."""

from __future__ import annotations

import pytest

from tests.dialogs.conftest import Chat

# What every points answer of these topics would show: none of it may appear.
POINTS_ANSWER_WORDS = ("积分通知书", "模拟打分", "人才服务中心")


@pytest.mark.parametrize(
    ("question", "handled_by"),
    [
        # 社保 in the story is the other office's word too: the pension, the housing rules,
        # medical insurance and a work injury are theirs.
        ("我在上海交了七年社保，准备回老家了，想问养老金以后在哪里领", "12333"),
        ("社保交满五年了，够买房的条件吗", "房屋管理局"),
        ("公司社保交着呢，上下班路上摔了算不算工伤，去哪认定", "人力资源和社会保障局"),
        ("工伤认定的材料有哪些", "人力资源和社会保障局"),
        # Another card of the same name, and another scheme's points.
        ("港澳居民居住证去哪申请", "派出所"),
        ("芝麻分怎么涨", "商家"),
        ("京豆能换什么东西", "商家"),
    ],
)
def test_another_offices_matter_is_pointed_there_not_answered(
    question: str, handled_by: str
) -> None:
    chat = Chat()
    chat.send(question)
    assert handled_by in chat.text
    assert not any(word in chat.text for word in POINTS_ANSWER_WORDS)
