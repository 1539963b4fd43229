"""Education: the highest finished level; unfinished or in-progress study (研一在读, 读了三年
退学了, 结业) counts the level below it; adult and upgrade routes (自考本科, 专升本) are the level
their words say; a bachelor's degree is confirmed when the answer does not say."""

from __future__ import annotations

import re
from datetime import date

from dialogs.parsing.text import CLAUSE_BREAK, Ambiguous, Unclear, normalise
from dialogs.parsing.vocabulary import Match, Scanner, built, contains, vocabulary
from dialogs.parsing.words import is_none, screen

__all__ = ["parse_education"]

ORDER = ("none", "college", "bachelor", "master", "doctor")
CONFIRM_DEGREE = Ambiguous(("bachelor_degree", "bachelor"), "confirm-bachelor")
VAGUE = Ambiguous(("bachelor_degree", "bachelor", "college"), "confirm-which")


def _scanner() -> Scanner:
    return built(_build_scanner)


def _build_scanner() -> Scanner:
    data = vocabulary("education")
    phrases: dict[str, tuple[str, str]] = {}
    for level, names in data["levels"].items():
        phrases |= {str(n): ("level", level) for n in names}
    for level, names in data["in_year"].items():
        phrases |= {str(n): ("in_year", level) for n in names}
    phrases |= {str(n): ("vague", "") for n in data["vague"]}
    return Scanner(phrases)


# 研三，已经毕业 is finished; 研三，明年毕业 is not.
_GRADUATED = r"(?<![没未将要快])(?<!明年|今年|年底|马上|即将|准备|就要)毕业|读完"
_CLAUSES = re.compile(r"[,，;；。.、/]|但是|但|不过|现在|目前|后来|然后|之后|又|再")


def _markers() -> Scanner:
    return built(_build_markers)


def _build_markers() -> Scanner:
    return Scanner({str(w): "unfinished" for w in vocabulary("education")["unfinished"]})


def _left_unfinished(clause: str, found: list[Match]) -> set[int]:
    """Which levels named in `clause` an unfinished word is said of: each word of the level
    nearest it (the one before it on a tie), so in 大专 本科在读 only the bachelor's is."""
    marked: set[int] = set()
    reasons = vocabulary("education")["degree_reasons"]
    for marker in _markers().scan(clause):
        if marker.phrase in reasons and _without_degree(clause) and _graduated(clause):
            continue  # 本科毕业，学位证没拿到（挂科了）: why the degree is missing
        gaps = [
            max(marker.start - level.end, level.start - marker.end, 0) * 2
            + (level.start > marker.start)
            + 2 * len(clause) * _finished_before(clause, level, marker)
            for level in found
        ]
        marked.add(gaps.index(min(gaps)))
    return marked


def _graduated(clause: str) -> bool:
    """毕业 said, and the diploma not denied (毕业证也没有)."""
    denied = re.search(r"毕业证[^,，;；。]{0,3}?(?:没|无|未)", clause)
    return bool(re.search(_GRADUATED, clause)) and not denied


def _finished_before(clause: str, level: Match, marker: Match) -> bool:
    """高中毕业在读大专: a level said finished before the unfinished word is not the one it is
    said of."""
    return level.end <= marker.start and bool(
        re.search(_GRADUATED, clause[level.start : marker.start])
    )


def _below(level: str, clause: str) -> str:
    """The level an unfinished `level` leaves: 专升本 was 大专 before; a master's student
    holds a bachelor (degree not said)."""
    if level == "bachelor":
        return "college" if contains(clause, vocabulary("education")["upgrade"]) else "none"
    return ORDER[max(ORDER.index(level) - 1, 0)]


def _clause_level(clause: str) -> str | None:
    """The finished level one clause says (None: it names none); "vague" for 大学."""
    found = _scanner().scan(clause)
    if not found:
        return None
    left_unfinished = _left_unfinished(clause, found)
    best: str | None = None
    for at, match in enumerate(found):
        kind, level = match.meaning
        unfinished = at in left_unfinished
        if kind == "vague":
            if unfinished:  # 大学读了三年退学了: 本科 or 大专, unfinished either way
                level = "none"
            else:
                best = best or "vague"
                continue
        graduated = kind == "in_year" and re.search(_GRADUATED, clause)
        if (kind == "in_year" and not graduated) or (unfinished and level != "none"):
            level = _below(level, clause)
        if best in (None, "vague") or ORDER.index(level) > ORDER.index(best):
            best = level
    return best


