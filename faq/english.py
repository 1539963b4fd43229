"""English words to a common stem, so that the glossary (faq/data/lexicon.yaml english) matches
any inflection: renewing, renewed and renews all meet renew; expiring meets expire; businesses
meets business. Not a linguist's stemmer, only consistent: a glossary phrase and what the
question says are compared by their stems."""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z]+(?:'s)?")
# What an inflection may add to a stem (a doubled consonant before -ed/-ing: submitted).
_ENDINGS = r"(?:'s|s|es|ies|ied|y|e|ed|d|ing|[bdgklmnprt](?:ed|ing))?"


def inflected(phrase: str) -> str:
    """A pattern for `phrase` (lower case) with any of its words inflected; what it matches is
    the phrase only if its stems are the phrase's (bas matched in basic is not base)."""
    return _WORD.sub(lambda m: re.escape(stem(m[0])) + _ENDINGS, re.escape(phrase))


def stems(text: str) -> str:
    """`text` (lower case) with every English word replaced by its stem."""
    return _WORD.sub(lambda m: stem(m.group(0)), text)


def stem(word: str) -> str:
    word = word.removesuffix("'s")
    if len(word) > 5 and word.endswith("ing"):
        word = _undoubled(word[:-3])
    elif len(word) > 4 and word.endswith(("ied", "ies")):
        word = word[:-3] + "y"
    elif len(word) > 4 and word.endswith("ed"):
        word = _undoubled(word[:-2])
    elif len(word) > 4 and word.endswith(("sses", "xes", "ches", "shes", "zes")):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word[:-1] if len(word) > 3 and word.endswith("e") else word


def _undoubled(word: str) -> str:
    """submitt -> submit, but fill and pass stay."""
    return word[:-1] if len(word) > 2 and word[-1] == word[-2] and word[-1] not in "lsz" else word
