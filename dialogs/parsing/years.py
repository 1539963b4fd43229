"""Full years of a bonus item (married to a Shanghai hukou, in sanitation, in Lingang): 3年,
三年多 -> 3, 将近五年 -> 4, 2018年5月结婚 -> the full years since; none when the item is not
held."""

from __future__ import annotations

import re
from datetime import date

from dialogs.parsing.amounts import Range, decide, pairs_to_ranges, vague
from dialogs.parsing.dates import full_years_since
from dialogs.parsing.durations import checked_months, read_months
from dialogs.parsing.text import Ambiguous, Unclear, normalise
from dialogs.parsing.vocabulary import contains, vocabulary
from dialogs.parsing.words import is_none, screen

__all__ = ["parse_years"]


def _hukou_lately(said: str) -> bool:
    """老婆去年才落户, 户口前年才迁过来: a spouse's Shanghai hukou got lately, in one clause
    (data/hedges.yaml hukou_lately), so maybe newer than the marriage."""
    data = vocabulary("hedges")["hukou_lately"]
    return any(
        re.search(data["got"], clause) and re.search(data["when"], clause)
        for clause in re.split(r"[,，;；。]", said)
    )


def _item_not_held(said: str) -> bool:
    """没结婚, 离婚了, 老婆不是上海户口, 不在临港, 不是环卫的, I don't work there: the item
    the years are asked of is not held (data/hedges.yaml not_held), so none of its years."""
    data = vocabulary("hedges")["not_held"]
    return contains(said, data["words"]) or re.search(data["pattern"], said) is not None


_REMARRIED = re.compile(r"复婚|再婚|remarried|remarry|married again")


def _remarried(said: str, today: date) -> int | Ambiguous | None:
    """复婚的，2010年第一次结婚，2022年3月复婚: married to the same spouse twice; the years of
    each marriage said score differently, so which counts is asked. None: no remarriage told
    with more than one marriage's years."""
    if not _REMARRIED.search(said):
        return None
    readings: set[int] = set()
    read = 0
    for clause in re.split(r"[,，;；。]", said):
        if re.search(r"\d", pairs_to_ranges(clause)):
            try:
                found = parse_years(_REMARRIED.sub(" ", clause), today)
            except ValueError:
                continue
            read += 1
            readings.update(found.options if isinstance(found, Ambiguous) else (found,))
    if read >= 2 and len(readings) >= 2:
        return Ambiguous(tuple(sorted(readings)), "confirm-which")
    if len(set(re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", said))) >= 2:
        raise Unclear()  # two marriages' years, one of them not read: asked again
    return None


def parse_years(text: str, today: date) -> int | Ambiguous:
    """Full years (married, in sanitation, in Lingang): 3年, 三年多 -> 3, 将近五年 -> 4;
    2018年5月结婚 -> the full years since."""
    screen(text)
    said, ranged = normalise(text), pairs_to_ranges(text)
    remarried = _remarried(said, today)
    if remarried is not None:
        return remarried
    if _hukou_lately(said):
        raise Unclear()  # 老婆去年才落户，结婚8年了: the years since the hukou, or married?
    if (whole := full_years_since(text, today)) is not None:
        return whole  # 2021年11月30号领的证: by the day
    started = contains(said, vocabulary("hedges")["just_started"])
    unheld = _item_not_held(said)
    if is_none(text) or ((started or unheld) and not re.search(r"\d", ranged)):
        return 0
    span = read_months(text, today)
    if span is None:
        bare = re.fullmatch(r"(?:有|已经)?\s*(\d+)\s*(?:了)?", ranged)
        if not bare:
            raise Unclear()
        span = Range(int(bare[1]) * 12, int(bare[1]) * 12, int(bare[1]) * 12, "exact")
    if vague(ranged):
        raise Unclear()
    for bound in (span.low, span.high):
        checked_months(bound)
    months = decide(span, 12, "confirm-full-years")
    if isinstance(months, Ambiguous):
        return Ambiguous(tuple(m // 12 for m in months.options), months.key, months.values)
    return _where_in_the_area(said, months // 12)


def _where_in_the_area(said: str, years: int) -> int | Ambiguous:
    """在临港住了6年，上班在市区 -> 0 (working elsewhere: not the item); 公司在临港，我住市区，
    干了6年 -> 0 or 6, asked (living elsewhere may not count); the years otherwise."""
    data = vocabulary("hedges")["remote_area"]
    if not contains(said, data["named"]):
        return years
    if re.search(data["works_elsewhere"], said) and not re.search(data["works_there"], said):
        return 0
    if years and re.search(data["lives_elsewhere"], said):
        return Ambiguous((years, 0), "confirm-remote-area")
    return years