def _without_degree(said: str) -> bool:
    """没有学位, also typed with blanks between its words (本科 没有 学位, benke mei you xuewei)."""
    said = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", said)
    data = vocabulary("education")
    patterns = data["no_degree_patterns"]
    return contains(said, data["no_degree"]) or any(re.search(p, said) for p in patterns)


def _with_degree(said: str) -> str | Ambiguous:
    data = vocabulary("education")
    if _without_degree(said):
        return "bachelor"
    if contains(said, data["degree_unsure"]):  # 学位？好像有吧
        return CONFIRM_DEGREE
    if contains(said, data["degree"]) or contains(said, data["overseas"]):
        return "bachelor_degree"
    return CONFIRM_DEGREE


def _groups(said: str) -> list[str]:
    """Clauses, each clause without a level word joined to the one before it: in 自考了本科，
    但还差两门 the second clause says the first is unfinished."""
    groups: list[str] = []
    for part in _CLAUSES.split(said):
        if not part.strip():
            continue
        if _scanner().scan(part) or not groups:
            groups.append(part)
        else:
            groups[-1] += f"，{part}"
    return groups


def _below_said(said: str) -> str | Ambiguous | None:
    """大专以下, 没有大专学历, below college -> none; 本科以下 -> 大专 or none, asked; None when no
    level is followed by 以下 nor denied alone."""
    data = vocabulary("education")
    below, below_before = tuple(data["below"]), tuple(data["below_before"])
    named = _scanner().scan(said)
    for match in named:
        kind, level = match.meaning
        before = said[: match.start]
        denied = len(named) == 1 and (
            re.search(data["denied_level"], before) or before.rstrip().endswith(below_before)
        )
        if kind != "level" or not (said[match.end :].lstrip().startswith(below) or denied):
            continue
        lower = ORDER[max(ORDER.index(level) - 1, 0)]
        if lower == "none":
            return "none"
        if lower == "college":
            return Ambiguous(("college", "none"), "confirm-which")
        raise Unclear()
    return None


def _degree_only(said: str) -> Ambiguous | None:
    """A graduate degree with only the degree certificate (单证, 只有硕士学位证), or one often
    studied that way named with neither certificate said (MBA, 在职研究生): whether it counts
    as the level is asked, against the level below it."""
    data = vocabulary("education")
    named = {m.meaning[1] for m in _scanner().scan(said) if m.meaning[0] == "level"}
    top = "doctor" if "doctor" in named else "master" if "master" in named else None
    only = contains(said, data["degree_only"]) or any(
        re.search(p, said) for p in data["degree_only_patterns"]
    )
    maybe = contains(said, data["degree_only_maybe"]) and not contains(
        said, data["both_certificates"]
    )
    if top is None or not (only or (maybe and top == "master")):
        return None
    return Ambiguous((top, "master" if top == "doctor" else "bachelor_degree"), "confirm-which")


def _graduate(best: str, said: str) -> str | Ambiguous:
    """A graduate level as said; a doctorate in progress (the master before it is not said:
    直博 skips it) is asked against the bachelor with degree; a graduate student's word that
    names neither degree (研究生毕业: 硕士研究生 and 博士研究生 alike) is asked."""
    if best == "master" and _doctor_in_progress(said):
        return Ambiguous(("master", "bachelor_degree"), "confirm-which")
    masters = [m.phrase for m in _scanner().scan(said) if m.meaning == ("level", "master")]
    either = {str(w) for w in vocabulary("education")["graduate_either"]}
    if best == "master" and set(masters) <= either:  # 研究生毕业: 硕士 or 博士?
        return Ambiguous(("master", "doctor"), "confirm-which")
    return best


def _doctor_in_progress(said: str) -> bool:
    """A doctorate is named but counted as unfinished, and no master is named."""
    named = {level for _kind, level in (m.meaning for m in _scanner().scan(said))}
    return "doctor" in named and "master" not in named


