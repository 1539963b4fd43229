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
intent is not). Misspellings that
are no sound (caculate, a look-alike 鉴注) stay a table (`typos`)."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dialogs.parsing import normalise
from dialogs.parsing.typos import Typos, typos
from faq.pinyin import reading, sound
from faq.text import default_analyzer

__all__ = ["CueTypos", "SoundAlikes", "cue_typos"]

_CJK = re.compile(r"[\u4e00-\u9fff]+")
# In a regular expression a class of characters ([填点选]) is a choice of one, not a word.
_CHARACTER_CLASS = re.compile(r"\[[^\]]*\]")
_SHORTEST, _LONGEST = 2, 4
_REGEX = "re:"
# Where the cues are: an intent's, what it is not (重至 is 重置 of a password: unless 密码),
# the questions' names and the overview's; not the question or negation words.
_SECTIONS = ("phrases", "combos", "unless", "unless_in_clause", "fields", "overview")


class SoundAlikes:
    """`words`: ours, with how often the cues use them (of two that sound alike the more used
    is meant); `is_word`: whether a stretch is a word in its own right (read as it is);
    `steady`: characters never read as another, nor another as them (negations); `common`:
    characters beside which any one makes some word (我, 的: 题我 is no 替我)."""

    def __init__(
        self,
        words: Mapping[str, int],
        is_word: Callable[[str], bool],
        steady: frozenset[str],
        common: frozenset[str],
    ) -> None:
        self._ours = frozenset(words)
        self._common = common
        self._uses = Counter(words)
        self._is_word = is_word
        self._steady = steady
        # Keyed by where the odd character is, the other, and its sound in the word. Only
        # words of two characters: in a longer one a verb picked by its sound is a verb of its
        # own (重新打 is no 重新答).
        self._alike: dict[tuple[int, str, str], str] = {}
        for word, _ in Counter(words).most_common():
            sounds = reading(word) if len(word) == _SHORTEST else ()
            for i, said in enumerate(sounds if len(sounds) == len(word) else ()):
                if word[i] not in steady:
                    self._alike.setdefault((i, f"{word[:i]}_{word[i + 1 :]}", said), word)

    def correct(self, text: str) -> str:
        return _CJK.sub(lambda run: self._run(run[0]), text)

    def _run(self, run: str) -> str:
        """Every two characters that are a typo of ours, the more used word first where two
        overlap (转人公: 人工, not 专人); our words are read as they are."""
        ours = [False] * len(run)
        for i, length in itertools.product(range(len(run)), range(_SHORTEST, _LONGEST + 1)):
            if run[i : i + length] in self._ours:
                ours[i : i + length] = [True] * length
        found = [(w, i) for i in range(len(run) - 1) if (w := self._typo(run, i, ours))]
        out = list(run)
        for word, i in sorted(found, key=lambda f: (-self._uses[f[0]], f[1])):
            if not ours[i] and not ours[i + 1]:
                out[i : i + 2] = word
                ours[i : i + 2] = [True, True]
        return "".join(out)

    def _typo(self, run: str, start: int, ours: list[bool]) -> str | None:
        """Our word that `run[start : start + 2]` is with one character picked by its sound,
        if any. The two are no word of their own (题型) and in none of ours (能拿几分 holds
        几分, no 哪几), the character kept is no function word (第三题我: no 替我), and the
        character picked is in no word with the one beside it outside them (合伙人: no 活人)."""
        stretch = run[start : start + _SHORTEST]
        if ours[start] or ours[start + 1] or self._is_word(stretch):
            return None
        for i, char in enumerate(stretch):
            at = start + i
            kept = stretch[1 - i]
            if char in self._steady or kept in self._common or self._in_word(run, at, start):
                continue
            key = (i, f"{stretch[:i]}_{stretch[i + 1 :]}", sound(char))
            if (word := self._alike.get(key)) is not None:
                return word
        return None

    def _in_word(self, run: str, at: int, start: int) -> bool:
        if at == start:
            return at > 0 and self._is_word(run[at - 1 : at + 1])
        return at + 1 < len(run) and self._is_word(run[at : at + 2])


@dataclass(frozen=True)
class CueTypos:
    misspelt: Typos
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
    common = frozenset(w for w in analyzer.stopwords if len(w) == 1)
    alike = SoundAlikes(words, is_word, analyzer.steady, common)
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
