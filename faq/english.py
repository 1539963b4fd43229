"""English words to a common stem, so that the glossary (faq/data/lexicon.yaml english) matches
any form of its words: renewing, renewed and renews meet renew; simulated meets simulation;
confirmation meets confirm. Stems are Snowball's English (Porter 2) stemmer's
(snowballstemmer); a glossary phrase and what the question says are compared by their stems.
"""

from __future__ import annotations

import re
import threading
from functools import cache

import snowballstemmer

_WORD = re.compile(r"[a-z]+(?:'s)?")
# A Snowball stemmer keeps the word it works on in itself: one shared by the thread answering and
# the thread rebuilding the retriever (bot/support/learning/watch.py) raced, IndexError, and the
# rebuild died. One stemmer per thread.
_PER_THREAD = threading.local()


def inflected(phrase: str) -> str:
    """A pattern for `phrase` (lower case) with any form of its words: each word's start that
    its stem shares (apply, stem appli: appl), then any letters. What it matches is the phrase
    only if its stems are the phrase's (basic matched for base is not base)."""
    return _WORD.sub(lambda m: re.escape(_start(m[0])) + "[a-z]*(?:'s)?", re.escape(phrase))


def _start(word: str) -> str:
    """The start of `word` that its stem shares."""
    root = stem(word)
    pairs = enumerate(zip(word, root, strict=False))
    shared = next((i for i, (a, b) in pairs if a != b), min(len(word), len(root)))
    return word[:shared]


def stems(text: str) -> str:
    """`text` (lower case) with every English word replaced by its stem."""
    return _WORD.sub(lambda m: stem(m.group(0)), text)


@cache
def stem(word: str) -> str:
    stemmer = getattr(_PER_THREAD, "stemmer", None)
    if stemmer is None:
        stemmer = _PER_THREAD.stemmer = snowballstemmer.stemmer("english")
    return str(stemmer.stemWord(word.removesuffix("'s")))
