"""Picking from a list: the bonus items (by number, ordinal or words), awards, and ordinals at
any list (选第三个, 最后一个). Counts are read in counts.py."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from dialogs.parsing.item_numbers import by_number, numbers_only
from dialogs.parsing.picks_taken_back import taken_back
from dialogs.parsing.text import (
    CLAUSE_BREAK,
    Ambiguous,
    Unclear,
    clause_at,
    digits,
    normalise,
    words,
)
from dialogs.parsing.vocabulary import Match, Scanner, built, contains, placed, vocabulary
from dialogs.parsing.words import is_none, screen

__all__ = ["BONUS_ITEMS", "ordinal", "parse_award", "parse_bonus"]

BONUS_ITEMS: tuple[str, ...] = tuple(vocabulary("choices")["bonus_items"])
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
        rest = said.replace("了", "")
        after = CLAUSE_BREAK.split(rest[match.end :])[0]
        before = rest[: match.start].rstrip()
        denied = before.endswith(negators) or re.search(data["negated_before"], before)
        if kind == "not" or item in unsaid or denied or _DENIED.match(after):
            continue
        if item != "spouse_hukou" and built(_someone_elses).match(rest[match.end :]):
            continue  # 在临港上班的是他不是我: the item is another's (a spouse's hukou is the item)
        picked.add(item)
    for item, void in data["void_when"].items():
        pattern = placed(data["void_patterns"].get(item, "(?!)"))
        if item in picked and (contains(said, void) or re.search(pattern, said)):
            picked.discard(item)  # 学的是紧缺专业，但现在不做这行了; 户口还在老家
    return picked, named


def _someone_elses() -> re.Pattern[str]:
    """在临港上班的是他不是我, 获奖的是我老婆，不是我, 临港上班的不是我, in Lingang, not me: what
    the item names is said of someone else (data/words.yaml others.people, 他, 她), or denied of
    the applicant, in its clause or the next."""
    people = sorted(map(str, vocabulary("words")["others"]["people"]), key=len, reverse=True)
    others = "|".join(map(re.escape, [*people, "他", "她", "别人", "人家"]))
    return re.compile(
        rf"[^,，;；。]*?的(?:是|都是)(?:我的?|我家的?)?(?:{others})(?![们])"
        r"|[^,，;；。]*?(?:[,，]\s*)?(?:而)?(?:并)?不是我(?![们])|[^,，;；。]*?[,，]?\s*not me\b"
    )


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


def _held_before(picked: set[str], named: list[Match], said: str) -> Ambiguous | None:
    """之前做过环卫，现在不做了: an item named in a clause about the past, said to be over now,
    may or may not count: asked (one item), or the whole answer asked again (several)."""
    rule = vocabulary("choices")["held_before"]
    over = {
        m.meaning[1]
        for m in named
        if m.meaning[1] in picked
        and re.match(rule["past"], clause_at(said, m.start).strip())
        and re.search(rule["over_now"], said[m.end :])
    }
    if not over:
        return None
    if picked != over:
        raise Unclear()
    return Ambiguous(((*over,), ()), "confirm-which")


# Words that make a clause more than a reason given: a denial, a doubt, another number.
_NOT_A_REASON = re.compile(r"不|没|非|无|未|\bno\b|\bnot\b|n't|\d")


def _numbers_with_reasons(said: str, items: tuple[str, ...]) -> tuple[str, ...]:
    """第一项，我是学人工智能的，目录里有，也在做AI: item numbers in the first clause, and clauses
    after it that name no item and only say why (nothing denied, doubted or numbered)."""
    first, *reasons = [c for c in CLAUSE_BREAK.split(said) if c.strip()] or [""]
    numbered = numbers_only(first, len(items))
    hedges = vocabulary("choices")["hedged"]
    if numbered is None or any(
        _NOT_A_REASON.search(digits(c)) or contains(c, hedges) for c in reasons
    ):
        raise Unclear()
    return tuple(items[i - 1] for i in sorted(by_number(numbered, len(items))))


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
    # 今年7月全日制硕士毕业: graduating this year, with what is said between kept
    said = re.sub(r"今年\s*(?:\d{1,2}\s*月份?)?([^,，;；。\d]{1,8}?)毕业", r"\1今年毕业", said)
    picked, named = _by_words(said)
    numbers = re.findall(data["number_beside_words"], digits(said)) if picked or named else []
    numbered = {items[n - 1] for n in by_number(" ".join(numbers), len(items))}  # 有7，还有…
    elsewhere = _works_elsewhere(said)
    if elsewhere and "remote_area" in picked:  # 公司在临港但我平时在市区办公: which counts?
        if picked != {"remote_area"}:
            raise Unclear()
        return Ambiguous((("remote_area",), ()), "confirm-remote-area")
    if not picked and not named and not elsewhere:
        return _numbers_with_reasons(said, items)
    unsure = (
        _unsure(picked, said) or _hedged(picked, named, said) or _held_before(picked, named, said)
    )
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
    if re.search(data["award_elsewhere"], said):
        return "none"  # 来上海之前在老家评的省级先进: not received while working in Shanghai
    named = [str(award) for award, phrases in data["awards"].items() if contains(said, phrases)]
    national_issuer = re.search(data["award_issuer_national"], said)
    if not named and national_issuer and not re.search(data["award_issuer_company"], said):
        named = ["national"]  # 部里发的，交通运输部
    if not named and contains(said, data["awards_city_or_provincial"]):
        return Ambiguous(("national", "city_comprehensive"), "confirm-which")  # 上海市劳模
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
