"""Professional title or skill level, by the official series (data/titles.yaml).

主任医师 is 正高 (title_senior); a teacher's 一级 is 中级 and 二级 is 初级, not skill levels; 软考
levels are the engineering titles; 执业资格 count only where Shanghai's catalogue lists them, so
they are confirmed; 特种作业操作证 and 驾驶证 are neither. A series we have no source for gets
its level asked, never guessed.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Any

from dialogs.parsing.text import (
    CLAUSE_BREAK,
    MOST_OPTIONS,
    Ambiguous,
    Unclear,
    digits,
    normalise,
    words,
)
from dialogs.parsing.title_misspellings import near_names
from dialogs.parsing.vocabulary import Match, Scanner, built, vocabulary
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
# 中级经济师还没考下来, 高级还在评, 副教授明年才评: a title named and then denied.
_NOT_YET = re.compile(
    r"\s*(?:也|都)?(?:还没有?|没有?|尚未|未|还在|正在|在)(?:考|评|拿|批|下来|通过|过|出来|审)"
    r"|\s*(?:职称)?(?:的)?(?:还在|正在|在)?(?:评审|审核|审批|公示|申报|答辩)(?:中|当中|阶段)"
    r"|\s*(?:要|得|还要|还得)?(?:明年|今年|年底|下半年|以后|将来|过两年|马上|快)(?:才|再|要|就)?(?:能)?"
    r"(?:评|考|申报|报|拿)|\s*(?:才|再|要|准备|打算)(?:能)?(?:评|考|申报|报|拿)"
    r"|[^，,。]{0,6}[，,]?\s*(?:还|就|只)差[一二两三\d](?:门|科)"
)
_NO_TITLE = re.compile(
    r"没有?(?:任何)?(?:职称|证)|无(?:职称|证)|(?:职称|证)(?:书)?(?:也|都)没有?"
    r"|^(?:还|也|都|从来)?没有?(?:评|考|拿)(?:过|上|到)?(?:任何)?(?:的)?(?:职称|证书|证)?$|没有?评(?:过|上)?职称"
    r"|\bno (?:\w+ )?(?:title|certificate)s?\b"
)
_BARE_LEVEL = re.compile(r"(?<![\d.])([1-5])\s*级|level\s*([1-5])|([一二三四五])级")
_OCCUPATION = re.compile(r"[\u4e00-\u9fff]{1,5}(?:师|员)")
_TRADE = re.compile(
    r"[\u4e00-\u9fff]工(?![程作资龄])|技能|职业资格|工种|技工"
    r"|electrician|welder|mechanic|plumber|fitter|technician|chef|cook|skill|vocational"
)


def _scanner() -> Scanner:
    return built(_build_scanner)


def _build_scanner() -> Scanner:
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
    phrases |= {str(n): ("permit", None) for n in data["permit_or_skill"]}
    phrases |= {str(n): ("occupation", None) for n in data["occupations"]}
    phrases |= {
        str(n): ("confirm", Ambiguous(tuple(v["options"]), v["key"]))
        for n, v in data["confirm"].items()
    }
    phrases |= {str(n): ("bare", tuple(v)) for n, v in data["bare_levels"].items()}
    phrases |= {"职称": ("word", None), "证书": ("word", None), "证": ("word", None)}
    return Scanner(phrases)


def _titles_named(scanned: list[Match]) -> bool:
    """The answer speaks of professional titles (even of one not held: 正在考中级会计)."""
    return any(
        kind in ("ask", "confirm") or (kind == "level" and str(value).startswith("title_"))
        for kind, value in (m.meaning for m in scanned)
    )


def _without(said: str, matches: list[Match]) -> str:
    """`said` without the matched phrases, and without the level of a certificate that is not
    a title (普通话二级甲等, 英语四级)."""
    level = vocabulary("titles")["not_title_level"]
    for match in matches:
        after = level if match.meaning[0] == "not_title" else ""
        said = re.sub(
            re.escape(match.phrase) + f"(?:{after})?" if after else re.escape(match.phrase),
            " ",
            said,
            count=1,
        )
    return said


def _bare_numbers(rest: str) -> list[int]:
    """The bare level numbers said (三级, level 3, 5级), in order."""
    plain = digits(rest)
    found = list(_BARE_LEVEL.finditer(plain)) or list(_BARE_LEVEL.finditer(rest))
    return [int(m[1] or m[2] or "一二三四五".index(m[3]) + 1) for m in found]


def _trade_level(rest: str, said: str, occupation: bool) -> str | None:
    """电工三级, 三级电工, 养老护理员四级: a bare level next to a trade is a skill level; of
    several held (电工五级和三级都有), the highest, which is the smallest number."""
    numbers = _bare_numbers(rest)
    if not numbers or not (occupation or _TRADE.search(said) or _OCCUPATION.search(rest)):
        return None
    return f"skill_{min(numbers)}"


_TRADE_AFTER = re.compile(
    r"\s*[\u4e00-\u9fff]{0,3}?(?:工(?!程)|厨师|师傅)|\s*(?:electrician|welder|chef|cook)"
)


def _before_trade(said: str, match: Match) -> bool:
    """高级电工, 中级厨师证, 高级养老护理员: a level word right before a trade or an occupation
    assessed by skill levels."""
    after = said[match.end :]
    occupations = tuple(str(o) for o in vocabulary("titles")["occupations"])
    return _TRADE_AFTER.match(after) is not None or after.lstrip().startswith(occupations)


@cache
def _titles_at_level(number: int) -> tuple[str, ...]:
    """The titles a level number names in some series (三级律师: intermediate; 三级教师, 三级翻译:
    junior), highest first."""
    level = f"{'一二三四五'[number - 1]}级"
    series = vocabulary("titles")["series"].values()
    named = {t for s in series for t, names in s["names"].items() if any(level in n for n in names)}
    return tuple(sorted(named, key=RANK.__getitem__, reverse=True))


def _title_levels() -> frozenset[int]:
    """The level numbers some title series also uses (一级教师, 四级律师, 三级翻译)."""
    return frozenset(n for n in range(1, 6) if _titles_at_level(n))


def _job_pattern(key: str) -> re.Pattern[str]:
    data = vocabulary("titles")
    jobs = "|".join(sorted(map(re.escape, data["jobs"]), key=len, reverse=True))
    return re.compile(str(data[key]).replace("{jobs}", jobs))


def _job_said() -> re.Pattern[str]:
    return _job_pattern("job_said")


def _job_of_field() -> re.Pattern[str]:
    return _job_pattern("job_of_field")


def _post(said: str) -> bool:
    """我是护士, 软件工程师: one's work said, the job name alone of the title words, with words
    of one's work or field before it, or none (工程师 alone is the title)."""
    plain = words(said)
    if built(_job_said).match(plain):
        return True
    field = built(_job_of_field).match(plain)
    if field is None:
        return False
    scanned = _scanner().scan(plain)
    return [m.phrase for m in scanned] == [field[1]] and scanned[0].start > 0


