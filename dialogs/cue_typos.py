"""The request cues' words put back before the cues are looked for, when typed by sound.

Pinyin input offers every character of a sound, and the wrong one gets picked: 积芬 for 积分,
提星 for 提醒, 从新 for 重新, 签住 for 签注. Two characters that are one of the cues' words of two
with one character of the same sound (by faq/pinyin.py's reading: toneless, with the initials
and finals many speakers merge; our word read as in the word, 重新 chong xin) are read as that
word, unless they are a word of their own (题型, 体型; a form the FAQ rewrites, 积份, is not)
or the character picked is in a word beside them. A negation is never read as another
character, nor another as one (补是 is not 不是).

The words are the Chinese words the cues of dialogs/intents.yaml are written with (an intent's
phrases and combos, the fields, the overview's; not the question or negation words, nor what an
intent is not). They are read by the FAQ's corrector (faq/typos.py) with the options of short
requests (faq.typos.Options). Misspellings that are no sound (caculate, a look-alike 鉴注) stay
a table (`typos`)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dialogs.parsing import normalise
from dialogs.parsing.typos import Typos as Misspellings
from dialogs.parsing.typos import typos
from faq.pinyin import reading
from faq.text import default_analyzer
from faq.typos import Options
from faq.typos import Typos as SoundAlikes

__all__ = ["CueTypos", "cue_typos"]

_CJK = re.compile(r"[\u4e00-\u9fff]+")
# In a regular expression a class of characters ([填点选]) is a choice of one, not a word.
_CHARACTER_CLASS = re.compile(r"\[[^\]]*\]")
_SHORTEST, _LONGEST = 2, 4
# Aspect particles: beside one, any character makes some phrase (急着 is no 记着, 去过 no 取过).
ASPECT = frozenset("着过")
_REGEX = "re:"
# Where the cues are: an intent's, what it is not (重至 is 重置 of a password: unless 密码),
# the questions' names and the overview's; not the question or negation words.
_SECTIONS = ("phrases", "combos", "unless", "unless_in_clause", "fields", "overview")


@dataclass(frozen=True)
class CueTypos:
    misspelt: Misspellings
    alike: SoundAlikes

    def correct(self, said: str) -> str:
        return self.alike.correct(self.misspelt.correct(said))


def cue_typos(data: dict[str, Any]) -> CueTypos:
    """The corrector of the cues in `data` (dialogs/intents.yaml, loaded)."""
    table = {normalise(k): normalise(v) for k, v in data["typos"].items()}
    analyzer = default_analyzer()

    @lru_cache(maxsize=1 << 16)
    def is_word(stretch: str) -> bool:
        """A word of the dictionary that the FAQ does not rewrite as a misspelling of ours."""
        return analyzer.is_word(stretch) and analyzer.rewrite(stretch) == stretch

    words = Counter(_words(data))
    common = frozenset(w for w in analyzer.stopwords if len(w) == 1) | ASPECT
    options = Options(longest=2, sounds=reading, dropped=False, apart=False, common=common,
                      neighbours=True, most_used_first=True)  # fmt: skip
    alike = SoundAlikes(words, is_word, analyzer.steady, options)
    return CueTypos(typos(table, ascii_whole_words=False), alike)


def _words(data: Any, inside: bool = False) -> Iterator[str]:
    """Every Chinese word of two to four characters written under one of `_SECTIONS` in
    `data`, as often as it is written."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _words(value, inside or key in _SECTIONS)
    elif isinstance(data, list):
        for value in data:
            yield from _words(value, inside)
    elif isinstance(data, str) and inside:
        plain = _CHARACTER_CLASS.sub(" ", data.removeprefix(_REGEX))
        for run in _CJK.findall(normalise(plain)):
            if _SHORTEST <= len(run) <= _LONGEST:
                yield run
