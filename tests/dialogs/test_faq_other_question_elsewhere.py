"""Two questions in one message, the second handled by another office (积分怎么申请？另外落户需要
什么条件？): the first is answered and the user is told where the second is handled, not left
without a word on it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

POINTERS = yaml.safe_load(
    (Path(__file__).parents[2] / "faq" / "data" / "pointers.yaml").read_text(encoding="utf-8")
)


def test_the_first_is_answered_and_the_second_pointed_elsewhere(chat: Any) -> None:
    chat.send("积分怎么申请？另外落户需要什么条件？")
    assert chat.last.replies[0].faq is not None and chat.last.replies[0].faq.kind == "answered"
    assert POINTERS["hukou"]["pointer"]["zh-CN"] in chat.text


def test_in_english_the_pointer_is_english(chat_en: Any) -> None:
    chat_en.send("How do I apply for points? Also, what do I need to settle a hukou?")
    assert chat_en.last.replies[0].faq is not None
    assert chat_en.last.replies[0].faq.kind == "answered"
    assert POINTERS["hukou"]["pointer"]["en"] in chat_en.text


def test_one_question_of_ours_gets_no_pointer(chat: Any) -> None:
    chat.send("积分怎么申请？")
    assert POINTERS["hukou"]["pointer"]["zh-CN"] not in chat.text