_LEVEL_PAIR = re.compile(r"([一二三四五1-5])\s*(?:到|至|-|~|或者?|还是)?\s*([一二三四五1-5])\s*级")


def _either_level(said: str, text: str, pair: re.Match[str]) -> str | Ambiguous:
    """电工三四级, 3到4级: the answer read with each level; asked when they differ."""
    readings = []
    for level in (pair[1], pair[2]):
        read = _title(said[: pair.start()] + f"{level}级" + said[pair.end() :], text)
        if isinstance(read, Ambiguous):
            raise Unclear("error-title-level")
        readings.append(read)
    if readings[0] == readings[1]:
        return readings[0]
    return Ambiguous(tuple(sorted(readings, key=RANK.__getitem__, reverse=True)), "confirm-which")


def parse_title(text: str, today: date | None = None) -> str | Ambiguous:
    screen(text)
    if is_none(text):
        return "none"
    said = _held_now(normalise(text))
    pair = _LEVEL_PAIR.search(said)
    if pair and pair[1] != pair[2]:  # 电工三四级: either level, asked
        return _either_level(said, text, pair)
    near = near_names(said, _scanner().scan(said))
    if _post(said) and not near:  # 主只医师 is 主治医师 misspelt, not a 医师 of some field
        raise Unclear("error-title-level")  # 我是护士, 软件工程师: the job, not the title held
    try:
        read: str | Ambiguous = _title(said, text)
    except ValueError:
        if not near:
            raise
        read = "none"
    if near - {read}:  # 主只医师: 主治医师 (中级), or the 医师 (初级) the answer also says?
        options = near | ({read} if isinstance(read, str) else set(read.options))
        return Ambiguous(
            tuple(sorted(options, key=RANK.__getitem__, reverse=True)), "confirm-which"
        )
    recognised = re.search(vocabulary("titles")["not_recognised"], said) is None
    if isinstance(read, str) and read.startswith("title_") and not recognised:
        return Ambiguous((read, "none"), "confirm-which")  # 外省评的中级，还没在上海复评
    return read


def _held_now(said: str) -> str:
    """本来是中级，今年刚评上副高: a title said of the past, then one named after it: the later."""
    clauses = [c.strip() for c in CLAUSE_BREAK.split(said) if c.strip()]
    past = clauses[0].startswith(tuple(vocabulary("yes_no")["past"])) if clauses else False
    if past and any(_scanner().scan(c) for c in clauses[1:]):
        return "，".join(clauses[1:])
    return said


