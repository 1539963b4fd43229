"""Title names misspelt by one character of the same syllable (主只医师 is 主治医师, 高级工成师
is 高级工程师): typed by sound with a wrong character, read as the name they sound like."""

from __future__ import annotations

from functools import cache

from pypinyin import Style, pinyin

from dialogs.parsing.vocabulary import Match, built, vocabulary

__all__ = ["near_names"]


def _names() -> dict[int, dict[str, str]]:
    """The title series' names by length, with their levels."""
    by_length: dict[int, dict[str, str]] = {}
    for series in vocabulary("titles")["series"].values():
        for level, names in series["names"].items():
            for name in map(str, names):
                by_length.setdefault(len(name), {})[name] = str(level)
    return by_length


@cache
def _sounds(char: str) -> frozenset[str]:
    """A character's toneless readings (治: zhi, chi); none for a letter or a digit."""
    readings = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")
    return frozenset(readings[0]) if readings else frozenset()


def near_names(said: str, scanned: list[Match]) -> set[str]:
    """The levels of the title names the answer says with one character of the same syllable
    wrong (主只医师 is 主治医师, 高级工成师 高级工程师), that character none of the answer's
    known words; the longest such names only."""
    shortest = int(vocabulary("titles")["near_name_length"])
    known = {at for m in scanned for at in range(m.start, m.end)}
    levels: set[str] = set()
    for size, names in sorted(built(_names).items(), reverse=True):
        if levels or size < shortest:
            break
        for at in range(len(said) - size + 1):
            window = said[at : at + size]
            for name, level in names.items():
                wrong = [i for i, (a, b) in enumerate(zip(name, window, strict=True)) if a != b]
                if len(wrong) != 1 or at + wrong[0] in known:
                    continue
                if _sounds(name[wrong[0]]) & _sounds(window[wrong[0]]):
                    levels.add(level)
    return levels
