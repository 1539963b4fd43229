"""The menu, the FAQ inside the dialog, handoff, language, data deletion, the machine."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

import dialogs.machine
from dialogs.conversation import Conversation
from dialogs.machine import MACHINE, step
from dialogs.types import Inbound
from scoring.policy import edition_in_force

VALUES = edition_in_force(date(2026, 11, 23)).values()
FAQ_DATA = Path(__file__).parents[2] / "faq" / "data"
# The one table of sources users see (shared/policy/sources.md), FAQ answers' as well.
POLICY = Path(__file__).parents[2] / "scoring" / "policy" / "2018-01-01.yaml"


def test_start_greets_with_the_main_menu(chat: Any) -> None:
    chat.send(command="start")
    assert "您好" in chat.text
    assert chat.choice_ids[:4] == ["menu:score", "menu:faq", "menu:remind", "menu:human"]
    assert [c.label for c in chat.choices[:4]] == ["算积分", "常见问题", "设置提醒", "转人工"]


def test_a_greeting_gets_the_menu(chat: Any) -> None:
    chat.send("你好")
    assert "menu:score" in chat.choice_ids
    assert chat.effects == []


def topic_file(topic: str) -> dict[str, Any]:
    """A topic as the FAQ data file holds it, read without the FAQ code."""
    data: dict[str, Any] = yaml.safe_load((FAQ_DATA / "topics" / f"{topic}.yaml").read_text())
    return data


def test_faq_lists_the_most_asked_topics(chat: Any) -> None:
    chat.send("常见问题")
    meta = yaml.safe_load((FAQ_DATA / "meta.yaml").read_text())
    first_six = meta["most_asked"][:6]
    assert chat.choice_ids == [f"faq:{topic}" for topic in first_six]
    assert [c.label for c in chat.choices] == [topic_file(t)["question"] for t in first_six]


def test_picking_a_topic_shows_its_answer_and_sources_with_a_way_to_a_person(chat: Any) -> None:
    chat.send(command="faq")
    chat.send("1")  # the first of the menu: 忘记密码
    topic = topic_file("password_reset")
    sources = yaml.safe_load(POLICY.read_text())["sources"]
    titles = "；".join(sources[key]["title"] for key in topic["sources"])
    shown = f"来源：{titles}。非官方，仅供参考，以官方公布为准。"  # an agency page
    assert chat.text.startswith(topic["answer"].strip())
    assert chat.text.endswith(shown)
    assert "nav:human" in chat.buttons
    assert chat.state == "menu"
    chat.send(choice="faq:password_reset")
    assert chat.text.startswith(topic["answer"].strip()) and chat.text.endswith(shown)


def test_a_topic_in_english(chat_en: Any) -> None:
    chat_en.send(choice="faq:password_reset")
    assert chat_en.text.endswith(
        "Source: an agency guide to the application steps, 2020 (unofficial)."
        " Unofficial, for reference only; the official announcement decides."
    )


def test_a_confident_question_at_the_menu_is_answered(chat: Any) -> None:
    chat.send("积分通知书丢了怎么补打？")
    assert "打印积分通知书" in chat.text
    assert chat.buttons == ["nav:human", "nav:menu"]
    assert chat.effects == []


def test_an_unknown_question_offers_a_person_and_is_recorded(chat: Any) -> None:
    chat.send("给我讲个笑话吧？")
    assert "我不知道" in chat.text
    assert [(e.kind, dict(e.data)) for e in chat.effects] == [
        ("faq_unanswered", {"question": "给我讲个笑话吧？"})
    ]
    assert chat.choice_ids == ["yes", "no"]
    chat.send("好的")
    assert [(e.kind, dict(e.data)) for e in chat.effects] == [
        ("handoff", {"reason": "faq_unknown"})
    ]
    assert chat.state == "menu"


def test_declining_the_person_returns_to_the_menu(chat: Any) -> None:
    chat.send("北京的积分落户怎么办理？")
    chat.send(choice="no")
    assert chat.effects == []
    assert "menu:score" in chat.choice_ids


@pytest.mark.parametrize(
    "message",
    [{"text": "转人工"}, {"text": "人工"}, {"text": "找人工"}, {"text": "talk to a person"},
     {"command": "human"}, {"choice": "nav:human"}, {"choice": "menu:human"}],
)  # fmt: skip
def test_asking_for_a_person_requests_a_handoff(chat: Any, message: dict[str, str]) -> None:
    chat.say("算积分", "30")
    chat.send(**message)
    assert [(e.kind, dict(e.data)) for e in chat.effects] == [
        ("handoff", {"reason": "user_request"})
    ]
    assert chat.last.replies == ()  # the support desk answers: place in the queue
    assert chat.state == "asking"  # the bot resumes where the dialog was
    chat.send("大专")
    assert chat.answers["education"] == "college"


def test_language_switch_from_the_menu(chat: Any) -> None:
    chat.send("English")
    assert chat.conversation.locale == "en"
    assert "Calculate my points" in [c.label for c in chat.choices]
    chat.send(choice="menu:language")
    assert chat.conversation.locale == "zh-CN"
    chat.send(command="language")
    assert chat.conversation.locale == "en"


def test_deleting_my_data_asks_first(chat: Any) -> None:
    chat.say("算积分", "30", "大专")
    chat.send("删除我的数据")
    assert chat.choice_ids == ["yes", "no"]
    assert chat.effects == []
    chat.send("确定")  # not a yes: nothing is deleted
    assert chat.effects == []
    assert chat.answers == {"age": 30, "education": "college"}
    chat.send(command="delete_my_data")
    chat.send("是")
    assert [e.kind for e in chat.effects] == ["delete_data"]
    assert chat.answers == {}
    assert chat.conversation.context["offered"]  # the menu is offered again


def test_a_sticker_or_photo_gets_asked_for_text(chat: Any) -> None:
    chat.say("算积分")
    chat.send()
    assert "请用文字回复" in chat.text
    assert chat.state == "asking"


def test_a_message_too_long_is_refused_politely(chat: Any) -> None:
    chat.send("算积分")
    chat.send("很" * 4001)
    assert "消息太长了" in chat.text
    assert chat.conversation.context["q"] == "age"


def test_a_stale_button_is_not_taken_as_an_answer(chat: Any) -> None:
    chat.say("算积分", "30")
    chat.send(choice="tier:2x")
    assert "按钮已经过期" in chat.text
    assert "insurance_base_tier" not in chat.answers


def test_one_machine_serves_every_conversation_and_none_stays_attached(now: Any) -> None:
    before = dialogs.machine.MACHINE
    conversations = [Conversation.new() for _ in range(3)]
    for i, conversation in enumerate(conversations):
        step(conversation, Inbound("web", f"u{i}", "1", now, text="算积分"), now)
        step(conversation, Inbound("web", f"u{i}", "2", now, text=str(30 + i)), now)
        assert MACHINE.models == []
        assert not hasattr(conversation, "trigger")
        assert not hasattr(conversation, "is_asking")
    assert dialogs.machine.MACHINE is before
    assert [c.answers["age"] for c in conversations] == [30, 31, 32]


def test_the_same_conversation_object_can_be_stepped_again_without_warnings(
    now: Any, caplog: pytest.LogCaptureFixture
) -> None:
    conversation = Conversation.new()
    for i, text in enumerate(["算积分", "30", "大专"]):
        step(conversation, Inbound("web", "u", str(i), now, text=text), now)
    assert not [r for r in caplog.records if r.name.startswith("transitions")]


def test_record_has_exactly_the_four_columns() -> None:
    record = Conversation.new("en").to_record()
    assert record == {"state": "menu", "locale": "en", "answers": {}, "context": {}}
    assert Conversation.from_record(**record) == Conversation.new("en")


@pytest.mark.parametrize(
    ("said", "topic"),
    [
        ("忘记密码怎么办", "password_reset"),
        ("密码", "password_reset"),
        ("签注", "permit_endorsement"),
    ],
)
def test_a_clear_question_at_the_menu_gets_its_answer(chat: Any, said: str, topic: str) -> None:
    chat.send(said)
    first_line = topic_file(topic)["answer"].strip().split("\n")[0]
    assert chat.text.startswith(first_line)
    assert chat.buttons == ["nav:human", "nav:menu"]
    assert chat.effects == []


def test_a_vague_word_at_the_menu_gets_topics_to_pick_from(chat: Any) -> None:
    chat.send("积分")
    assert chat.text == "您想问的是下面哪一个？"
    assert 2 <= len(chat.choice_ids) <= 3
    # A bare word: the general topics about points, never a narrow one such as a password.
    general = {
        "how_to_reach_120",
        "application_process",
        "eligibility",
        "points_benefits",
        "points_validity",
        "score_simulation",
        "permit_vs_points",
    }
    assert {c.removeprefix("faq:") for c in chat.choice_ids} <= general
    assert all(choice.startswith("faq:") for choice in chat.choice_ids)


def test_a_question_the_faq_cannot_answer_is_recorded_and_a_person_offered(chat: Any) -> None:
    chat.send("火星上的猫怎么养")
    assert "我不知道" in chat.text and "人工客服" in chat.text
    assert chat.choice_ids == ["yes", "no"]
    assert [e.kind for e in chat.effects] == ["faq_unanswered"]


def test_cancelling_a_handoff_outside_one_shows_where_the_user_was(chat: Any) -> None:
    chat.say("算积分", "30")
    chat.send("取消转人工")
    assert chat.effects == []
    assert "最高学历" in chat.text


def test_cancel_while_confirming_deletion_deletes_nothing(chat: Any) -> None:
    chat.say("删除我的数据", "取消")
    assert chat.effects == []
    assert "没有删除" in chat.text


def test_a_record_from_an_older_version_starts_again_at_the_menu(now: Any) -> None:
    conversation = Conversation.from_record("gone", "zh-CN", {"age": 30}, {"q": "horoscope"})
    result = step(conversation, Inbound("web", "u", "1", now, text="菜单"), now)
    assert conversation.state == "menu"
    assert "menu:score" in [c.id for r in result.replies for c in r.choices]
