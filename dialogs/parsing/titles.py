"""Professional title or skill level, by the official series (data/titles.yaml).

主任医师 is 正高 (title_senior); a teacher's 一级 is 中级 and 二级 is 初级, not skill levels; 软考
levels are the engineering titles; 执业资格 count only where Shanghai's catalogue lists them, so
they are confirmed; 特种作业操作证 and 驾驶证 are neither. A series we have no source for gets
its level asked, never guessed.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from dialogs.parsing.text import Ambiguous, Unclear, digits, normalise
from dialogs.parsing.vocabulary import Scanner, vocabulary
from dialogs.parsing.words import is_none, screen

__all__ = ["parse_title"]

# Points order, to keep the highest of several: 一级 = 高级职称 > 二级 = 中级 > 三级 > ...
RANK = {
    "none": 0,
    "title_junior": 0,
    "skill_5": 1,
    "skill_4": 2,
    "skill_3": 3,
    "skill_2": 4,
    "title_intermediate": 4,
    "skill_1": 5,
    "title_senior": 5,
}
_NEGATED = re.compile(
    r"(?:没有|没|无|未|还没有?|不是|尚未)(?:评上|考上|拿到|取得|考出|考过|评|考)?\s*$"
    r"|(?:在考|正在考|在评|正在评|准备考|准备评|考了没过)\s*$"
)
_NO_TITLE = re.compile(
    r"没有?(?:任何)?(?:职称|证)|无(?:职称|证)|(?:职称|证)(?:书)?(?:也|都)没有?"
    r"|no (?:title|certificate)"
)
_BARE_LEVEL = re.compile(r"(?<![\d.])([1-5])\s*级|level\s*([1-5])|([一二三四五])级")
_OCCUPATION = re.compile(r"[\u4e00-\u9fff]{1,5}(?:师|员)")
_TRADE = re.compile(r"[\u4e00-\u9fff]工(?!程)|技能|职业资格|工种|技工")


def _scanner() -> Scanner:
    data = vocabulary("titles")
    phrases: dict[str, tuple[str, Any]] = {}
    for series in data["series"].values():
        for level, names in series["names"].items():
            phrases |= {str(n): ("level", level) for n in names}
    for level, names in data["skills"]["names"].items():
        phrases |= {str(n): ("level", level) for n in names}
    phrases |= {str(n): ("qualification", None) for n in data["qualification"]}
    phrases |= {str(n): ("not_title", None) for n in data["not_titles"]}
    phrases |= {str(n): ("ask", None) for n in data["ask_level"]}
    phrases |= {
        str(n): ("confirm", Ambiguous(tuple(v["options"]), v["key"]))
        for n, v in data["confirm"].items()
    }
    phrases |= {str(n): ("bare", tuple(v)) for n, v in data["bare_levels"].items()}
    phrases |= {"职称": ("word", None), "证书": ("word", None), "证": ("word", None)}
    return Scanner(phrases)


_TITLES = _scanner()


def parse_title(text: str, today: date | None = None) -> str | Ambiguous:
    screen(text)
    if is_none(text):
        return "none"
    said = normalise(text)
    scanned = _TITLES.scan(said)
    found = [m for m in scanned if not _NEGATED.search(said[: m.start])]
    if scanned and not found:  # 还没评上中级: nothing held
        return "none"
    kinds: dict[str, list[Any]] = {}
    for match in found:
        kinds.setdefault(match.meaning[0], []).append(match.meaning[1])
    if "level" in kinds:
        best = max(kinds["level"], key=RANK.__getitem__)
        said_level = [b[0] for b in kinds.get("bare", [])]  # 工程师（初级）: name and level differ
        if best.startswith("title_") and said_level and said_level[0] != best:
            return Ambiguous((said_level[0], best), "confirm-which")
        return str(best)
    rest = said
    for match in found:
        rest = rest.replace(match.phrase, " ")
    if "bare" in kinds:
        title, skill = kinds["bare"][0]
        if "ask" in kinds or "confirm" in kinds or re.search(r"评|职称|专业技术", said):
            return str(title)  # 会计中级, 工程师（中级）, 评了中级: a title
        if _TRADE.search(said) or _OCCUPATION.search(rest):  # 高级电工, 育婴师高级: a trade
            return str(skill)
        return Ambiguous((title, skill), "confirm-level")
    number = _BARE_LEVEL.search(digits(rest)) or _BARE_LEVEL.search(rest)
    named = {"ask", "confirm", "qualification", "not_title"} & set(kinds)
    if number and not named:  # 一级注册建筑师 is a qualification, not skill level 1
        level = number[1] or number[2] or "一二三四五".index(number[3]) + 1
        return f"skill_{level}"
    if _NO_TITLE.search(said):
        return "none"
    if "confirm" in kinds:
        return kinds["confirm"][0]
    if "qualification" in kinds:
        return Ambiguous(("title_intermediate", "none"), "confirm-qualification")
    if "ask" in kinds or number:
        raise Unclear("error-title-level")
    if "not_title" in kinds:
        return "none"
    raise Unclear()
