"""A user's question with their personal data masked, before it becomes bot content.

Masked: ID card numbers (18 characters, the last may be X), mobile and landline numbers, every
other run of five or more digits (social insurance, bank, permit and account numbers), e-mail
addresses, names introduced as names (我叫张伟, 姓王, 张先生, my name is ...), and street
addresses (…路12号, …弄3号402室, …小区). Short numbers stay: 120分, 7年, 35岁 are the question,
not the person. Masking is a net, not a proof: the admin sees the masked text and confirms or
edits it before it is stored, and what they send back is masked again.
"""

from __future__ import annotations

import re
from functools import partial

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


def mask(text: str) -> str:
    """`text` with every kind of personal data above replaced by a bracketed label."""
    for pattern, label in _RULES:
        text = pattern.sub(partial(_replace, label=label), text)
    return text


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
