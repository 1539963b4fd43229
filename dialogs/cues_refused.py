"""A request asked as a question and refused at once by the user in the same message (重来？
不用，选7; Restart? no. I'm 29; Talk to a person? not needed): no request, and the rest of the
text is what it says (the `asked_refused` markers of dialogs/intents.yaml)."""

from __future__ import annotations

from dialogs.intent_table import markers
from dialogs.parsing import normalise

__all__ = ["unasked", "unrefused"]


def unasked(said: str) -> str:
    """`said` (normalised) without the requests asked in it and refused (重来？不用，选7: 选7)."""
    return markers("asked_refused").either.sub(" ", said).strip()


def unrefused(text: str) -> str:
    """`text` without a request asked in it and refused, for the answer parsers (选7 of
    重来？不用，选7); as typed when it holds none, or nothing else."""
    said = normalise(text)
    rest = unasked(said)
    return rest if rest and rest != said else text
