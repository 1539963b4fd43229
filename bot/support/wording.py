"""Words for staff instead of the console's internal values, in the agent's language: a
handoff's status and reason, a channel, and the notes the desk leaves in the transcript
("claimed by bob" is stored as such, so that it reads the same whoever wrote it and in
whatever language; the console shows it as a sentence)."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from typing import Any

from dialogs.locales import has, template, text


def say(locale: str, key: str, **values: Any) -> str:
    """A console text (`console-<key>`) in `locale`."""
    return text(locale, f"console-{key}", **values)


def say_html(locale: str, key: str, **html: str) -> str:
    """A console text as HTML: the text escaped, then its placeholders filled with `html`,
    markup the caller made safe (a <code> element, an escaped value)."""
    return escape(template(locale, f"console-{key}"), quote=True).format(**html)


def has_words(locale: str, key: str, value: str) -> str:
    """The console text `key` if there is one, else `value` as it is."""
    return say(locale, key) if has(locale, f"console-{key}") else value


def _known(locale: str, family: str, value: str) -> str:
    return has_words(locale, f"{family}-{value}", value)


def status_words(status: str, locale: str) -> str:
    return _known(locale, "status", status)


def channel_words(channel: str, locale: str) -> str:
    return _known(locale, "channel", channel)


def reason_words(reason: str, locale: str) -> str:
    return _known(locale, "reason", reason)


def locale_words(user_locale: str, locale: str) -> str:
    return _known(locale, "locale", user_locale)


Words = Callable[[re.Match[str], str], str]
_NOTES: tuple[tuple[re.Pattern[str], Words], ...] = (
    (
        re.compile(r"handoff: (\w+)"),
        lambda m, lo: say(lo, "note-handoff", reason=reason_words(m[1], lo)),
    ),
    (re.compile(r"claimed by (.+)"), lambda m, lo: say(lo, "note-claimed", agent=m[1])),
    (re.compile(r"transferred to (.+)"), lambda m, lo: say(lo, "note-transferred", agent=m[1])),
    (re.compile(r"returned to the queue: no agent reply"), lambda _m, lo: say(lo, "note-returned")),
)


def note_words(note: str, locale: str) -> str:
    """A system line of the transcript as a sentence."""
    for pattern, words in _NOTES:
        match = pattern.fullmatch(note)
        if match:
            return words(match, locale)
    return note
