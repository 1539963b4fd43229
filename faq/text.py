"""Question text -> tokens: normalise, rewrite synonyms, segment, drop stopwords."""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jieba
import opencc
import yaml

from faq.english import inflected, stems
from faq.gate import ASCII_PHRASE_EDGE, Gate, phrases_of
from faq.sides import Occasion, facets

DATA = Path(__file__).parent / "data"
# How many texts (the whole, its sentences and clauses) deciding one question reads at most.
QUESTION_TEXTS = 64
_CJK = re.compile(r"[\u4e00-\u9fff]+")
_WORD = re.compile(r"[\w\u4e00-\u9fff]")
_SHANGHAI = re.compile(r"\bshanghai\b")
_SENTENCE_ENDS = "。？?！!；;\n"
_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_COUNTED = re.compile(
    r"([一二两三四五六七八九十]{1,3})(?=[来多余]?\s*(?:次|年|岁|周岁|个月|倍|天|分|个工作日|人))"
)


def _arabic(numeral: str) -> str:
    """一..九十九 as digits (五 -> 5, 十二 -> 12, 三十 -> 30); anything else unchanged."""
    tens, ten, ones = numeral.partition("十")
    if not ten:
        return str(_DIGITS[numeral]) if numeral in _DIGITS else numeral
    if (tens and tens not in _DIGITS) or (ones and ones not in _DIGITS):
        return numeral
    return str(_DIGITS.get(tens, 1) * 10 + _DIGITS.get(ones, 0))


def _valid(text: str) -> str:
    """`text` with lone surrogates (a broken UTF-16 pair, "\\ud800") replaced by U+FFFD:
    they cannot be encoded, and jieba and OpenCC would raise UnicodeEncodeError."""
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


