"""Edits and back together: the question asked is always one that applies (issue 18's two
regressions, each a break that once made the dialog raise)."""

from __future__ import annotations

from typing import Any


def test_editing_the_base_with_under_24_months_is_refused_and_the_question_stays(
    chat: Any,
) -> None:
    chat.say("算积分", "30", "大专", "没有", "1年")
    assert "有符合您的吗" in chat.text  # the bonus question: the base was never asked
    chat.send("修改基数")
    # named as the read-back names it (修改基数 names the question by the requests' words)
    assert "「社保缴费基数」这一项按您目前的回答不需要填写" in chat.text
    assert "有符合您的吗" in chat.text
    assert chat.state == "asking"
    assert "insurance_base_tier" not in chat.answers


def test_back_after_an_edit_drops_a_question_that_no_longer_applies(chat: Any) -> None:
    chat.say("算积分", "30", "大专", "没有", "8年", "2倍")
    assert chat.answers["insurance_base_tier"] == "2x"
    chat.say("修改社保", "1年")
    assert "insurance_base_tier" not in chat.answers
    chat.send("返回")
    assert "缴纳职工社保一共多久" in chat.text
    assert "您之前的回答：12 个月" in chat.text
    chat.send("返回")
    assert "职称或国家职业资格" in chat.text
    assert chat.state == "asking"


def test_back_after_an_edit_goes_to_the_question_before_the_edited_one(chat: Any) -> None:
    chat.say("算积分", "30", "大专", "没有", "4年", "无", "无", "否")
    assert "合计：" in chat.text
    chat.send("修改社保")
    assert "缴纳职工社保一共多久" in chat.text
    chat.send("返回")
    assert "职称或国家职业资格" in chat.text
    chat.send("没有")
    assert "缴纳职工社保一共多久" in chat.text, "then the edited question again"
    chat.send("5年")
    assert "合计：" in chat.text, "and the result: the rest was answered"
