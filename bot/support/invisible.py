"""Characters a person cannot see, made visible for staff."""

from __future__ import annotations

import unicodedata

HIDDEN = frozenset({"Cc", "Cf", "Zl", "Zp", "Co", "Cs"})


def visible(text: str) -> str:
    """What a user wrote, with its invisible characters made visible: bidi overrides (which
    can make "txt.exe" read "exe.txt"), zero-width characters and other controls show as
    ⟨U+202E⟩. Line breaks and tabs stay."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(
        f"⟨U+{ord(c):04X}⟩" if c not in "\n\t" and unicodedata.category(c) in HIDDEN else c
        for c in text
    )
