"""Reply -> WeChat text messages. WeChat text has no buttons: choices become numbered lines
(the dialog resolves a typed number against the choices it offered last, in this order) and
buttons become the words to type, the 👍/👎 of an FAQ answer too (the dialog takes "有用" or
"没用" typed right after the answer as its rating, never as a menu pick); each message stays
under WeChat's 2048-byte limit."""

from __future__ import annotations

from collections.abc import Sequence

from bot.channels.marks import marked
from dialogs.types import Reply

MAX_BYTES = 2000


def render(reply: Reply) -> list[str]:
    lines = [marked(reply)]
    if reply.choices:
        lines.append("")
        lines += [f"{number}. {choice.label}" for number, choice in enumerate(reply.choices, 1)]
    words = [*reply.rating, *reply.buttons]
    if words:
        lines += ["", " ".join(f"「{word.label}」" for word in words)]
    return split("\n".join(lines), MAX_BYTES)


def together(replies: Sequence[Reply]) -> tuple[int, str]:
    """How many leading replies fit in one message together, and that message."""
    count, message = 0, ""
    for reply in replies:
        pieces = render(reply)
        joined = f"{message}\n\n{pieces[0]}" if message else pieces[0]
        if len(pieces) > 1 or _size(joined) > MAX_BYTES:
            break
        count, message = count + 1, joined
    return count, message


def split(text: str, limit: int) -> list[str]:
    """Pieces of at most `limit` UTF-8 bytes, cut between lines where a line allows it."""
    pieces: list[str] = []
    current = ""
    for line in text.splitlines(keepends=True):
        for part in _cut(line, limit):
            if current and _size(current + part) > limit:
                pieces.append(current)
                current = ""
            current += part
    if current or not pieces:
        pieces.append(current)
    return [piece.strip("\n") for piece in pieces]


def _cut(line: str, limit: int) -> list[str]:
    parts: list[str] = []
    while _size(line) > limit:
        head = line.encode()[:limit].decode("utf-8", "ignore")  # drops a cut character
        parts.append(head)
        line = line[len(head) :]
    return [*parts, line]


def _size(text: str) -> int:
    return len(text.encode())