_HELD_TOO = re.compile(r"还有|也有|都有|又有|另外|以及|[和跟与加、+&]|\b(?:and|also|both|plus)\b")


def _held_too(said: str, rest: str) -> list[str]:
    """有初级职称，还有个五级证; 初级职称和四级证: the bare skill levels held besides a title
    (the higher of all counts)."""
    if not _HELD_TOO.search(said):
        return []
    return [f"skill_{n}" for n in _bare_numbers(rest)]


def _titles_beside(said: str, kinds: dict[str, list[Any]]) -> list[str]:
    """有中级又有高级工: a bare level held besides a skill level named as one (高级工) is the
    title, or it would be named as the skill level is (中级工)."""
    if not _HELD_TOO.search(said):
        return []
    return [str(title) for title, _skill in kinds.get("bare", [])]


def _title(said: str, text: str) -> str | Ambiguous:
    scanned = _scanner().scan(said)
    found = [
        m
        for m in scanned
        if not _NEGATED.search(said[: m.start]) and not _NOT_YET.match(said[m.end :])
    ]
    if scanned and not found:  # 还没评上中级: nothing held
        return "none"
    kinds: dict[str, list[Any]] = {}
    for match in found:
        kind, value = match.meaning
        if kind == "bare" and _before_trade(said, match):  # 高级电工证: the trade's skill level
            kind, value = "level", value[1]
        kinds.setdefault(kind, []).append(value)
    rest = _without(said, scanned)
    trade = _trade_level(rest, said, "occupation" in kinds)
    if "level" in kinds:
        named_skill = [str(v) for v in kinds["level"] if str(v).startswith("skill_")]
        numbered = {f"skill_{n}" for n in _bare_numbers(rest)}
        if named_skill and numbered and numbered != set(named_skill):
            # 技师，三级 / senior technician, level 3: the name and the number said disagree
            disagree = {*named_skill, *numbered}
            return Ambiguous(
                tuple(sorted(disagree, key=RANK.__getitem__, reverse=True)), "confirm-which"
            )
        extra = [] if named_skill else _held_too(said, rest)
        best = max(
            [*kinds["level"], *([trade] if trade else []), *extra, *_titles_beside(said, kinds)],
            key=RANK.__getitem__,
        )
        said_level = [b[0] for b in kinds.get("bare", [])]  # 工程师（初级）: name and level differ
        if best.startswith("title_") and said_level and said_level[0] != best:
            return Ambiguous((said_level[0], best), "confirm-which")
        return str(best)
    if "bare" in kinds:
        title, skill = kinds["bare"][0]
        if _titles_named(scanned) or re.search(r"评|职称|专业技术|对口|title", said):
            # 会计中级, 工程师（中级）, 评了中级, 正在考中级会计，只有初级; 助理职称跟五级证
            return max([str(title), *_held_too(said, rest)], key=RANK.__getitem__)
        if "occupation" in kinds:  # 养老护理员初级: an occupation's skill level
            return str(skill)
        if _TRADE.search(said) or _OCCUPATION.search(rest):  # 高级电工, 育婴师高级: a trade
            return str(skill)
        return Ambiguous((title, skill), "confirm-level")
    numbers = _bare_numbers(rest)
    named = {"ask", "confirm", "qualification", "not_title"} & set(kinds)
    if trade and not named - {"not_title"}:
        return trade
    if numbers and not named:  # 二级 alone: a skill level, or 二级教师, 三级律师? 五级: a skill
        # several levels held (五级和三级都考了): one no title series uses makes them all skill
        # levels, and the highest counts
        if set(numbers) - _title_levels():
            return f"skill_{min(numbers)}"
        # 三级 alone: a skill level, or the title it names in some series, offered as buttons
        # when they are few (二级 names every title somewhere: asked again, as for too vague)
        options = (f"skill_{numbers[0]}", *_titles_at_level(numbers[0]))
        if len(set(numbers)) == 1 and len(options) <= MOST_OPTIONS:
            return Ambiguous(options, "confirm-bare-level", {"level": numbers[0]})
        raise Unclear("error-title-bare-level", said=text.strip())
    if _NO_TITLE.search(said):
        return "none"
    if "confirm" in kinds:
        return kinds["confirm"][0]
    if "qualification" in kinds:
        return Ambiguous(("title_intermediate", "none"), "confirm-qualification")
    if "permit" in kinds and "not_title" not in kinds:  # 电工证: a permit, or which level?
        raise Unclear("error-title-level")
    if "ask" in kinds or (numbers and "not_title" not in kinds):
        raise Unclear("error-title-level")
    if "not_title" in kinds:
        return "none"
    raise Unclear()
