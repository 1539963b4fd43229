"""Picking from a list: the bonus items (by number, ordinal or words), awards, small counts,
and ordinals at any list (选第三个, 最后一个)."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from dialogs.parsing.amounts import (
    Range,
    decide,
    each_year,
    exact_number,
    hedge,
    over_round,
    pairs_to_ranges,
    share,
    vague,
    yearly_average,
)
from dialogs.parsing.item_numbers import by_number, numbers_only
from dialogs.parsing.occurrences import against, dated, undated
from dialogs.parsing.picks_taken_back import taken_back
from dialogs.parsing.text import (
    CLAUSE,
    CLAUSE_BREAK,
    Ambiguous,
    Unclear,
    clause_at,
    digits,
    normalise,
    words,
)
from dialogs.parsing.vocabulary import Match, Scanner, contains, vocabulary
from dialogs.parsing.words import is_none, screen

__all__ = ["BONUS_ITEMS", "ordinal", "parse_award", "parse_bonus", "parse_count", "parse_hires"]

BONUS_ITEMS: tuple[str, ...] = tuple(vocabulary("choices")["bonus_items"])
MAX_COUNT = 60
_DENIED = re.compile(r"\s*(?:也|都|并|还)?(?:不是|没有|不算|不|没)")
MAX_ORDINAL = 20  # 倒数第二个, the last one: a pick is short


def ordinal(text: str, size: int) -> int | None:
    """The 1-based position 选第三个 / 最后一个 / 倒数第二 / 中间那个 / 3 names in a list of
    `size`, or None."""
    if len(text) > MAX_ORDINAL:
        return None
    said = re.sub(r"^(?:我)?(?:选择|选|要|就)", "", words(normalise(text)))  # 选中间的
    data = vocabulary("choices")
    if said in {str(w).replace(" ", "") for w in data["last"]}:
        return size
    if said in {str(w).replace(" ", "") for w in data["second_last"]}:
        return size - 1
    if said in {str(w).replace(" ", "") for w in data["middle"]} and size % 2:
        return size // 2 + 1
    plain = words(digits(text))
    for pattern in data["ordinal_patterns"]:
        found = re.fullmatch(pattern, plain)
        if found:
            return int(found[1])
    return None


@cache
def _bonus_words() -> Scanner:
    data = vocabulary("choices")
    phrases = {str(w): ("item", item) for item, ws in data["bonus_items"].items() for w in ws}
    phrases |= {str(w): ("not", item) for item, ws in data["not_items"].items() for w in ws}
    return Scanner(phrases)


def _none_of_them(said: str) -> bool:
    """都不符合; none, I don't qualify for any of them: every clause says none."""
    data = vocabulary("choices")
    phrases = {words(str(w)) for w in data["none_of_them"]}
    clauses = [c for c in CLAUSE_BREAK.split(said) if words(c)]
    return is_none(said) or (
        bool(clauses)
        and all(
            is_none(c) or words(c) in phrases or re.match(data["none_pattern"], words(c))
            for c in clauses
        )
    )


def _by_words(said: str) -> tuple[set[str], list[Match]]:
    """Items named and not denied (不是应届, 配偶也不是上海的, 前妻是上海户口, 公司评的优秀员工)."""
    data = vocabulary("choices")
    negators = tuple(str(n) for n in data["negators"])
    named = _bonus_words().scan(said.replace("了", ""))  # 开了公司 is 开公司
    unsaid = {item for kind, item in (m.meaning for m in named) if kind == "not"}
    picked: set[str] = set()
    for match in named:
        kind, item = match.meaning
        after = CLAUSE_BREAK.split(said.replace("了", "")[match.end :])[0]
        before = said.replace("了", "")[: match.start].rstrip()
        denied = before.endswith(negators) or re.search(data["negated_before"], before)
        if kind == "not" or item in unsaid or denied or _DENIED.match(after):
            continue
        picked.add(item)
    for item, void in data["void_when"].items():
        pattern = data["void_patterns"].get(item)
        if item in picked and (contains(said, void) or (pattern and re.search(pattern, said))):
            picked.discard(item)  # 学的是紧缺专业，但现在不做这行了; 户口还在老家
    return picked, named


