"""What was typed by its sound: a unit typed as another character of its sound after a number
(三年伴 -> 三年半, 33随 -> 33岁), a unit typed in pinyin after a number (6nian -> 6年), and a
whole answer of numbers and units typed in pinyin (ershiba -> 二十八, liang bei -> 两倍,
gaoji gong -> 高级工: `pinyin_answer`). All from data/words.yaml; `normalise` applies them."""

from __future__ import annotations

import re
from functools import partial

from dialogs.parsing.vocabulary import built, vocabulary

__all__ = ["by_sound", "pinyin_answer"]

_NUMERAL = "[\\d零〇一二两三四五六七八九十百千]"


def _unit_patterns() -> list[tuple[re.Pattern[str], dict[str, str]]]:
    data = vocabulary("words")["unit_sound_alikes"]
    patterns = []
    for part, after in (("after_number", ""), ("after_year", "年"), ("after_piece", "个")):
        slips = {str(slip): str(unit) for unit, ss in data[part].items() for slip in ss}
        found = re.compile(rf"(?<={_NUMERAL}{after})[{''.join(slips)}]")
        patterns.append((found, slips))
    return patterns


def _pinyin_units() -> re.Pattern[str]:
    units = sorted(map(str, vocabulary("words")["pinyin_units"]), key=len, reverse=True)
    return re.compile(rf"(?<={_NUMERAL})\s*({'|'.join(map(re.escape, units))})\b")


def _unit_of(slips: dict[str, str], slip: re.Match[str]) -> str:
    return slips[slip[0]]


def _syllables(said: str) -> list[str] | None:
    """`said` (letters only, blanks left out) as the syllables of data/words.yaml pinyin_numbers,
    longest first where two splits are possible; None when it is not all of them."""
    table = vocabulary("words")["pinyin_numbers"]
    longest = max(map(len, table))
    split: dict[int, list[str] | None] = {len(said): []}
    for start in range(len(said) - 1, -1, -1):
        split[start] = None
        for size in range(min(longest, len(said) - start), 0, -1):
            rest = split.get(start + size)
            if said[start : start + size] in table and rest is not None:
                split[start] = [said[start : start + size], *rest]
                break
    return split[0]


def pinyin_answer(said: str) -> str:
    """ershiba -> 二十八, san nian -> 三年: an answer typed wholly in the pinyin of numbers and
    units, two syllables or more (wu alone may be 五 or 无) with a number, a half (ban nian ->
    半年) or a level among them."""
    if not re.fullmatch(r"[a-z ]+", said):
        return said
    syllables = _syllables(said.replace(" ", ""))
    table = vocabulary("words")["pinyin_numbers"]
    if not syllables or len(syllables) < 2:
        return said
    hanzi = "".join(str(table[s]) for s in syllables)
    return hanzi if re.search(f"{_NUMERAL}|级|半", hanzi) else said


def by_sound(said: str) -> str:
    """`said` (normalised) with the units typed by their sound written as meant."""
    for pattern, slips in built(_unit_patterns):
        said = pattern.sub(partial(_unit_of, slips), said)
    units = vocabulary("words")["pinyin_units"]  # 6nian -> 6年, 32 sui -> 32岁
    return built(_pinyin_units).sub(lambda m: str(units[m[1]]), said)
