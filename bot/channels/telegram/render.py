"""A `Reply` as Telegram messages: escaped HTML, split to fit, choices as an inline keyboard."""

from __future__ import annotations

import html
import unicodedata
from dataclasses import dataclass
from typing import Any

from bot.channels.marks import marked
from dialogs.types import Choice, Reply

MAX_TEXT = 4096  # Telegram counts UTF-16 code units, after entity parsing
MAX_CALLBACK_DATA = 64  # bytes
SHORT_LABEL = 12  # display columns (a CJK character takes two): such labels go two to a row
ROW_COLUMNS = 28  # display columns of buttons side by side before a row wraps (a phone's width)
ROW_BUTTONS = 4  # Telegram refuses more than 8 in a row; four is what stays legible


# An InlineKeyboardButton as the Bot API takes it: plain JSON, not aiogram's model, whose
# validation cost ~30 µs a keyboard on the hot path (issue 20).
Button = dict[str, str]


@dataclass(frozen=True)
class TelegramMessage:
    html: str
    keyboard: dict[str, Any] | None = None  # an InlineKeyboardMarkup as JSON


def render(reply: Reply) -> list[TelegramMessage]:
    """The messages to send for one reply, in order; the keyboard rides on the last one."""
    parts = [html.escape(part, quote=False) for part in split_text(marked(reply))]
    last = TelegramMessage(parts[-1], keyboard(reply))
    return [TelegramMessage(part) for part in parts[:-1]] + [last]


def keyboard(reply: Reply) -> dict[str, Any] | None:
    """Choices one per row (two per row when every label is short), the 👍/👎 of an FAQ answer
    in a row of their own, then the buttons (navigation, the read-back's fix of each answer)
    side by side, wrapped to a phone's width.

    The callback data is the choice id itself: every callback query is a choice.
    """
    choices = [_button(choice) for choice in reply.choices]
    width = 2 if all(_columns(c.label) <= SHORT_LABEL for c in reply.choices) else 1
    rows = [choices[i : i + width] for i in range(0, len(choices), width)]
    if reply.rating:
        rows.append([_button(thumb) for thumb in reply.rating])
    rows += _wrapped([_button(button) for button in reply.buttons])
    return {"inline_keyboard": rows} if rows else None


def _wrapped(buttons: list[Button]) -> list[list[Button]]:
    rows: list[list[Button]] = []
    for button in buttons:
        row = rows[-1] if rows else []
        width = sum(_columns(b["text"]) for b in row) + _columns(button["text"])
        if row and width <= ROW_COLUMNS and len(row) < ROW_BUTTONS:
            row.append(button)
        else:
            rows.append([button])
    return rows


def _button(choice: Choice) -> Button:
    if len(choice.id.encode()) > MAX_CALLBACK_DATA:
        raise ValueError(f"choice id {choice.id!r} is over {MAX_CALLBACK_DATA} bytes")
    return {"text": choice.label, "callback_data": choice.id}


def _columns(label: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in label)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def split_text(text: str, limit: int = MAX_TEXT) -> list[str]:
    """Cut at line ends so that each part fits; a single line longer than `limit` is cut inside."""
    parts: list[str] = []
    current, size = "", 0
    for line in text.splitlines(keepends=True):
        length = utf16_len(line)
        if size + length > limit and current:
            parts.append(current)
            current, size = "", 0
        while length > limit:
            head, line = _cut(line, limit)
            parts.append(head)
            length = utf16_len(line)
        current, size = current + line, size + length
    parts.append(current)
    trimmed = [part.strip("\n") for part in parts]
    return [part for part in trimmed if part] or [text]


def _cut(line: str, limit: int) -> tuple[str, str]:
    """The longest head of `line` within `limit` UTF-16 units, never halving a surrogate pair."""
    size = 0
    for index, ch in enumerate(line):
        size += 2 if ord(ch) > 0xFFFF else 1
        if size > limit:
            return line[:index], line[index:]
    return line, ""
