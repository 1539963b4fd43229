"""The bonus question picks several items: buttons toggle (✓), 完成 submits; typed numbers
("1 3") still answer at once, and text channels number the buttons the way the prompt says."""

from __future__ import annotations

from typing import Any

from bot.channels.wechat.render import render
from dialogs.locales import text

AT_BONUS = ["算积分", "30", "大专", "没有", "1年"]


def labels(chat: Any) -> dict[str, str]:
    return {c.id: c.label for c in chat.choices}


def test_pressing_items_ticks_them_and_done_submits_them(chat: Any) -> None:
    chat.say(*AT_BONUS)
    shortage, spouse = text("zh-CN", "bonus-shortage_major"), text("zh-CN", "bonus-spouse_hukou")
    assert labels(chat)["bonus:1"] == shortage
    assert labels(chat)["bonus:done"] == "完成（已选 0 项）"
    chat.send(choice="bonus:1")
    chat.send(choice="bonus:7")
    assert chat.state == "asking", "a press does not submit"
    assert labels(chat)["bonus:1"] == f"✓ {shortage}"
    assert labels(chat)["bonus:7"] == f"✓ {spouse}"
    assert labels(chat)["bonus:done"] == "完成（已选 2 项）"
    chat.send(choice="bonus:7")
    assert labels(chat)["bonus:7"] == spouse, "a second press unticks"
    chat.send(choice="bonus:done")
    assert chat.answers.get("shortage_major") is True
    assert "deductions" in chat.conversation.context["q"], "on to the next question"


def test_typed_numbers_still_answer_at_once(chat: Any) -> None:
    chat.say(*AT_BONUS, "1 7")
    assert chat.answers.get("shortage_major") is True
    assert "结婚满几年" in chat.text  # the spouse question follows


def test_one_typed_number_answers_that_item(chat: Any) -> None:
    chat.say(*AT_BONUS, "1")
    assert chat.answers.get("shortage_major") is True
    assert "近 3 年是否提供过虚假材料" in chat.text


def test_none_submits_nothing_picked(chat: Any) -> None:
    chat.say(*AT_BONUS)
    chat.send(choice="bonus:none")
    assert chat.conversation.context["extra"]["bonus"] == []


def test_editing_the_bonus_shows_the_earlier_picks_ticked(chat: Any) -> None:
    chat.say(*AT_BONUS, "1 7", "3", "否")
    assert "合计：" in chat.text
    chat.send("修改加分")
    ticked = [c.id for c in chat.choices if c.label.startswith("✓")]
    assert ticked == ["bonus:1", "bonus:7"]


def test_wechat_numbers_the_items_as_the_prompt_counts_them(chat: Any) -> None:
    chat.say(*AT_BONUS)
    [question] = [r for r in chat.last.replies if r.choices]
    shown = "\n".join(render(question))
    assert "回复编号，如 1 3" in shown
    assert f"1. {text('zh-CN', 'bonus-shortage_major')}" in shown
    assert f"3. {text('zh-CN', 'bonus-public_service')}" in shown
    chat.send("3")  # typed in WeChat: the numbered line 3, answered at once
    assert "环卫等特定公共服务领域工作满几年" in chat.text


def test_english_buttons_tick_too(chat_en: Any) -> None:
    chat_en.say("score", "30", "college", "none", "1 year")
    chat_en.send(choice="bonus:1")
    assert labels(chat_en)["bonus:1"].startswith("✓ ")
    assert labels(chat_en)["bonus:done"] == "Done (1 picked)"
