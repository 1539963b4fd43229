"""A user's question with their personal data masked, before it becomes bot content.

Masked: ID card numbers (18 characters, the last may be X), mobile and landline numbers, every
other run of five or more digits (social insurance, bank, permit and account numbers), e-mail
addresses, names introduced as names (我叫张伟, 姓王, 张先生, my name is ...), bare Chinese names
(我是张伟, 帮李娜问一下: see `_bare_names`), and street addresses (…路12号, …弄3号402室, …小区).
Short numbers stay: 120分, 7年, 35岁 are the question, not the person. Masking is a net, not a
proof: the admin sees the masked text and confirms or edits it before it is stored, and what
they send back is masked again.
"""

from __future__ import annotations

import logging
import re
from functools import cache, partial

import jieba
import jieba.posseg

from faq.entries import load_entries
from faq.text import DATA

ID_NUMBER, PHONE, NUMBER, EMAIL, NAME, ADDRESS = (
    "〔身份证号〕",
    "〔电话〕",
    "〔号码〕",
    "〔邮箱〕",
    "〔姓名〕",
    "〔地址〕",
)

_LABELS = re.compile("|".join(map(re.escape, (ID_NUMBER, PHONE, NUMBER, EMAIL, NAME, ADDRESS))))
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤"
)
_CJK_NAME = rf"[{_SURNAMES}][\u4e00-\u9fff]{{0,2}}"
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])"), ID_NUMBER),
    (re.compile(r"(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}(?!\d)"), PHONE),
    (re.compile(r"(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)"), PHONE),
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), EMAIL),
    (
        re.compile(
            r"[\u4e00-\u9fff]{0,12}?(?:路|街|大道|公路|弄|巷|村|小区|花园|新村|公寓)"
            r"(?:\d+|[一二三四五六七八九十]+)?(?:弄|号|栋|幢|楼)(?:\d+(?:号|楼|室|单元))*"
            r"|\d+(?:弄|号楼|号|栋|幢)(?:\d+(?:号|楼|室|单元))*"
        ),
        ADDRESS,
    ),
    (re.compile(r"\d[\d\s-]{3,}\d"), NUMBER),
    (re.compile(r"\d{5,}"), NUMBER),
    (re.compile(r"(?:我叫|名叫|叫做|姓名是|名字是|本人是)\s*(?P<pii>[\u4e00-\u9fff]{2,3})"), NAME),
    (re.compile(r"我姓(?P<pii>[\u4e00-\u9fff])"), NAME),
    (re.compile(rf"{_CJK_NAME}(?=先生|女士|小姐|老师|同学|师傅)"), NAME),
    (re.compile(r"(?i:my name is|i'm called|call me) (?P<pii>[A-Z][a-z]+(?: [A-Z][a-z]+)?)"), NAME),
)


# Shanghai's districts and places users name (where they work, where to apply): jieba tags
# several as names (徐汇, 杨浦, 金山, 张江, 康桥).
_PLACES = frozenset(
    re.findall(
        r"\S+",
        "黄浦 徐汇 长宁 静安 普陀 虹口 杨浦 闵行 宝山 嘉定 浦东 金山 松江 青浦 奉贤 崇明 张江 金桥 "
        "陆家嘴 外高桥 临港 漕河泾 虹桥 徐家汇 五角场 前滩 北外滩 康桥 顾村 田林 川沙 周浦 江湾 "
        "曹路 唐镇 高桥 高行 罗店 杨行 马桥 莘庄 吴泾 颛桥 梅陇 朱家角 泗泾 洞泾 安亭 江桥 南翔",
    )
)
# Characters of grammar, never of a given name: 莫得 (dialect: "have none") is no 莫 person.
_GRAMMAR = frozenset("的得地了着过吗呢吧啊呀么嘛是有在不没也都就还又才和与及")
# A word of jieba's dictionary this common is a word first (谢谢, 高峰, 江西), whatever its tag.
COMMON = 500
# What comes after a place, not after a person: 张江镇, 田林街道, 康桥路.
_PLACE_AFTER = re.compile(r"(?:街道|镇|乡|村|区|县|路|新城|新区|园区|科学城|开发区|工业区)")


def mask(text: str) -> str:
    """`text` with every kind of personal data above replaced by a bracketed label."""
    for pattern, label in _RULES:
        text = pattern.sub(partial(_replace, label=label), text)
    return "".join(
        part if _LABELS.fullmatch(part) else _bare_names(part)
        for part in re.split(f"({_LABELS.pattern})", text)
        if part
    )


def _bare_names(text: str) -> str:
    """A word jieba tags as a person's name (nr), two or three characters from a common
    surname, is masked unless it is a word first: a place (listed, or by what follows it), a
    common word of the dictionary, a three-character run that starts with one (何时能), or a
    word of the FAQ's questions and answers."""
    words = list(_tagger().cut(text))
    out = []
    for index, (word, flag) in enumerate(words):
        after = "".join(w for w, _ in words[index + 1 : index + 3])
        person = (
            flag == "nr"
            and 2 <= len(word) <= 3
            and word[0] in _SURNAMES
            and not _GRAMMAR.intersection(word[1:])
            and not _a_word(word)
            and not _PLACE_AFTER.match(after)
        )
        out.append(NAME if person else word)
    return "".join(out)


def _a_word(word: str) -> bool:
    tagger = _tagger()
    frequency = tagger.tokenizer.FREQ
    starts_common = (
        len(word) == 3
        and frequency.get(word[:2], 0) >= COMMON
        and tagger.word_tag_tab.get(word[:2]) != "nr"
    )
    return (
        word in _PLACES or frequency.get(word, 0) >= COMMON or starts_common or word in _faq_text()
    )


@cache
def _faq_text() -> str:
    return "\n".join(
        part for entry in load_entries() for part in (entry.question, *entry.variants, entry.answer)
    )


@cache
def _tagger() -> jieba.posseg.POSTokenizer:
    """jieba's part-of-speech tagger with the FAQ's own words (积分通知书 ...) as words."""
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(DATA / "userdict.txt"))
    tagger = jieba.posseg.POSTokenizer(tokenizer)
    tokenizer.check_initialized()  # FREQ is read before the first cut
    return tagger


def _replace(match: re.Match[str], label: str) -> str:
    """A digit run with separators of fewer than five digits is a short number, not an id;
    a rule with a `pii` group masks only that group (我叫 stays, the name goes)."""
    whole = match.group(0)
    if label == NUMBER and sum(c.isdigit() for c in whole) < 5:
        return whole
    if "pii" in match.re.groupindex:
        start, end = match.span("pii")
        offset = match.start()
        return whole[: start - offset] + label + whole[end - offset :]
    return label


def without_labels(text: str) -> str:
    """The masked text as the retriever learns it: the labels' words (电话, 姓名 ...) are not
    what the user asked about, and 电话 would pull questions about hotlines."""
    return _LABELS.sub(" ", text).strip()


def is_masked(text: str) -> bool:
    """Masking finds nothing more in it: safe to keep as bot content."""
    return mask(text) == text
