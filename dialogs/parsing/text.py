"""The parsers' shared contract and text handling.

A parser takes the user's text and today's date (Asia/Shanghai) and returns a value, or an
`Ambiguous` when two readings would give different points (the dialog asks which; it never
guesses), or raises `ValueError` ("ask again"); an `Unclear` is a ValueError with the locale key
of a friendlier correction. Words are matched on `normalise`d text (simplified, half-width,
lower case); numbers are read from `digits`, where cn2an has turned Chinese numerals into
Arabic ones (words such as 一直 and 一般 are kept, but words are still matched on `normalise`d
text, never there).
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

import cn2an
import opencc

from dialogs.parsing.sounds import by_sound, pinyin_answer
from dialogs.parsing.typos import Typos, typos
from dialogs.parsing.vocabulary import built, vocabulary

__all__ = [
    "CLAUSE",
    "CLAUSE_BREAK",
    "MOST_OPTIONS",
    "NUMBER",
    "Ambiguous",
    "Parser",
    "Unclear",
    "clause_at",
    "digits",
    "normalise",
    "number",
    "words",
]


# Where one clause of an answer ends and the next begins, and one clause between them.
# An ellipsis (…, or ... once normalised) is a pause between two clauses: 我42…啊不，41.
CLAUSE_BREAK = re.compile(r"[,，;；。…]|\.{2,}")
CLAUSE = re.compile(r"(?:[^,，;；。….]|(?<!\.)\.(?!\.))+")


def clause_at(said: str, at: int) -> str:
    """The clause of `said` that holds the character at `at` ("" on a clause break)."""
    return next((c[0] for c in CLAUSE.finditer(said) if c.start() <= at < c.end()), "")


class Unclear(ValueError):
    """The answer cannot be used; `key` names the locale text that explains why."""

    def __init__(self, key: str = "", **values: Any) -> None:
        super().__init__(key or "unclear")
        self.key = key
        self.values = values


@dataclass(frozen=True)
class Ambiguous:
    """The answer fits several values; `key` is the confirm question ("" = generic),
    `values` fills its placeholders besides the user's own words; `said`, the amount as said
    (150万左右), is the one kept when every reading scores alike."""

    options: tuple[Any, ...]
    key: str = ""
    values: dict[str, Any] = field(default_factory=dict, compare=False)
    said: Any = field(default=None, compare=False)


MOST_OPTIONS = 3  # the readings a confirm offers at most; more are asked again


Parser = Callable[[str, date], Any]

NUMBER = r"\d+(?:\.\d+)?"
_CN_DIGIT = "零〇一二三四五六七八九"
_CN_DIGIT_VALUE = {ch: str(i) for i, ch in enumerate("〇一二三四五六七八九")} | {"零": "0"}
# 二零一六, 八七, 〇八: digit by digit (cn2an drops the zero of 〇八); not next to 十百千万点.
_DIGIT_RUN = re.compile(
    rf"(?<![十百千万点{_CN_DIGIT}])[{_CN_DIGIT}]{{2,}}(?![十百千万点{_CN_DIGIT}])"
)
_ENGLISH_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    " fifteen sixteen seventeen eighteen nineteen"
)
_ENGLISH = {word: n for n, word in enumerate(_ENGLISH_UNITS.split())}
_ENGLISH_TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety"
_ENGLISH |= {word: 10 * n for n, word in enumerate(_ENGLISH_TENS_WORDS.split(), 2)}
_ENGLISH_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
_ENGLISH_SCALES |= {"billion": 1_000_000_000, "dozen": 12}  # two dozen, half a dozen
_TENS = rf"(?:{'|'.join(_ENGLISH_TENS_WORDS.split())})"
_UNIT = rf"(?:{'|'.join(sorted(_ENGLISH_UNITS.split(), key=len, reverse=True))})"
_SMALL = rf"(?:{_TENS}(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine)\b)?|{_UNIT})"
_SCALE = rf"(?:{'|'.join(_ENGLISH_SCALES)})"
# two hundred thousand, one hundred and twenty, forty-two, a hundred, 1.5 million: one number.
_ENGLISH_NUMBER = re.compile(
    rf"\b(?:{_SMALL}\b|(?:half\s+an?|a|\d+(?:\.\d+)?)(?=\s+{_SCALE}\b))"
    rf"(?:\s+{_SCALE}\b(?:(?:\s+and)?\s+{_SMALL}\b)?)*"
)
_SPACED = re.compile(
    r"(?<=[零〇一二两三四五六七八九十百千万])\s+(?=[零〇一二两三四五六七八九十百千万])"
)
# 两 before a unit, or before 到 of a range (两到三倍 is 2到3倍)
_LONE_TWO = re.compile(r"[两俩](?=[个年月岁次倍位人回遍趟名项家门]|[到至][一二三四五六七八九十]|$)")
# 两百万, 两千五, 两万: a numeral cn2an reads once it is 二 (2百万 it would leave half read).
_TWO_BEFORE_UNIT = re.compile(r"[两俩](?=[百千万亿])")
# 大写 numerals (壹次, 贰拾万): cn2an reads only the everyday ones.
_FORMAL = str.maketrans("壹贰叁肆伍陆柒捌玖拾佰仟", "一二三四五六七八九十百千")
# 廿 20, 卅 30, 卌 40 (廿八, 卅九): written out for cn2an; 二十有八 (classical N有M) is 28.
_CN_NUMERALS = "零一二三四五六七八九"
_TENS_SIGNS = (("廿", "二十"), ("卅", "三十"), ("卌", "四十"))
# 二十8: a units digit typed as a digit after Chinese tens (cn2an would make it 208)
_TENS_THEN_DIGIT = re.compile(
    r"(?<![\d一二三四五六七八九十两])([一二三四五六七八九两]?十)([1-9])(?![\d.])"
)
# 3o岁, 2o2o年: the letter o typed for a zero between or after digits
_O_FOR_ZERO = re.compile(r"(?<=\d)o(?=\d|[岁年个月次倍万]|$)")
# 一年零十一个月: 零 joins years and months; cn2an would stop at 零十一 and leave it Chinese.
_YEAR_AND = re.compile(r"(?<=年)零(?=[一二两三四五六七八九十])")
# A year said in digits right before a count in words (一次2019一次2024): two numbers, not 20191
_YEAR_THEN_COUNT = re.compile(
    r"(?<![\d.])((?:19|20)\d\d)(?=[一二两三四五六七八九](?![一二三四五六七八九十]*月))"
)
_TENS_AND = re.compile(
    r"([二三四五六七八九]?十)有(?=[一二三四五六七八九](?![一二三四五六七八九十百千万]))"
)
# 周三, 星期五, 礼拜天: weekdays, not numbers (下周三过生日 is no 3).
# 9万8 is 98000 and 3千5 is 3500, as 九万八 is (cn2an reads the Chinese ones); 10万5千,
# 10万零5千 and 10万5000 are 105000, 9万零800 is 90800, 9万8千5百 is 98500 (its 8千5百 read
# first).
_UNIT_AND_DIGIT = re.compile(
    r"(?<![\d.])(\d+)(万|千)(?:零?(\d+)(千|百)|(\d)|(?<=万)(\d{4})|(?<=千)(\d{3})|零(\d{1,3}))"
    r"(?![\d.万千百十])"
)


def _unit_and_digit(match: re.Match[str]) -> str:
    unit = 10_000 if match[2] == "万" else 1_000
    if match[3]:
        lower = int(match[3]) * (1_000 if match[4] == "千" else 100)
    elif match[5]:
        lower = int(match[5]) * unit // 10
    else:
        lower = int(match[6] or match[7] or match[8])
    return str(int(match[1]) * unit + lower)


# 2百万, 3千万, 1.5百万: digits before 百万 or 千万, which cn2an leaves alone (2万 is read).
_DIGITS_HUNDREDS = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(百|千)(?=多?万)")


def _digits_hundreds(match: re.Match[str]) -> str:
    value = float(match[1]) * (100 if match[2] == "百" else 1_000)
    return f"{value:g}" if value != int(value) else str(int(value))


_WEEKDAY = re.compile(r"(周|星期|礼拜)[一二三四五六日天]")
# once, twice, 50th: English counts and ordinals as numbers.
_ENGLISH_TIMES = {"once": "1 time", "twice": "2 times", "thrice": "3 times", "double": "2 times"}
_ENGLISH_TIMES["triple"] = "3 times"
_TIMES = re.compile(rf"\b({'|'.join(_ENGLISH_TIMES)})\b")
# "one" after an ordinal is a pronoun, not a number: the 3rd one, the second one -> 3, 2.
_ORDINAL_WORDS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
]
_ORDINAL_ONE = re.compile(rf"\b(?:(\d+)(?:st|nd|rd|th)|({'|'.join(_ORDINAL_WORDS)}))\s+ones?\b")
_ORDINAL_SUFFIX = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b")


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@cache
def _typos() -> Typos:
    table = {str(k): str(v) for k, v in vocabulary("words")["typos"].items()}
    return typos(table, ascii_whole_words=True)


def normalise(text: str) -> str:
    """Full-width -> half-width, traditional -> simplified, lower case, blanks collapsed,
    common misspellings corrected (data/words.yaml)."""
    said = unicodedata.normalize("NFKC", text.encode("utf-8", "replace").decode("utf-8"))
    said = re.sub(r"\s+", " ", _t2s().convert(said)).strip().lower()
    return by_sound(_typos().correct(pinyin_answer(said)))


def _english(match: re.Match[str]) -> str:
    """two hundred thousand -> 200000, forty-two -> 42, a hundred -> 100, 1.5 million ->
    1500000, half a million -> 500000: each scale word multiplies what was said since the
    last larger one."""
    total, current = 0.0, 0.0
    for word in re.findall(r"[a-z]+|\d+(?:\.\d+)?", re.sub(r"half\s+an?", "0.5", match[0])):
        if word in _ENGLISH_SCALES:
            scale = _ENGLISH_SCALES[word]
            current = (current or 1) * scale
            if scale > 100:
                total, current = total + current, 0.0
        elif word == "a":
            current += 1
        elif word[0].isdigit():
            current += float(word)
        elif word != "and":
            current += _ENGLISH[word]
    return f"{total + current:g}" if (total + current) % 1 else str(int(total + current))


@cache
def _english_dates() -> list[tuple[re.Pattern[str], str]]:
    """14 feb 1995, feb 14, 1995 -> 1995年2月14日; june 2021 -> 2021年6月."""
    month = rf"({'|'.join(vocabulary('dates')['english_months'])})[a-z]*\.?"
    day = r"(\d{1,2})(?:st|nd|rd|th)?"
    return [
        (re.compile(rf"\b{day}\s+(?:of\s+)?{month},?\s+(\d{{4}})\b"), "DMY"),
        (re.compile(rf"\b{month}\s+{day},?\s+(\d{{4}})\b"), "MDY"),
        (re.compile(rf"\b{month},?\s+(?:of\s+)?(\d{{4}})\b"), "MY"),
    ]


def _month_number(name: str) -> int:
    return int(vocabulary("dates")["english_months"][name])


# since 2015, married in 2015 -> 2015年起, 2015年; 2016.10.1 (a date with dots) -> 2016年10月1日
_YEAR_WORDS = (
    (re.compile(r"\b(?:since|from) ((?:19|20)\d\d)\b"), r"\1年起"),
    (re.compile(r"\bin ((?:19|20)\d\d)\b"), r"\1年"),
)
_DOTTED = re.compile(r"(?<![\d.])((?:19|20)\d\d)[./](\d{1,2})[./](\d{1,2})(?![\d.])")


def english_dates(said: str) -> str:
    for year, written in _YEAR_WORDS:
        said = year.sub(written, said)
    said = _DOTTED.sub(r"\1年\2月\3日", said)
    for pattern, order in _english_dates():
        if order == "DMY":
            said = pattern.sub(lambda m: f"{m[3]}年{_month_number(m[2])}月{m[1]}日", said)
        elif order == "MDY":
            said = pattern.sub(lambda m: f"{m[3]}年{_month_number(m[1])}月{m[2]}日", said)
        else:
            said = pattern.sub(lambda m: f"{m[2]}年{_month_number(m[1])}月", said)
    return said


def digits(text: str) -> str:
    """`normalise`d text with Chinese numerals as Arabic ones: 二零一六年 -> 2016年,
    八七年 -> 87年, 三十五 -> 35, 一万五 -> 15000, 一年半 -> 1年半, 两个月 -> 2个月, 壹次 -> 1次,
    卅九 and 三十有九 -> 39, 下周三 -> 下周 (a weekday is no number),
    twice -> 2 times, june 2021 -> 2021年6月, two hundred thousand -> 200000,
    the third one -> 3."""
    said = _SPACED.sub("", normalise(text).translate(_FORMAL))
    for sign, tens in _TENS_SIGNS:
        said = said.replace(sign, tens)
    said = _TENS_THEN_DIGIT.sub(lambda m: m[1] + _CN_NUMERALS[int(m[2])], said)
    said = _O_FOR_ZERO.sub("0", said)
    said = _YEAR_THEN_COUNT.sub(r"\1 ", _YEAR_AND.sub("", said))
    said = _WEEKDAY.sub(r"\1", _TENS_AND.sub(r"\1", said))
    said = english_dates(_TIMES.sub(lambda m: _ENGLISH_TIMES[m[1]], said))
    said = _ORDINAL_ONE.sub(lambda m: m[1] or str(_ORDINAL_WORDS.index(m[2]) + 1), said)
    said = _ENGLISH_NUMBER.sub(_english, said)
    said = _ORDINAL_SUFFIX.sub("", said)
    said = _DIGIT_RUN.sub(lambda m: "".join(_CN_DIGIT_VALUE[ch] for ch in m[0]), said)
    said = _LONE_TWO.sub("2", _TWO_BEFORE_UNIT.sub("二", said))
    kept, said = _keep_words(said)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # cn2an fails on some odd mixes: then the numbers stay Chinese
        with contextlib.suppress(Exception):
            said = cn2an.transform(said, "cn2an")
    for mark, word in kept.items():
        said = said.replace(mark, word)
    for _ in range(2):  # 9万8千5百: 8千5百 first, then 9万8500
        said = _UNIT_AND_DIGIT.sub(_unit_and_digit, said)
    said = _DIGITS_HUNDREDS.sub(_digits_hundreds, said)
    return _era_years(re.sub(r"(?<=\d),(?=\d{3})", "", said))


def _not_numbers() -> re.Pattern[str]:
    data = vocabulary("words")
    words = sorted(map(str, data["not_numbers"]), key=len, reverse=True)
    # 一过, 一到 (as soon as) are no numbers unless a numeral is before them (三十一过 is 31)
    soon = sorted(map(str, data["not_numbers_alone"]), key=len, reverse=True)
    alone = rf"(?<![{_CN_DIGIT}两十百千万\d])(?:{'|'.join(map(re.escape, soon))})"
    return re.compile("|".join([*map(re.escape, words), alone]))


def _keep_words(said: str) -> tuple[dict[str, str], str]:
    """一直, 一般, 一共 (data/words.yaml not_numbers) held out of cn2an, which would make 一直2倍
    1直2倍 (a 1 before the 2); each is a private-use character until cn2an is done."""
    kept: dict[str, str] = {}

    def hold(match: re.Match[str]) -> str:
        mark = chr(0xE000 + len(kept))
        kept[mark] = match[0]
        return mark

    return kept, built(_not_numbers).sub(hold, said)


def _era_pattern() -> re.Pattern[str]:
    eras = sorted(vocabulary("dates")["era_offsets"], key=len, reverse=True)
    return re.compile(rf"({'|'.join(map(re.escape, eras))})(元|\d{{1,3}})年")


def _era_years(said: str) -> str:
    """民国75年 -> 1986年, 民国元年 -> 1912年 (data/dates.yaml era_offsets)."""
    offsets = vocabulary("dates")["era_offsets"]

    def western(m: re.Match[str]) -> str:
        return f"{int(offsets[m[1]]) + (1 if m[2] == '元' else int(m[2]))}年"

    return built(_era_pattern).sub(western, said)


MAX_DIGITS = 12  # "9" * 400 is not a number anyone means (and float() makes it inf)


def number(token: str) -> float:
    if len(token) > MAX_DIGITS:
        raise Unclear()
    return float(token)


def words(text: str) -> str:
    """Without blanks and punctuation: for whole-answer vocabulary matches."""
    return re.sub(r"[\s,，.。!！?？~～、;；:：…\"'“”‘’()（）]+", "", text)