def _unfinished_bachelor_only(said: str) -> bool:
    """本科在读, 本科读了两年退学了: the only level named is an unfinished bachelor's (not a
    year of it, 大三, nor an upgrade, 专升本), so what was finished before it is not said."""
    data = vocabulary("education")
    named = _scanner().scan(said)
    years = {str(w) for w in data["in_year"]["bachelor"]} - {"本科在读"}
    return (
        bool(named)
        and all(m.meaning[1] == "bachelor" and m.phrase not in years for m in named)
        and not contains(said, data["upgrade"])
    )


def _without_diploma(best: str, said: str) -> Ambiguous | None:
    """本科结业, 硕士结业: completed without the diploma; whether the level counts is asked,
    against the level below it (a master's student holds a bachelor's degree)."""
    data = vocabulary("education")
    if contains(said, data["courses"]):
        return None  # 读过研修班，结业了: the course was completed, no level
    if best == "none" or not contains(said, data["completed_without_diploma"]):
        return None
    groups = [g for g in _groups(said) if contains(g, data["completed_without_diploma"])]
    if not any(_clause_level(g) == best for g in groups):
        return None
    lower = {"doctor": "master", "master": "bachelor_degree"}.get(best) or _below(best, said)
    return Ambiguous((best, lower), "confirm-which")


def _genuine(said: str) -> str:
    """高中，大专是买的证没法用 -> 高中: the clauses of a certificate said to be fake or bought
    (data/education.yaml not_genuine) left out, and the one before such a clause naming no
    level (本科，不过是买的); none left: asked again."""
    fake = vocabulary("education")["not_genuine"]
    clauses = [c for c in CLAUSE_BREAK.split(said) if c.strip()]
    dropped: set[int] = set()
    for i, clause in enumerate(clauses):
        if re.search(fake, clause):
            dropped |= {i} if _clause_level(clause) is not None or i == 0 else {i, i - 1}
    kept = [c for i, c in enumerate(clauses) if i not in dropped]
    if dropped and not kept:
        raise Unclear()  # 本科是买的: the level held is not said
    return "，".join(kept)


_UPGRADED = re.compile(r"(?<![专])升(?:了|到|上)?(?:本科|本)(?!科)")


def parse_education(text: str, today: date | None = None) -> str | Ambiguous:
    screen(text)
    if is_none(text):
        return "none"
    # 后来升本了, 升了本科: the upgrade said without 专 (大专 said before it, or not)
    said = _UPGRADED.sub("专升本", _genuine(normalise(text)))
    read = _read_level(said)
    if (
        isinstance(read, str)
        and read != "none"
        and contains(said, vocabulary("education")["unverified"])
    ):
        return Ambiguous((read, "none"), "confirm-which")  # 大专，但学信网查不到
    return read


def _without_courses(said: str) -> str:
    """研究生课程进修班, 研修班: a course is no level, nor the level word naming it."""
    courses = "|".join(map(re.escape, vocabulary("education")["courses"]))
    return re.sub(rf"[^,，;；。]*?(?:{courses})", " ", said)


def _read_level(said: str) -> str | Ambiguous:
    below = _below_said(said) or _degree_only(said)
    if below is not None:
        return below
    levels = [lv for lv in map(_clause_level, _groups(_without_courses(said))) if lv is not None]
    finished = [lv for lv in levels if lv != "vague"]
    if not finished:
        if levels:
            return VAGUE
        if _without_degree(said):
            return "bachelor"  # 只有毕业证: only a bachelor tells the two certificates apart
        raise Unclear()  # 自考 alone, 读了三年退学了: of which level?
    best = max(finished, key=ORDER.index)
    if best == "none" and _unfinished_bachelor_only(said):
        return Ambiguous(("none", "college"), "confirm-which")  # 本科在读: after 高中 or 大专?
    without_diploma = _without_diploma(best, said)
    if without_diploma is not None:
        return without_diploma
    if best == "bachelor":
        return _with_degree(said)
    if best in ("master", "doctor"):
        return _graduate(best, said)
    return best
