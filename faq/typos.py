"""Typos in a question put back to the domain's words before ranking.

Applicants type pinyin and pick the wrong character of the same sound (蜜码 for 密码, 单味 for
单位, 年林分 for 年龄分), or drop one (居证 for 居住证). A stretch of a question that is no word
(not in jieba's dictionary) but sounds like one of our words and shares all its characters but
one, or is one of our words of three or four characters with one character missing, is taken
as that word. Our words are the ones the topics and their variants use: a homophone of an
everyday word is left alone, and so is anything that is a word in its own right. A word of
ours said apart (签好注) is said as the word first.

Sounds are faq/pinyin.py's: toneless, with the initials and finals that many speakers do not
tell apart merged.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping

from faq.pinyin import sound

_CJK = re.compile(r"[\u4e00-\u9fff]+")
_SPLIT = re.compile(r"([\u4e00-\u9fff])([了好完过])([\u4e00-\u9fff])")
_SHORTEST, _LONGEST = 2, 4
_USED = 2  # times the topics must use a word for it to be ours


class Typos:
    """`vocabulary`: our words, with how often the topics use them (the more used wins a tie);
    `is_word`: whether a text is a word in its own right; `steady`: characters never taken for
    a typo (a negation: 不办 is not 补办, though they sound alike)."""

    def __init__(
        self,
        vocabulary: Mapping[str, int],
        is_word: Callable[[str], bool],
        steady: frozenset[str] = frozenset(),
    ) -> None:
        self._is_word = is_word
        self._steady = steady
        self._known = frozenset(vocabulary)
        self._alike: dict[tuple[int, str, str], list[str]] = {}
        self._shortened: dict[str, list[str]] = {}
        for word, _ in Counter(vocabulary).most_common():
            if not _SHORTEST <= len(word) <= _LONGEST or not all(map(sound, word)):
                continue
            for i in range(len(word)):
                # Keyed by where the odd character is, the others, and its sound.
                rest = word[:i] + "_" + word[i + 1 :]
                self._alike.setdefault((i, rest, sound(word[i])), []).append(word)
                # Only a character inside a word is left out (居证): without its first or last
                # (个月 for 下个月) a stretch is too often a word's piece of its own.
                if 0 < i < len(word) - 1:
                    self._shortened.setdefault(word[:i] + word[i + 1 :], []).append(word)

    def correct(self, text: str) -> str:
        return _CJK.sub(lambda run: self._run(_joined(run.group(0), self._known)), text)

    def _run(self, run: str) -> str:
        """Left to right, the longest stretch first. A character inside one of our words is
        never the odd one out: the end of one word and the start of the next (交积分) are not
        read as a typo of a third (交给)."""
        ours = [False] * len(run)
        for i, length in itertools.product(range(len(run)), range(_SHORTEST, _LONGEST + 1)):
            if run[i : i + length] in self._known:
                ours[i : i + length] = [True] * length
        out: list[str] = []
        i = 0
        while i < len(run):
            stretch, word = run[i], run[i]
            for length in range(min(_LONGEST, len(run) - i), _SHORTEST - 1, -1):
                candidate = run[i : i + length]
                if candidate in self._known or self._is_word(candidate):
                    stretch = word = candidate
                    break
                typo = self._typo(candidate, ours[i : i + length])
                if typo is not None:
                    stretch, word = candidate, typo
                    break
            out.append(word)
            i += len(stretch)
        return "".join(out)

    def _typo(self, stretch: str, ours: list[bool]) -> str | None:
        """The word `stretch` is a typo of, or None; `ours`: which of its characters are
        inside one of our words."""
        shortened = self._shortened.get(stretch)
        if shortened and not any(ours):
            return shortened[0]
        for i, char in enumerate(stretch):
            if ours[i] or char in self._steady:
                continue
            alike = self._alike.get((i, stretch[:i] + "_" + stretch[i + 1 :], sound(char)))
            if alike:
                return alike[0]
        return None


def _joined(run: str, known: frozenset[str]) -> str:
    """One of our two-character words said apart, with 了/好/完/过 between its characters, said
    as the word (签好注了: 签注好了; 交过社保 is left alone: 交社 is no word of ours)."""
    return _SPLIT.sub(lambda m: f"{m[1]}{m[3]}{m[2]}" if f"{m[1]}{m[3]}" in known else m[0], run)


def vocabulary(tokens: Iterable[str], is_word: Callable[[str], bool]) -> Counter[str]:
    """How often each word of two to four Chinese characters occurs among `tokens`; a piece
    jieba cut from an unknown stretch (要交多) is no word, and neither is one used only once:
    the words of one life story (谁给我, 九十多) are nobody's vocabulary, and 给我 is no typo
    of 谁给我."""
    counts = Counter(t for t in tokens if _SHORTEST <= len(t) <= _LONGEST and _CJK.fullmatch(t))
    return Counter({word: n for word, n in counts.items() if n >= _USED and is_word(word)})
