"""The retriever every question is asked of, swappable while the service runs (issue 16).

Staff teach variants and negatives in the console; each process rebuilds a whole `Retriever`
(BM25 indexes, classifier, lexicon and refusal gate) off the event loop and swaps it in with
one assignment. A caller takes `current()` once per question, so it sees the old index or the
new one, never half of each.
"""

from __future__ import annotations

from collections.abc import Mapping

from faq.retrieve import Retriever, default_retriever, load_entries
from faq.training import load_training

_current: Retriever | None = None


def current() -> Retriever:
    """The latest retriever swapped in; the one built from the data files until then."""
    return _current if _current is not None else default_retriever()


def swap(retriever: Retriever | None) -> None:
    """`retriever` answers from now on (None: back to the data files alone)."""
    global _current
    _current = retriever


def build(
    variants: Mapping[str, tuple[str, ...]], negatives: Mapping[str, tuple[str, ...]]
) -> Retriever:
    """A retriever of the data files plus what was taught. Seconds of CPU: call it off the
    event loop."""
    if not variants and not negatives:
        return default_retriever()
    training = load_training().taught(variants=variants, negatives=negatives)
    return Retriever(load_entries(), training=training)