def _works_elsewhere(said: str) -> bool:
    """我在浦东金桥上班, 平时在市区办公: a workplace outside the remote area is said."""
    data = vocabulary("choices")["works_elsewhere"]
    places = "|".join(map(re.escape, data["places"]))
    verbs = "|".join(map(re.escape, data["verbs"]))
    return re.search(rf"(?:{places})[^,，;；。]{{0,4}}?(?:{verbs})", said) is not None


def _unsure(picked: set[str], said: str) -> Ambiguous | None:
    """老公是上海本地人: the hukou is not said; 我有老婆: not even Shanghai is (配偶 alone picks
    the item as listed); 户口前年迁走了: where it is now is not said; 公司注册在临港: where one
    works is not said; 我开了个公司: investment or entrepreneur talent (the rule's `instead`),
    neither said; 在环卫公司做行政, 公司在临港附近: a word of the rule's `doubt`, whatever else."""
    for item, rule in vocabulary("choices")["unsure_items"].items():
        if rule.get("alone") and picked != {item}:
            continue  # beside other items the answer is read as said
        moved = "moved" in rule and re.search(rule["moved"], said) is not None
        doubtful = moved or contains(said, rule.get("doubt", []))
        doubtful = doubtful or (contains(said, rule["when"]) and not contains(said, rule["unless"]))
        named_only = words(said) in {str(w) for w in vocabulary("choices")["bonus_items"][item]}
        needs = rule.get("needs")
        unplaced = bool(needs) and not (named_only or contains(said, needs))
        if item in picked and (doubtful or unplaced):
            if picked != {item}:
                raise Unclear()  # asked again: several items, one of them in doubt
            instead = (str(rule["instead"]),) if "instead" in rule else ()
            return Ambiguous(((item,), instead), str(rule["key"]))
    return None


def _hedged(picked: set[str], named: list[Match], said: str) -> Ambiguous | None:
    """专业好像在紧缺目录里, 紧缺专业吧 (吧 right after the one item named): an item said with
    a hedge in its clause may or may not hold: asked (one item), or the whole answer asked
    again (several)."""
    hedges = vocabulary("choices")["hedged"]
    doubtful = {
        m.meaning[1]
        for m in named
        if m.meaning[1] in picked
        and (
            contains(clause_at(said, m.start), hedges)
            or (len(picked) == 1 and said[m.end :].lstrip().startswith("吧"))
        )
    }
    if not doubtful:
        return None
    if picked != doubtful or len(doubtful) > 1:
        raise Unclear()
    return Ambiguous(((*doubtful,), ()), "confirm-which")


def parse_bonus(
    text: str, today: date | None = None, items: tuple[str, ...] = BONUS_ITEMS
) -> tuple[str, ...] | Ambiguous:
    """Item numbers ("1 3", "1、3", "13", 第一和第三个) in `items`, the list shown (the items
    earlier answers leave possible), or words naming any item; 都不符合 -> ();
    除了第7个都没有 -> the 7th."""
    screen(text)
    said = normalise(text)
    if _none_of_them(said):
        return ()
    data = vocabulary("choices")
    only = re.match(data["only_pattern"], words(said))
    if only:
        return parse_bonus(only[1], today, items)
    if (position := ordinal(text, len(items))) is not None and 1 <= position <= len(items):
        return (items[position - 1],)  # 最后一个: the last item listed
    if (but := re.match(data["all_but_pattern"], said)) is not None:
        left_out = parse_bonus(but[1] or but[2], today, items)
        if not isinstance(left_out, Ambiguous):  # 除了第一个都有: every other item listed
            return tuple(item for item in items if item not in left_out)
    if (back := taken_back(text, lambda clause: bool(_by_words(clause)[0]))) is not None:
        return tuple(items[i - 1] for i in sorted(by_number(back[0], len(items)) - back[1]))
    if (numbers_said := numbers_only(text, len(items))) is not None:
        return tuple(items[i - 1] for i in sorted(by_number(numbers_said, len(items))))
    if today is not None:  # 2026届 (the class graduating this year) is 应届
        said = re.sub(rf"(?<!\d){today.year}\s*届", "应届", said)
    picked, named = _by_words(said)
    numbers = re.findall(data["number_beside_words"], digits(said)) if picked or named else []
    numbered = {items[n - 1] for n in by_number(" ".join(numbers), len(items))}  # 有7，还有…
    elsewhere = _works_elsewhere(said)
    if elsewhere and "remote_area" in picked:  # 公司在临港但我平时在市区办公: which counts?
        if picked != {"remote_area"}:
            raise Unclear()
        return Ambiguous((("remote_area",), ()), "confirm-remote-area")
    if not picked and not named and not elsewhere:
        raise Unclear()
    unsure = _unsure(picked, said) or _hedged(picked, named, said)
    if unsure is not None and numbered - picked:
        raise Unclear()  # 有7，老公是上海人: an item picked by its number, another in doubt
    if unsure is not None:
        return unsure
    # all denied: none of them
    return tuple(item for item in BONUS_ITEMS if item in picked | numbered)


