"""Chinese typed as pinyin ("jifen xitong mima wangle", "shouci shenqing jifen 步骤") read back
as our words, and the sounds of characters for homophone typos (faq/typos.py).

Readings come from pypinyin (Unicode Unihan and its phrase dictionary), toneless. A run of
Latin words is pinyin when every word of it splits into our words' readings and valid
syllables and the run, read as one, has one of our words of two syllables or more; it then
becomes those words, joined as an input method would write them. Inside an English sentence
("Can I apply for jifen now?") the run is not pinyin ("I", "apply" are no syllables), and a
single word is taken only when it is exactly one of our words of two syllables or more
(jifen, shanghai). A syllable that is none of our words stays as typed: it cannot point to a
topic either way. Readings and what is typed are compared merged (faq/pinyin.merged):
linggang is 临港.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from functools import cache
from typing import Any

from pypinyin import Style, lazy_pinyin, pinyin
from pypinyin.pinyin_dict import pinyin_dict

_CJK = re.compile(r"[\u4e00-\u9fff]+")
_LATIN_RUN = re.compile(r"[a-z]+(?:\s+[a-z]+)*")
_MERGED = (("ing", "in"), ("eng", "en"), ("zh", "z"), ("ch", "c"), ("sh", "s"))
_LONGEST_SYLLABLE = 6  # zhuang, shuang
_READINGS_PER_WORD = 8  # heteronym combinations kept for one word (重置: zhongzhi, chongzhi)
# What a piece of typed pinyin costs: one of our words in its usual reading, in another reading
# (通知书 is never 重置 read tong-zhi and 搬 read shu), a syllable that is none of our words.
_USUAL, _OTHER, _UNMATCHED = 2, 3, 8


@cache
def sound(char: str) -> str:
    """A character's most common reading, merged: 积 and 鸡 sound alike, and so do 林 and 龄.
    A rare reading (还 fu) would make everyday words typos of each other."""
    reading = lazy_pinyin(char, style=Style.NORMAL, errors="ignore")
    return merged(reading[0]) if reading else ""


def reading(word: str) -> tuple[str, ...]:
    """A word's usual reading, syllable by syllable and merged: 重新 is cong xin, its 重 read as
    in the word, where `sound` gives the character's commonest reading (zong)."""
    readings = _readings(word)
    return readings[0] if readings else ()


def merged(typed: str) -> str:
    """Toneless pinyin with the initials and finals many speakers do not tell apart merged
    (in/ing, en/eng, zh/z, ch/c, sh/s): what is typed and what is read compare alike."""
    for long, short in _MERGED:
        typed = typed.replace(long, short)
    return typed


@cache
def syllables() -> frozenset[str]:
    """Every toneless syllable a character is read with (ü typed as v, as input methods do),
    as typed: not merged."""
    found: set[str] = set()
    for readings in pinyin_dict.values():
        for reading in readings.split(","):
            plain = "".join(
                c for c in unicodedata.normalize("NFD", reading) if not unicodedata.combining(c)
            )
            found.add(plain.replace("u\u0308", "v").replace("ü", "v"))
    return frozenset(s for s in found if s.isascii() and s.isalpha())


@cache
def _readings(word: str) -> tuple[tuple[str, ...], ...]:
    """A word's toneless readings, syllable by syllable and merged: the usual one first
    (pypinyin's phrase dictionary: 重置 zhongzhi), then each character's other readings (重
    chong: a user types the one meant). Cached: a retriever rebuilt with taught phrasings
    reads the same words again."""
    usual = lazy_pinyin(word, style=Style.NORMAL, errors="ignore")
    per_char = pinyin(word, style=Style.NORMAL, heteronym=True, errors="ignore")
    if len(usual) != len(word) or len(per_char) != len(word):
        return ()
    others = itertools.islice(itertools.product(*per_char), _READINGS_PER_WORD)
    return tuple(tuple(map(merged, parts)) for parts in dict.fromkeys([tuple(usual), *others]))


# A piece of typed pinyin: what was typed and the word it reads as (None: a lone syllable).
Piece = tuple[str, str | None]


class PinyinReader:
    """`words`: our words with how often the topics and the questions that are not ours use
    them (any other text is skipped); of two words that read the same, the more used is
    meant. Words of one character (吗, 在) are written but never make a run pinyin."""

    def __init__(self, words: Mapping[str, int]) -> None:
        # A trie over merged syllables; the key "" holds the word a path spells and its cost,
        # the cheapest first and of those the most used.
        self._trie: dict[str, Any] = {}
        for word, _ in Counter(words).most_common():
            if not _CJK.fullmatch(word):
                continue
            for n, reading in enumerate(_readings(word)):
                node = self._trie
                for syllable in reading:
                    node = node.setdefault(syllable, {})
                cost = _OTHER if n else _USUAL
                if "" not in node or node[""][1] > cost:
                    node[""] = (word, cost)
        self._syllables = syllables()

    def read(self, text: str) -> str:
        """`text` (lower case) with its pinyin runs written as our words."""
        return _LATIN_RUN.sub(lambda run: self._run(run.group(0)), text)

    def _run(self, run: str) -> str:
        typed = run.split()
        read = [self._split(word) for word in typed]
        # Read as one: where an input method's user puts spaces says little (jifen tongzhishu
        # is 积分通知书).
        pieces = self._split("".join(typed)) if all(read) else None
        if pieces and any(_ours(word) for _, word in pieces):
            written = (word or f" {said} " for said, word in pieces)
            return " ".join("".join(written).split())
        return " ".join(
            str(split[0][1]) if split and len(split) == 1 and _ours(split[0][1]) else said
            for said, split in zip(typed, read, strict=True)
        )

    def _split(self, typed: str) -> list[Piece] | None:
        """`typed` cut into our words and lone syllables, our words counted cheaper; None
        when it is no pinyin at all."""
        best: list[tuple[int, list[Piece]] | None] = [None] * (len(typed) + 1)
        best[0] = (0, [])

        def reach(end: int, cost: int, pieces: list[Piece]) -> None:
            known = best[end]
            if known is None or cost < known[0]:
                best[end] = (cost, pieces)

        for start in range(len(typed)):
            reached = best[start]
            if reached is None:
                continue
            cost, pieces = reached
            for end in self._syllable_ends(typed, start):
                reach(end, cost + _UNMATCHED, [*pieces, (typed[start:end], None)])
            # Our words from here, one syllable at a time down the trie.
            walks = [(start, self._trie)]
            while walks:
                at, node = walks.pop()
                for end in self._syllable_ends(typed, at):
                    child = node.get(merged(typed[at:end]))
                    if child is None:
                        continue
                    if "" in child:
                        word, step = child[""]
                        reach(end, cost + step, [*pieces, (typed[start:end], word)])
                    walks.append((end, child))
        found = best[len(typed)]
        return found[1] if found else None

    def _syllable_ends(self, typed: str, start: int) -> list[int]:
        last = min(len(typed), start + _LONGEST_SYLLABLE)
        return [end for end in range(start + 1, last + 1) if typed[start:end] in self._syllables]


def _ours(word: str | None) -> bool:
    """One of our words of two characters or more (a single syllable is anybody's)."""
    return word is not None and len(word) >= 2
