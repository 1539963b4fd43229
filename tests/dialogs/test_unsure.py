"""我也不确定 at a question: how to find out, what it could be worth (the calculator's own
difference between the options), and a button to go on with the lowest case."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dialogs.locales import text
from dialogs.result import score_answers

TODAY = date(2026, 11, 23)


def worth(answers: dict[str, Any], field: str, values: list[str]) -> int:
    totals = [score_answers({**answers, field: v}, TODAY).score.total for v in values]
    return max(totals) - min(totals)


@pytest.mark.parametrize("said", ["我也不确定", "不清楚", "記不清了", "说不准"])
def test_unsure_about_the_base_says_where_to_look_and_what_it_is_worth(
    chat: Any, said: str
) -> None:
    chat.say("算积分", "30", "大专", "没有", "5年", said)
    assert "随申办" in chat.text and "12333" in chat.text
    answers = {"age": 30, "education": "college", "title": "none", "social_insurance_months": 60}
    points = worth(answers, "insurance_base_tier", ["none", "0.8x", "1x", "2x", "3x"])
    assert f"最多相差 {points} 分" in chat.text
    assert chat.choices[0].id == "tier:none"
    assert chat.choices[0].label == "先按「不到 0.8 倍」算"
    assert "insurance_base_tier" not in chat.answers, "不确定 is never taken as an answer"
    chat.send(choice="tier:none")
    assert chat.answers["insurance_base_tier"] == "none"
    assert "有符合您的吗" in chat.text


def test_unsure_in_english(chat_en: Any) -> None:
    chat_en.say("score", "30", "not sure")
    assert text("en", "unsure-education") in chat_en.text
    assert chat_en.choices[0].id == "edu:none"
    assert "education" not in chat_en.answers


def test_unsure_about_the_insurance_months_explains_without_a_guess(chat: Any) -> None:
    chat.say("算积分", "30", "大专", "没有", "不记得了")
    assert "随申办" in chat.text
    assert "social_insurance_months" not in chat.answers
    chat.send("4年")
    assert chat.answers["social_insurance_months"] == 48


def test_unsure_where_the_options_score_the_same_offers_no_lowest_case(chat: Any) -> None:
    chat.say("算积分", "30", "大专", "没有", "1年", "无", "不知道")
    assert "deductions" not in chat.conversation.context.get("extra", {})
    assert not any(c.label.startswith("先按") for c in chat.choices)
    assert [c.id for c in chat.choices] == ["yes", "no"]