def _affirmed(said: str, negators: list[str]) -> str:
    """The clauses that do not deny (不是省部级，是市级综合 -> 是市级综合); none when every
    clause denies (不是省部级: the award denied is not the one held)."""
    clauses = CLAUSE_BREAK.split(said)
    starts = tuple(str(n) for n in negators)
    return "，".join(c for c in clauses if not c.strip().startswith(starts))


def parse_award(text: str, today: date | None = None) -> str | Ambiguous:
    screen(text)
    if is_none(text):
        return "none"
    data = vocabulary("choices")
    said = _affirmed(normalise(text), data["negators"])
    named = [str(award) for award, phrases in data["awards"].items() if contains(said, phrases)]
    national_issuer = re.search(data["award_issuer_national"], said)
    if not named and national_issuer and not re.search(data["award_issuer_company"], said):
        named = ["national"]  # 部里发的，交通运输部
    if ("市级" in said or "市里" in said) and not {"city_comprehensive", "city_specific"} & {
        *named
    }:
        named += ["city_comprehensive", "city_specific"]  # 市级: which kind of city award?
    if len(named) == 1:
        return named[0]
    if named and re.search(data["awards_all_held"], said):
        return named[0]  # 市级综合和全国劳模都有: the highest (data order) is the one that counts
    if named:  # 省级还是市级的，我分不清: every award said is asked about, none is picked
        return Ambiguous(tuple(named), "confirm-which")
    if contains(said, data["not_items"]["award"]):
        return "none"  # 区级的, 公司评的优秀员工: no award of the city's list
    raise Unclear()


_UNIT = re.compile(r"^\s*(?:个|人|名|位|次|回|遍|趟|times?|people|persons?)")


