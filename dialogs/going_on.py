"""好，继续 when the open question was just shown again after an aside (an FAQ answer, a change
of language): the user acknowledges the aside and asks to go on, so the question is asked
again; 好 answers nothing there. Right after the question is asked, 好 is a yes as before
(好，继续 there is a yes, and the questions go on)."""

from __future__ import annotations

from dialogs.cues import CLAUSE
from dialogs.intents import detect, says
from dialogs.parsing import normalise
from dialogs.reading import CARRY_ON, Reading

__all__ = ["checked"]


def checked(said: str, reading: Reading) -> Reading:
    """`reading`, or the request to go on when every other clause of `said` only acknowledges."""
    if reading.kind != "value":
        return reading
    request = detect(said)
    if request is None or not request.sure or request.trigger != CARRY_ON:
        return reading
    others = [c for c in CLAUSE.findall(said) if c.strip() and detect(c) is None]
    if all(says("acknowledgements", normalise(c)) for c in others):
        return Reading("intent", request)
    return reading
