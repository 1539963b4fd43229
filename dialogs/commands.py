"""Commands that work at any point: typed words, slash commands, navigation buttons."""

from __future__ import annotations

import re
from functools import cache

from dialogs.conversation import LOCALES
from dialogs.intents import Intent, detect, field_named
from dialogs.locales import text
from dialogs.parsing import normalise, ordinal
from dialogs.questions import QUESTIONS
from dialogs.types import Inbound

__all__ = ["ANSWER", "Event", "command_of", "intent_choice", "resolve_number", "route"]

Event = tuple[str, str]  # (trigger, argument)
ANSWER = "answer"
INTENT = "intent:"
INTENT_TRIGGERS = frozenset(
    {"score", "remind", "reminders", "unsubscribe", "human", "restart", "edit", "delete_data",
     "menu", "back"}
)  # fmt: skip
DELETE = ("delete_data", "")

WORDS: dict[str, Event] = {
    "返回": ("back", ""),
    "上一步": ("back", ""),
    "上一题": ("back", ""),
    "back": ("back", ""),
    "重新开始": ("restart", ""),
    "重来": ("restart", ""),
    "restart": ("restart", ""),
    "菜单": ("menu", ""),
    "主菜单": ("menu", ""),
    "menu": ("menu", ""),
    "start": ("start", ""),
    "english": ("language", "en"),
    "英文": ("language", "en"),
    "中文": ("language", "zh-CN"),
    "chinese": ("language", "zh-CN"),
    "language": ("language", ""),
    "转人工": ("human", ""),
    "人工": ("human", ""),
    "找人工": ("human", ""),
    "人工客服": ("human", ""),
    "human": ("human", ""),
    "talk to a person": ("human", ""),
    "常见问题": ("faq", ""),
    "faq": ("faq", ""),
    "设置提醒": ("remind", ""),
    "签注提醒": ("remind", ""),
    "remind": ("remind", ""),
    "set a reminder": ("remind", ""),
    "我的提醒": ("reminders", ""),
    "reminders": ("reminders", ""),
    "my reminders": ("reminders", ""),
    "退订提醒": ("unsubscribe", ""),
    "取消提醒": ("unsubscribe", ""),
    "unsubscribe": ("unsubscribe", ""),
    "取消": ("cancel", ""),
    "取消转人工": ("cancel", "human"),  # outside a handoff: where the user was, shown again
    "cancel": ("cancel", ""),
    "算积分": ("score", ""),
    "计算积分": ("score", ""),
    "测积分": ("score", ""),
    "score": ("score", ""),
    "删除我的数据": ("delete_data", ""),
    "delete_my_data": ("delete_data", ""),
    "delete my data": ("delete_data", ""),
}
PREFIXES: tuple[tuple[str, str], ...] = (
    ("修改", "edit"),
    ("更改", "edit"),
    ("edit ", "edit"),
    ("已签注", "endorsed"),
    ("endorsed", "endorsed"),
)
CHOICES: dict[str, Event] = {
    "menu:score": ("score", ""),
    "menu:faq": ("faq", ""),
    "menu:remind": ("remind", ""),
    "menu:reminders": ("reminders", ""),
    "menu:human": ("human", ""),
    "menu:language": ("language", ""),
    "nav:back": ("back", ""),
    "nav:menu": ("menu", ""),
    "nav:human": ("human", ""),
    "nav:restart": ("restart", ""),
    "remind:goal": ("goal_reminder", ""),
}


def _command_text(text: str) -> str:
    return re.sub(r"[\s。.!！?？~～]+$", "", normalise(text)).lstrip("/")


def route(inbound: Inbound) -> Event:
    """The trigger an inbound message fires; everything that is no command is an answer."""
    if inbound.command:
        name = _command_text(inbound.command)
        if name == "edit":
            return ("edit", inbound.text or "")
        if name in WORDS:
            return WORDS[name]
    if inbound.choice:
        if inbound.choice in CHOICES:
            return CHOICES[inbound.choice]
        if inbound.choice.startswith(INTENT):  # intent:<trigger>:<arg>, from "which was meant"
            trigger, _, arg = inbound.choice.removeprefix(INTENT).partition(":")
            return (trigger, arg) if trigger in INTENT_TRIGGERS else (ANSWER, "")
        if inbound.choice.startswith("faq:"):
            return ("faq_topic", inbound.choice.removeprefix("faq:"))
        if inbound.choice.startswith("rate:"):  # 👍/👎 under an FAQ answer
            return ("rate", inbound.choice.removeprefix("rate:"))
        return (ANSWER, "")
    said = _command_text(inbound.text or "")
    if said in WORDS:
        return WORDS[said]
    for prefix, trigger in PREFIXES:
        if said.startswith(prefix):
            rest = said.removeprefix(prefix).strip()
            return (trigger, _question_named(rest) if trigger == "edit" else rest)
    # Deleting one's data works everywhere, in the user's own words too: also while a person on
    # the staff holds the conversation, where nothing else of the dialog runs.
    intent = detect(said)
    if intent is not None and intent.trigger == DELETE[0]:
        return DELETE
    return (ANSWER, "")


def _question_named(rest: str) -> str:
    """The question 修改<rest> names, by its id: its read-back label, else the words typed
    requests name it by (修改结婚年限: the years married, not 年限 of the insurance); else
    `rest` as typed, for the questions' own edit words."""
    return _by_label().get(rest) or field_named(rest) or rest


@cache
def _by_label() -> dict[str, str]:
    """The question each field name of the read-back names (修改专业对口 in WeChat, where the
    fix button of a follow-up is the words to type): by its id."""
    return {normalise(text(locale, f"field-{q.id}")): q.id for q in QUESTIONS for locale in LOCALES}


def command_of(intent: Intent) -> Event:
    """The command a typed request asks for; an edit names its question by its id ("" when the
    text names none: then the read-back list is offered), or two (intents.EITHER)."""
    return (intent.trigger, intent.either or intent.arg)


def intent_choice(intent: Intent) -> str:
    trigger, arg = command_of(intent)
    return f"{INTENT}{trigger}:{arg}"


def resolve_number(text: str, offered: list[str]) -> str | None:
    """A number or an ordinal (3, 三, 选第三个, 最后一个) typed where choices were offered picks
    that choice (1-based)."""
    if not offered or not text.strip():
        return None
    number = ordinal(text, len(offered))
    return offered[number - 1] if number is not None and 1 <= number <= len(offered) else None