def _count_span(said: str, step: int) -> Range:
    """The range of a count said: 2次 -> [2, 2], 二十个左右 -> [18, 22], 十几个 -> [11, 19].
    An age said (35岁, 我25岁那年) is no count: it answers another question."""
    said = _AGE.sub(" ", said)
    if vague(said):
        raise Unclear()
    found = re.search(r"(\d+)(?:~(\d+))?", said)
    if not found:
        raise Unclear()
    count = int(found[1])
    if count > MAX_COUNT * step:
        raise Unclear("error-count-range", value=count)
    if found[2]:
        return Range(count, int(found[2]), count, "pair")
    kind = hedge(said[: found.start()], _UNIT.sub("", said[found.end() :]))
    wide = step if count % 10 == 0 and count >= 10 else 1
    spans = {
        "around": (count - max(1, count // 10), count + max(1, count // 10)),
        "below": (max(count - wide, 0), count - 1),
        "above": (count + 1, count + max(over_round(count), 2) - 1),
        "open": (count, count + max(wide, 2) * 2),
    }
    low, high = spans.get(kind, (count, count))
    return Range(low, high, count if kind in ("exact", "around") else low, kind)


_YEARS_SAID = re.compile(r"(?<![\d.])\d+\s*(?:个)?\s*(?:年|years?)")
# 拘留了10天, 判了三年: how long, not how many times.
_LENGTH = re.compile(
    r"(?<![\d.~])\d+(?:~\d+)?\s*(?:个)?\s*(?:天|日|周|星期|个?月|年(?!\s*(?:以|之)?前))"
)
_AGE = re.compile(  # 35岁, 35虚岁, 虚岁35, 35 years old
    r"(?:[周虚实]岁\s*)\d+|(?<![\d.~])\d+(?:~\d+)?\s*(?:[周虚实]?岁|years?[\s-]*old|yrs?[\s-]*old)",
    re.I,
)
_TIMES = re.compile(r"(?<![\d.~])(\d+)\s*(?:次|回|个(?!月)|times?\b)")


def _dated_count(said: str, today: date, window_years: int) -> int | Ambiguous | None:
    """去年一次，前年一次; 两次，一次是2019年，一次是去年; 有过一次，2023年的: with a date for
    each occurrence (a clause's count, else one per date), only those inside the window count,
    those on its edge are asked; None when no date is said or the dates leave some of the
    occurrences counted in other clauses undated."""
    occurrences: list[tuple[str, int]] = []
    undated_times = 0
    for clause in CLAUSE.findall(said):
        dates = dated(clause, today)
        rest = _LENGTH.sub(" ", undated(clause, today))
        if re.search(r"\d~\d+\s*(?:次|回|个)", rest):
            return None  # 去年两三次: how many is asked again
        times = [int(n) for n in _TIMES.findall(rest)]
        if not dates:
            undated_times += sum(times)
        elif len(dates) == 1 and not times and undated_times and re.search(r"都|全|all|both", rest):
            occurrences.append((against(dates[0], window_years), undated_times))  # 三次，都是今年
            undated_times = 0
        elif len(dates) == 1:
            occurrences.append((against(dates[0], window_years), times[0] if times else 1))
        else:  # 2019年和2024年各一次
            occurrences += [(against(when, window_years), 1) for when in dates]
    counted = sum(n for _, n in occurrences)
    if not occurrences or (undated_times and undated_times != counted):
        return None
    inside = sum(n for where, n in occurrences if where == "inside")
    edge = sum(n for where, n in occurrences if where == "edge")
    return Ambiguous((inside + edge, inside), "confirm-which") if edge else inside


def parse_count(
    text: str, today: date | None = None, window_years: int | None = None
) -> int | Ambiguous:
    """A small whole number: 2次, 两次, 没有 -> 0; 两三次 -> asked. With a window (the years a
    deduction counts), an occurrence said to be older (有过一次，不过是六年前的) is not counted."""
    screen(text)
    bare = words(normalise(text))
    if is_none(text) or re.fullmatch(r"(?:没有|没|无|零|0)\s*(?:次|个|人|回)?", bare):
        return 0
    if re.match(r"(?:从来)?(?:没有|没|无|从没|未)", bare) and not re.search(r"\d", digits(text)):
        return 0  # 没犯过罪, 没被拘留过
    said = pairs_to_ranges(text)
    if window_years is not None and today is not None and dated(said, today):
        found = _dated_count(said, today, window_years)
        if found is None:
            raise Unclear()  # 三次，其中一次是六年前: which of them are inside the window?
        return found
    span = _count_span(_LENGTH.sub(" ", said), 1)
    return decide(span, 1, "confirm-which")


def parse_hires(text: str, today: date | None = None) -> float | Ambiguous:
    """Shanghai-hukou employees, by personal share (30个，我占股一半 -> 15); points count tens,
    so 二十个左右 is asked and 十几个 is not."""
    screen(text)
    bare = words(normalise(text))
    if is_none(text) or (re.match(r"(?:没有|没|无)", bare) and not re.search(r"\d", digits(text))):
        return 0  # 没有上海户籍员工
    if re.search(vocabulary("choices")["hires_none_local"], bare):
        return 0  # 雇了30个人，但都是外地户口的
    fraction, said = share(pairs_to_ranges(text))
    begun = re.search(vocabulary("choices")["hires_begun"], bare)
    if begun and begun["year"] == "去年":
        raise Unclear()  # 去年才开始招: how many each year?
    fraction /= 3 if begun else 1  # 今年才开始招，招了12个: 12 over three years
    local = re.search(vocabulary("choices")["hires_local_part"], said.lower())
    if local:  # 招了40人，其中上海户口12个: the Shanghai-hukou ones are the count
        said = f"{local['n'] or local['m'] or local['e']}个"
    listed = each_year(share(digits(text))[1])
    if listed is not None:  # 前年20个，去年30个，今年40个: the yearly average
        return yearly_average(listed, lambda part: float(exact_number(part)[0]) * fraction)
    span = _count_span(_YEARS_SAID.sub("", said), 10)  # 三年平均15人: the years are no count
    low, high = int(span.low * fraction), int(span.high * fraction)
    return decide(Range(low, high, int(span.said * fraction), span.kind), 10, "confirm-which")
