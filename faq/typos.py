"""Typos of our words put back before the words are looked for: the FAQ's question before
ranking, the dialog's requests before their cues (dialogs/cue_typos.py). One corrector, with
the options that tell the two readers apart (`Options`).

Applicants type pinyin and pick the wrong character of the same sound (蜜码 for 密码, 单味 for
单位, 年林分 for 年龄分, 积芬 for 积分), or drop one (居证 for 居住证). A stretch of a text that is
no word (not in jieba's dictionary) but sounds like one of our words and shares all its
characters but one, or is one of our words of three or four characters with one character
missing, is taken as that word. Our words are the ones the caller uses (the topics and their
variants, the request cues): a homophone of an everyday word is left alone, and so is
anything that is a word in its own right. A word of ours said apart (签好注) is said as the
word first. A negation is never read as another character (不办 is not 补办).

Sounds are faq/pinyin.py's: toneless, with the initials and finals that many speakers do not
tell apart merged.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from faq.pinyin import sound

__all__ = ["Options", "Typos", "vocabulary"]

_CJK = re.compile(r"[\u4e00-\u9fff]+")
_SPLIT = re.compile(r"([\u4e00-\u9fff])([了好完过])([\u4e00-\u9fff])")
_SHORTEST, _LONGEST = 2, 4
_USED = 2  # times the topics must use a word for it to be ours


def _sounds(word: str) -> tuple[str, ...]:
    return tuple(map(sound, word))


@dataclass(frozen=True)
class Options:
    """How a text is read; the defaults are the FAQ's (a question, read against many words).

    The request cues (dialogs/cue_typos.py) are few short words in a short text, where a
    wrong correction turns an answer into a request, so they read more carefully: only words
    of two characters (`longest`; in a longer one a verb picked by its sound is a verb of its
    own: 重新打 is no 重新答), sounded as in the word (`sounds`: 重新 chong xin, not 重's
    commonest zhong); no dropped character (`dropped`) and no word said apart (`apart`); no
    stretch whose kept character is a function word (`common`: 第三题我 is no 替我); and
    where two typos overlap, the more used word wins (`most_used_first`: 转人公 is 人工, not
    专人), where the FAQ reads left to right, the longest stretch first. Both keep a stretch
    whose odd character at its edge makes a word with the character beside it (`neighbours`:
    合伙人 is no 活人, 住在嘉定 is no 在家: a place name or a common word is not "corrected")."""

    longest: int = _LONGEST
    sounds: Callable[[str], Sequence[str]] = _sounds
    dropped: bool = True
    apart: bool = True
    common: frozenset[str] = field(default_factory=frozenset)
    neighbours: bool = True
    most_used_first: bool = False


class Typos:
    """`vocabulary`: our words, with how often they are used (the more used wins a tie);
    `is_word`: whether a text is a word in its own right; `steady`: characters never taken for
    a typo, nor put for one (a negation: 不办 is not 补办, 补是 is not 不是)."""

    def __init__(
        self,
        vocabulary: Mapping[str, int],
        is_word: Callable[[str], bool],
        steady: frozenset[str] = frozenset(),
        options: Options | None = None,
    ) -> None:
        options = options or Options()
        self._is_word = is_word
        self._steady = steady
        self._options = options
        self._uses = Counter(vocabulary)
        self._known = frozenset(vocabulary)
        self._alike: dict[tuple[int, str, str], list[str]] = {}
        self._shortened: dict[str, list[str]] = {}
        for word, _ in self._uses.most_common():
            if not _SHORTEST <= len(word) <= options.longest:
                continue
            sounds = options.sounds(word)
            if len(sounds) != len(word) or not all(sounds):
                continue
            for i in range(len(word)):
                if word[i] in steady:
                    continue
                # Keyed by where the odd character is, the others, and its sound.
                rest = word[:i] + "_" + word[i + 1 :]
                self._alike.setdefault((i, rest, sounds[i]), []).append(word)
                # Only a character inside a word is left out (居证): without its first or last
                # (个月 for 下个月) a stretch is too often a word's piece of its own.
                if options.dropped and 0 < i < len(word) - 1:
                    self._shortened.setdefault(word[:i] + word[i + 1 :], []).append(word)

    def correct(self, text: str) -> str:
        return _CJK.sub(lambda run: self._run(self._joined(run.group(0))), text)

    def _joined(self, run: str) -> str:
        """One of our two-character words said apart, with 了/好/完/过 between its characters,
        said as the word (签好注了: 签注好了; 交过社保 is left alone: 交社 is no word of ours)."""
        if not self._options.apart:
            return run
        known = self._known
        return _SPLIT.sub(lambda m: m[1] + m[3] + m[2] if m[1] + m[3] in known else m[0], run)

    def _ours(self, run: str) -> list[bool]:
        """Which characters of `run` are inside one of our words."""
        ours = [False] * len(run)
        for i, length in itertools.product(range(len(run)), range(_SHORTEST, _LONGEST + 1)):
            if run[i : i + length] in self._known:
                ours[i : i + length] = [True] * length
        return ours

    def _run(self, run: str) -> str:
        ours = self._ours(run)
        if self._options.most_used_first:
            return self._by_use(run, ours)
        return self._left_to_right(run, ours)

    def _left_to_right(self, run: str, ours: list[bool]) -> str:
        """Left to right, the longest stretch first. A character inside one of our words is
        never the odd one out: the end of one word and the start of the next (交积分) are not
        read as a typo of a third (交给)."""
        out: list[str] = []
        i = 0
        while i < len(run):
            stretch, word = run[i], run[i]
            for length in range(min(self._options.longest, len(run) - i), _SHORTEST - 1, -1):
                candidate = run[i : i + length]
                if candidate in self._known or self._is_word(candidate):
                    stretch = word = candidate
                    break
                typo = self._typo(run, i, length, ours)
                if typo is not None:
                    stretch, word = candidate, typo
                    break
            out.append(word)
            i += len(stretch)
        return "".join(out)

    def _by_use(self, run: str, ours: list[bool]) -> str:
        """Every two characters that are a typo of ours, the more used word first where two
        overlap; our words and the words of the dictionary are read as they are."""
        found = []
        for i in range(len(run) - 1):
            stretch = run[i : i + _SHORTEST]
            if ours[i] or ours[i + 1] or self._is_word(stretch):
                continue
            if (word := self._typo(run, i, _SHORTEST, ours)) is not None:
                found.append((word, i))
        out = list(run)
        for word, i in sorted(found, key=lambda f: (-self._uses[f[0]], f[1])):
            if not ours[i] and not ours[i + 1]:
                out[i : i + 2] = word
                ours[i : i + 2] = [True, True]
        return "".join(out)

    def _typo(self, run: str, start: int, length: int, ours: list[bool]) -> str | None:
        """The word `run[start : start + length]` is a typo of, or None."""
        stretch = run[start : start + length]
        shortened = self._shortened.get(stretch)
        if shortened and not any(ours[start : start + length]):
            return shortened[0]
        for i, char in enumerate(stretch):
            at = start + i
            if ours[at] or char in self._steady or self._guarded(run, stretch, i, at, start):
                continue
            alike = self._alike.get((i, stretch[:i] + "_" + stretch[i + 1 :], sound(char)))
            if alike:
                return alike[0]
        return None

    def _guarded(self, run: str, stretch: str, i: int, at: int, start: int) -> bool:
        """The odd character `stretch[i]` kept as typed: the other is a function word, or it
        makes a word with the character beside the stretch (options `common`, `neighbours`)."""
        if len(stretch) == _SHORTEST and stretch[1 - i] in self._options.common:
            return True
        if not self._options.neighbours:
            return False
        if at == start:
            return at > 0 and self._is_word(run[at - 1 : at + 1])
        end = start + len(stretch) - 1
        return at == end and at + 1 < len(run) and self._is_word(run[at : at + 2])


def vocabulary(tokens: Iterable[str], is_word: Callable[[str], bool]) -> Counter[str]:
    """How often each word of two to four Chinese characters occurs among `tokens`; a piece
    jieba cut from an unknown stretch (要交多) is no word, and neither is one used only once:
    the words of one life story (谁给我, 九十多) are nobody's vocabulary, and 给我 is no typo
    of 谁给我."""
    counts = Counter(t for t in tokens if _SHORTEST <= len(t) <= _LONGEST and _CJK.fullmatch(t))
    return Counter({word: n for word, n in counts.items() if n >= _USED and is_word(word)})
