"""A permit's expiry told as a month without its day (后年1月到期, June 2027), at the reminder
question or with the request: never taken for a date (a reminder on a wrong day); the day is
asked for that month, and the day told next (20号, the 9th) sets the reminder on that date.
Phrasings written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from tests.dialogs.test_reminders_dialog import effects


@pytest.mark.parametrize(
    ("month", "asked", "day", "expiry"),
    [
        ("后年1月到期", "2028 年 1 月几号", "20号", "2028-01-20"),
        ("2027年6月份", "2027 年 6 月几号", "3", "2027-06-03"),
        ("四月", "2027 年 4 月几号", "十一日", "2027-04-11"),
    ],
)
def test_a_month_told_at_the_reminder_asks_its_day(
    chat: Any, month: str, asked: str, day: str, expiry: str
) -> None:
    chat.send("设置提醒")
    chat.send(month)
    assert effects(chat) == [], "no reminder on a day never told"
    assert asked in chat.text, chat.text
    chat.send(day)
    assert effects(chat) == [("set_reminder", {"expiry": expiry})]
    assert chat.state == "menu"


def test_a_month_told_with_the_request_asks_its_day(chat: Any) -> None:
    chat.send("帮我设个签注提醒，居住证明年8月到期")
    assert effects(chat) == [] and "2027 年 8 月几号" in chat.text, chat.text
    chat.send("12号")
    assert effects(chat) == [("set_reminder", {"expiry": "2027-08-12"})]


def test_english_a_month_told_then_the_day(chat_en: Any) -> None:
    chat_en.send(command="remind")
    chat_en.send("it runs out in June 2027")
    assert effects(chat_en) == [] and "month 6 of 2027" in chat_en.text, chat_en.text
    chat_en.send("the 9th")
    assert effects(chat_en) == [("set_reminder", {"expiry": "2027-06-09"})]


def test_a_day_that_month_has_not_is_asked_again(chat: Any) -> None:
    chat.send("设置提醒")
    chat.send("明年2月")
    chat.send("30号")
    assert effects(chat) == [] and chat.state == "expiry", chat.text
