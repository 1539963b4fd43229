"""Words for staff instead of the console's internal values: a handoff's status and reason,
and the notes the desk leaves in the transcript ("claimed by bob" is stored as such, so that
it reads the same whoever wrote it; the console shows it as a sentence)."""

from __future__ import annotations

import re
from collections.abc import Callable

STATUSES = {
    "waiting": "排队中",
    "live": "客服处理中",
    "resolved": "已结束",
    "cancelled": "用户已取消",
}
CHANNELS = {"web": "网页聊天", "telegram": "Telegram", "wechat": "微信公众号", "console": "终端"}
REASONS = {"user_request": "用户要求人工", "faq_unknown": "问答答不上来，用户要人工"}


def status_words(status: str) -> str:
    return STATUSES.get(status, status)


def channel_words(channel: str) -> str:
    return CHANNELS.get(channel, channel)


def reason_words(reason: str) -> str:
    return REASONS.get(reason, reason)


_NOTES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"handoff: (\w+)"), lambda m: f"用户转人工（{reason_words(m[1])}）"),
    (re.compile(r"claimed by (.+)"), lambda m: f"{m[1]} 接入了会话"),
    (re.compile(r"transferred to (.+)"), lambda m: f"会话转给了 {m[1]}"),
    (
        re.compile(r"returned to the queue: no agent reply"),
        lambda _m: "客服太久没有回复，会话回到排队",
    ),
)


def note_words(note: str) -> str:
    """A system line of the transcript as a sentence."""
    for pattern, words in _NOTES:
        match = pattern.fullmatch(note)
        if match:
            return words(match)
    return note
