"""Misspellings corrected by a table: one helper for the parsers' typos (data/words.yaml, in
`normalise`) and the request cues' (dialogs/intents.yaml). The longest misspelling wins.

Their scope differs on purpose, and so does where an ASCII misspelling is corrected: the
parsers correct one only as a whole word (yse is yes, yses stays), because an answer's English
words are many and short; the cues correct one anywhere, as Chinese ones (restrat is restart),
because their few misspellings are long enough not to hide inside other words."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["Typos", "typos"]


@dataclass(frozen=True)
class Typos:
    pattern: re.Pattern[str]
    table: Mapping[str, str]

    def correct(self, text: str) -> str:
        return self.pattern.sub(lambda m: self.table.get(m[0], m[0]), text)


def typos(table: Mapping[str, str], *, ascii_whole_words: bool) -> Typos:
    """A corrector of `table` (misspelling -> word), ASCII misspellings as whole words only
    when `ascii_whole_words`, else anywhere."""
    longest = sorted(table, key=len, reverse=True)
    parts = list(map(re.escape, longest))
    if ascii_whole_words:
        words = [re.escape(t) for t in longest if t.isascii()]
        parts = [rf"\b(?:{'|'.join(words)})\b", *(re.escape(t) for t in longest if not t.isascii())]
    return Typos(re.compile("|".join(parts)), dict(table))