class Analyzer:
    """One per process: building the jieba tokenizer and the OpenCC converter is slow."""

    def __init__(self, lexicon: dict[str, Any]) -> None:
        self._t2s = opencc.OpenCC("t2s")
        jieba.setLogLevel(logging.WARNING)
        self._jieba = jieba.Tokenizer()
        self._jieba.load_userdict(str(DATA / "userdict.txt"))
        for word in lexicon["split_words"]:
            self._jieba.del_word(word)
        # The vague references (那个分, 那张卡) are rewritten as synonyms are.
        tables = (lexicon["synonyms"], lexicon.get("references", {}))
        self._synonyms = _rewriter(
            {form: word for table in tables for word, forms in table.items() for form in forms}
            | {word: word for table in tables for word in table}
        )
        english = {phrase.lower(): f" {term} " for phrase, term in lexicon["english"].items()}
        # Pinyin is read before the glossary (faq/pinyin.py writes "shanghai" as 上海), so a
        # phrase that names Shanghai is matched as the reader leaves it too.
        as_read = {_SHANGHAI.sub("上海", p): t for p, t in english.items() if _SHANGHAI.search(p)}
        self._english = _rewriter(english | as_read, ascii_words=True)
        # What is said in more ways than a list holds (a verb and a hukou: 报上海户口, 户口能
        # 迁过来), rewritten to its word before the synonyms.
        self._said_as = tuple(
            _said_as(str(word), spec) for word, spec in lexicon.get("said_as", {}).items()
        )
        self._stopwords = frozenset(str(word) for word in lexicon["stopwords"])
        self.steady = frozenset(str(char) for char in lexicon["steady"])
        ood = lexicon["out_of_domain"]
        # Building a retriever segments every variant for BM25 and again for the classifier,
        # and a retriever rebuilt with taught phrasings segments them all once more.
        self._segmented = functools.lru_cache(maxsize=8192)(self._segment)
        # One question is rewritten whole by several steps that decide it (the gate, its asking
        # clause, the story around it): each text once. Room for one question's texts, not for
        # a benchmark's: a question asked again is worked out again.
        self._rewritten = functools.lru_cache(maxsize=QUESTION_TEXTS)(self._rewrite)
        self._general = frozenset(str(word) for word in lexicon["vague"]["general"])
        self._any_account = frozenset(str(word) for word in ood["any_account"])
        self._of_anyone = frozenset(str(word) for word in ood.get("of_anyone", ()))
        self._filler = frozenset(str(word) for word in lexicon["vague"]["filler"])
        self._generic = frozenset(str(word) for word in lexicon["vague"]["generic"])
        self.gate = Gate(
            always=phrases_of(ood["always"]),
            unless_anchor=phrases_of(ood["unless_anchor"]),
            other_places=phrases_of(ood["other_places"]),
            shanghai=phrases_of(ood["shanghai"]),
            anchors=phrases_of(lexicon["anchors"]),
            words=self._spans,
            shared=frozenset(str(word) for word in ood["shared"]),
            procedure=phrases_of(lexicon["procedure"]),
            hours=phrases_of(ood.get("hours", [])),
            points=re.compile(lexicon["points_said"]),
            their_schemes=phrases_of(ood.get("their_schemes", [])),
            used_for=re.compile(ood.get("points_used_for", "(?!)")),
            purposes=phrases_of(ood.get("purposes", [])),
        )
        occasion = lexicon["occasion"]
        self.occasion = Occasion(
            renewal=re.compile(occasion["renewal"]),
            first_time=re.compile(occasion["first_time"]),
            not_renewal=re.compile(occasion["not_renewal"]),
            renewal_of=dict(occasion["renewal_of"]),
        )
        self.facets = facets(lexicon["facets"])
        # A side of a topic that another office handles: `of` maps the topic to a pointer kind.
        self.referrals = facets(lexicon.get("referrals", {}))
        # What a case told as it happened wants: a candidate topic -> the topic that helps.
        self.situations = facets(lexicon.get("situations", {}))

    def plain(self, text: str) -> str:
        """NFKC (full-width -> half-width), traditional -> simplified, lower case, and a
        single Chinese numeral before a unit as a digit (五次 -> 5次), a hedge (来, 多, 余) between
        them too (八十来分 -> 80来分)."""
        text = self._t2s.convert(unicodedata.normalize("NFKC", _valid(text)).lower())
        return _COUNTED.sub(lambda m: _arabic(m.group(1)), text)

    def rewrite(self, plain: str) -> str:
        """English terms (any inflection) and colloquial forms of a `plain` text rewritten to
        the index's words."""
        return self._rewritten(plain)

    def _rewrite(self, plain: str) -> str:
        text = self._english.rewrite(plain)
        for said in self._said_as:
            text = said.rewrite(text)
        return self._synonyms.rewrite(text)

    def normalise(self, text: str) -> str:
        return self.rewrite(self.plain(text))

    def _spans(self, text: str) -> list[tuple[int, int]]:
        """Where jieba puts each word of `text`: (start, end) offsets."""
        return [(start, end) for _, start, end in self._jieba.tokenize(text)]

    def is_word(self, text: str) -> bool:
        """A word of jieba's dictionary or ours, or a form our synonyms know."""
        self._jieba.check_initialized()
        return self._jieba.FREQ.get(text, 0) > 0 or text in self._synonyms.table

    def tokens(self, normalised: str) -> list[str]:
        return list(self._segmented(normalised))

    def _segment(self, normalised: str) -> tuple[str, ...]:
        words = [w.strip() for w in self._jieba.lcut(normalised)]
        return tuple(w for w in words if w and _WORD.search(w) and w not in self._stopwords)

    @property
    def stopwords(self) -> frozenset[str]:
        return self._stopwords

    @property
    def general(self) -> frozenset[str]:
        """Domain words that name no topic (积分, 居住证)."""
        return self._general

    @property
    def unowned(self) -> frozenset[str]:
        """Our words that do not say whose matter a question is: the general ones, those of any
        online account (密码, 账号) and those any office asks of a person (上海户籍)."""
        return self._general | self._any_account | self._of_anyone

    def content(self, normalised: str) -> tuple[str, ...]:
        """The words that say what a question is about: not filler (情况, 问题) nor what any
        question of any office holds (这种, 解决)."""
        generic = self._general | self._filler | self._generic
        return tuple(word for word in self.tokens(normalised) if word not in generic)

    def vague(self, normalised: str) -> bool:
        """Names no topic: one general word (积分), or general words and filler (积分的事情)."""
        words = set(self.tokens(normalised))
        if not words or not words <= self._general | self._filler:
            return False
        return len(words) == 1 or bool(words & self._filler)

    def bigrams(self, normalised: str) -> list[str]:
        """Character bigrams of the Chinese runs: they catch words jieba cut differently."""
        return [
            "~" + run[i : i + 2] for run in _CJK.findall(normalised) for i in range(len(run) - 1)
        ]


