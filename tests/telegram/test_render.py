"""How a reply looks on Telegram: escaped HTML, parts within 4,096 characters, keyboards."""

from __future__ import annotations

import pytest

from bot.channels.telegram.render import render, split_text, utf16_len
from dialogs.types import Choice, Reply


def test_text_is_escaped_for_html() -> None:
    (message,) = render(Reply("积分 <120 & 社保 > 0"))
    assert message.html == "积分 &lt;120 &amp; 社保 &gt; 0"


def test_a_staff_reply_is_marked_with_the_agents_name_in_the_users_language() -> None:
    (zh,) = render(Reply("您好 <请问>", agent="小王", locale="zh-CN"))
    (en,) = render(Reply("Hello", agent="Wang", locale="en"))
    assert (zh.html, en.html) == ("客服 小王：您好 &lt;请问&gt;", "Agent Wang: Hello")


def test_long_reply_is_split_at_line_ends_with_the_keyboard_on_the_last_part() -> None:
    lines = [f"第{i}行 " + "说明" * 40 for i in range(60)]  # 60 lines of ~86 characters
    reply = Reply("\n".join(lines), choices=(Choice("yes", "是"),))
    messages = render(reply)
    assert len(messages) == 2
    assert all(utf16_len(m.html) <= 4096 for m in messages)
    assert "\n".join(m.html for m in messages) == reply.text
    assert messages[0].keyboard is None
    assert messages[1].keyboard is not None


def test_a_line_longer_than_a_message_is_cut_without_halving_an_emoji() -> None:
    text = "😀" * 3000  # 6,000 UTF-16 units on one line
    parts = split_text(text)
    assert "".join(parts) == text
    assert [utf16_len(p) for p in parts] == [4096, 1904]


def test_short_labels_go_two_to_a_row_and_navigation_last() -> None:
    reply = Reply(
        "学历?",
        choices=(Choice("a", "大专"), Choice("b", "本科"), Choice("c", "硕士")),
        buttons=(Choice("nav:back", "返回"), Choice("nav:human", "人工客服")),
    )
    (message,) = render(reply)
    assert message.keyboard is not None
    rows = [
        [(b["text"], b["callback_data"]) for b in row]
        for row in message.keyboard["inline_keyboard"]
    ]
    assert rows == [
        [("大专", "a"), ("本科", "b")],
        [("硕士", "c")],
        [("返回", "nav:back"), ("人工客服", "nav:human")],
    ]


def test_long_labels_get_a_row_each() -> None:
    reply = Reply("?", choices=(Choice("a", "是，我有上海市居住证"), Choice("b", "否")))
    (message,) = render(reply)
    assert message.keyboard is not None
    assert [len(row) for row in message.keyboard["inline_keyboard"]] == [1, 1]


def test_choice_id_over_64_bytes_fails_loudly() -> None:
    with pytest.raises(ValueError, match="64 bytes"):
        render(Reply("?", choices=(Choice("x" * 65, "太长"),)))
