"""How alike two questions are, and the buckets that find a question's look-alikes.

A question's shape is the set of character bigrams of its first `SHAPE_CHARS` normalised
characters (bigrams suit Chinese, which has no spaces). Comparing every question with every
other is quadratic, so each question also gets MinHash buckets (locality-sensitive hashing):
`BANDS` bands of `ROWS` min-hashes each. Two questions whose shapes overlap by a Jaccard index
of 0.4 share at least one bucket with probability 1 - (1 - 0.4**2)**12, about 88 %; at 0.6
about 99.6 %. A new question is compared only with the group leaders that share a bucket.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

THRESHOLD = 0.4
SHAPE_CHARS = 200
BANDS, ROWS = 12, 2
_NOISE = re.compile(r"[\W_]+", re.UNICODE)
_PRIME = (1 << 61) - 1
# Fixed seeds, so that every process and every restart puts a question in the same buckets.
_SEEDS = tuple(
    (
        int.from_bytes(hashlib.blake2b(b"a%d" % i, digest_size=8).digest()) % _PRIME | 1,
        int.from_bytes(hashlib.blake2b(b"b%d" % i, digest_size=8).digest()) % _PRIME,
    )
    for i in range(BANDS * ROWS)
)


def normalise(question: str) -> str:
    return _NOISE.sub("", unicodedata.normalize("NFKC", question).lower())


def shape(question: str) -> frozenset[str]:
    text = normalise(question[: SHAPE_CHARS * 4])[:SHAPE_CHARS]
    if len(text) < 2:
        return frozenset({text}) if text else frozenset()
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _stable_hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest())


def buckets(question_shape: frozenset[str]) -> list[int]:
    """The question's MinHash band keys, as signed 64-bit integers (a BIGINT column)."""
    if not question_shape:
        return []
    hashes = [_stable_hash(gram) for gram in question_shape]
    mins = [min((a * h + b) % _PRIME for h in hashes) for a, b in _SEEDS]
    keys = []
    for band in range(BANDS):
        rows = mins[band * ROWS : (band + 1) * ROWS]
        digest = hashlib.blake2b(repr((band, rows)).encode(), digest_size=8).digest()
        keys.append(int.from_bytes(digest, signed=True))
    return keys


def closest(question_shape: frozenset[str], candidates: Iterable[tuple[int, str]]) -> int | None:
    """The id of the candidate (id, question) most like the question, if alike enough."""
    best, best_score = None, THRESHOLD
    for candidate_id, text in candidates:
        score = jaccard(question_shape, shape(text))
        if score >= best_score:
            best, best_score = candidate_id, score
    return best
