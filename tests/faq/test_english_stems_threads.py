"""Stems are the same whichever threads ask at once: the thread answering questions and the one
rebuilding the retriever after staff taught a phrasing stem words together (a shared Snowball
stemmer raced there: IndexError, and the taught phrasing never went live)."""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor

from faq.english import stem

WORDS = [
    f"{root}{ending}"
    for root in (
        "renew",
        "confirm",
        "simulat",
        "appl",
        "transfer",
        "register",
        "endors",
        "calculat",
    )
    for ending in ("ing", "ed", "es", "ation", "s", "er")
]


def test_stems_asked_from_several_threads_at_once_are_the_one_thread_stems() -> None:
    alone = {word: stem.__wrapped__(word) for word in WORDS}
    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads switch as often as they can: races show
    try:
        with ThreadPoolExecutor(4) as pool:
            rounds = list(pool.map(lambda _: [stem.__wrapped__(w) for w in WORDS * 20], range(8)))
    finally:
        sys.setswitchinterval(switch)
    for stems in rounds:
        assert stems == [alone[w] for w in WORDS * 20]
