"""The retriever every question is asked of, swappable while the service runs (issue 16).

Staff teach variants and negatives in the console; each process rebuilds a whole `Retriever`
(BM25 indexes, classifier, lexicon and refusal gate) off the event loop and swaps it in with
one assignment. A caller takes `current()` once per question, so it sees the old index or the
new one, never half of each.

A question asked exactly as taught (punctuation and spacing aside) is decided as taught: one
taught phrasing does not always outweigh a topic's many variants in the rankers, and an admin
who said "this question means that topic" (or "refuse this") meant it. Other wordings are left
to the rankers, which learnt from the taught ones.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from faq.clauses import asking_clauses
from faq.retrieve import (
    MAX_QUESTION_CHARS,
    Decision,
    Entry,
    Retriever,
    default_retriever,
    load_entries,
)
from faq.training import Training, load_training

_NOISE = re.compile(r"[\W_]+")

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
    return TaughtRetriever(load_entries(), training, variants, negatives)


class TaughtRetriever(Retriever):
    """A retriever trained with what was taught, which decides a taught question as taught."""

    def __init__(
        self,
        entries: tuple[Entry, ...],
        training: Training,
        variants: Mapping[str, tuple[str, ...]],
        negatives: Mapping[str, tuple[str, ...]],
    ) -> None:
        super().__init__(entries, training=training)
        by_id = {entry.id: entry for entry in entries}
        # A taught text is known by its whole words and by each clause of it that asks
        # something: "我叫〔姓名〕，积分能用来……吗" taught, "积分能用来……吗" asked.
        self._taught: dict[str, Entry | None] = {
            key: None for texts in negatives.values() for text in texts for key in self._keys(text)
        }
        for topic, texts in variants.items():
            self._taught.update({key: by_id[topic] for text in texts for key in self._keys(text)})
        self._taught.pop("", None)

    def _keys(self, text: str) -> list[str]:
        plain = self._analyzer.plain(text[:MAX_QUESTION_CHARS])
        return [_NOISE.sub("", part) for part in (plain, *asking_clauses(plain))]

    def _key(self, text: str) -> str:
        return _NOISE.sub("", self._analyzer.plain(text[:MAX_QUESTION_CHARS]))

    def ask(self, question: str) -> Decision:
        key = self._key(question)
        if key not in self._taught:
            return super().ask(question)
        entry = self._taught[key]
        if entry is None:
            return Decision("unknown", None, 0.0, ())
        return Decision("answer", entry, 1.0, ())
