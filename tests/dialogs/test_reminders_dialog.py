"""设置提醒 / 我的提醒 / 已签注 / 退订提醒 in the dialog: effects the service carries out."""

from __future__ import annotations

from typing import Any

import pytest


def effects(chat: Any) -> list[tuple[str, dict[str, Any]]]:
    return [(e.kind, dict(e.data)) for e in chat.effects]


@pytest.mark.parametrize(
    ("said", "expiry"),
    [
        ("2027年3月1日", "2027-03-01"),
        ("2027-03-01", "2027-03-01"),
        ("明年3月1号", "2027-03-01"),
        ("3月1日", "2027-03-01"),
        ("12月1日", "2026-12-01"),
    ],
)
def test_setting_a_reminder_from_the_expiry_date(chat: Any, said: str, expiry: str) -> None:
    chat.send("设置提醒")
    assert "哪天到期" in chat.text
    chat.send(said)
    assert effects(chat) == [("set_reminder", {"expiry": expiry})]
    assert chat.last.replies == ()  # the service answers with the reminders it planned
    assert chat.state == "menu"


@pytest.mark.parametrize(
    ("said", "reply"),
    [("2025-03-01", "已经过去了"), ("2035-03-01", "超过 5 年以后"), ("下个月吧", "没看懂")],
)
def test_a_past_far_or_unreadable_date_is_asked_again(chat: Any, said: str, reply: str) -> None:
    chat.send(command="remind")
    chat.send(said)
    assert reply in chat.text
    assert effects(chat) == []
    assert chat.state == "expiry"
    chat.send("2027-03-01")
    assert effects(chat) == [("set_reminder", {"expiry": "2027-03-01"})]


def test_the_result_offers_an_endorsement_reminder(chat: Any) -> None:
    chat.say("算积分", "30", "硕士", "没有", "1年", "无", "否")
    chat.send(choice="menu:remind")
    assert "哪天到期" in chat.text


def test_my_reminders_asks_the_service(chat: Any) -> None:
    chat.send("我的提醒")
    assert effects(chat) == [("list_reminders", {})]
    chat.send(choice="menu:reminders")
    assert effects(chat) == [("list_reminders", {})]


@pytest.mark.parametrize(
    ("said", "day"),
    [
        ("已签注", "2026-11-23"),
        ("已签注 2026-11-20", "2026-11-20"),
        ("已签注11月20日", "2026-11-20"),
    ],
)
def test_endorsed_with_a_date_default_today(chat: Any, said: str, day: str) -> None:
    chat.send(said)
    assert effects(chat) == [("endorsed", {"date": day})]


def test_endorsed_in_the_future_is_questioned(chat: Any) -> None:
    chat.send("已签注 2026-12-20")
    assert effects(chat) == []
    assert "还没到" in chat.text


def test_unsubscribe_cancels_all(chat: Any) -> None:
    chat.send("退订提醒")
    assert effects(chat) == [("cancel_reminders", {})]


def test_reminder_commands_in_the_middle_of_the_questions_keep_the_place(chat: Any) -> None:
    chat.say("算积分", "30")
    chat.send("已签注")
    assert effects(chat) == [("endorsed", {"date": "2026-11-23"})]
    assert chat.state == "asking"
    chat.send("2")  # the education choices are still the ones on screen
    assert chat.answers["education"] == "college"