@dataclass(frozen=True)
class _SaidAs:
    """What `pattern` matches is `word`, except in a sentence that names what `unless` does:
    办张卡 is the permit, 银行让我去办张卡 the bank's card."""

    pattern: re.Pattern[str]
    word: str
    unless: re.Pattern[str] | None = None

    def rewrite(self, text: str) -> str:
        return self.pattern.sub(self._said, text)

    def _said(self, match: re.Match[str]) -> str:
        if self.unless is None:
            return self.word
        text = match.string
        start = max(text.rfind(end, 0, match.start()) for end in _SENTENCE_ENDS) + 1
        ends = [i for end in _SENTENCE_ENDS if (i := text.find(end, match.end())) >= 0]
        sentence = text[start : min(ends, default=len(text))]
        return match[0] if self.unless.search(sentence) else self.word


def _said_as(word: str, spec: str | dict[str, str]) -> _SaidAs:
    if isinstance(spec, str):
        return _SaidAs(re.compile(spec), word)
    return _SaidAs(re.compile(spec["as"]), word, re.compile(spec["unless"]))


@dataclass(frozen=True)
class _Rewriter:
    pattern: re.Pattern[str] | None
    table: dict[str, str]
    key: Callable[[str], str] = str

    def rewrite(self, text: str) -> str:
        if self.pattern is None:
            return text
        return self.pattern.sub(lambda m: self._term(m[0]), text)

    def _term(self, said: str) -> str:
        """The form said first (expired: 过期), then any form of the same stem (expires). A
        phrase matched only by how its words start (residence permit pointers for residence
        permit points) is read again without its last word: residence permit is still 居住证."""
        found = self.table.get(said) or self.table.get(self.key(said))
        if found:
            return found
        head, space, last = said.rpartition(" ")
        return f"{self.rewrite(head)} {self.rewrite(last)}" if space else said


def _rewriter(table: dict[str, str], *, ascii_words: bool = False) -> _Rewriter:
    if not table:
        return _Rewriter(None, {})
    phrases = sorted(table, key=len, reverse=True)
    if ascii_words:
        # Any inflection of a phrase's words (renewing, documents, expired) is the phrase.
        alternatives = "|".join(inflected(p) for p in phrases)
        pattern = re.compile(ASCII_PHRASE_EDGE.format(f"(?:{alternatives})"))
        return _Rewriter(pattern, {stems(p): term for p, term in table.items()} | table, stems)
    else:
        # An ASCII form (hr) is a whole word, never the inside of one (through).
        pattern = re.compile(
            "|".join(
                ASCII_PHRASE_EDGE.format(re.escape(p)) if p.isascii() else re.escape(p)
                for p in phrases
            )
        )
    return _Rewriter(pattern, table)


@cache
def default_analyzer() -> Analyzer:
    lexicon = yaml.safe_load((DATA / "lexicon.yaml").read_text(encoding="utf-8"))
    return Analyzer(lexicon)
