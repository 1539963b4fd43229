"""Age: full years (周岁) today, or a birth date.

虚岁 (nominal age) is one or two more than the full age: two readings, so asked. A birth year
alone (八七年的) or a birth month that is this month leaves two possible ages: the later one is
taken only when both give the same points, otherwise the user picks.
"""

from __future__ import annotations

import re
from datetime import date

from dialogs.parsing.age_points import ELIGIBLE, MAX_AGE, MIN_AGE, age_on, checked, of_ages, one_of
from dialogs.parsing.amounts import pairs_to_ranges
from dialogs.parsing.births import born_around, born_in, born_in_years, full_year, lunar
from dialogs.parsing.text import Ambiguous, Unclear, digits, normalise, number
from dialogs.parsing.vocabulary import vocabulary
from dialogs.parsing.words import screen

__all__ = ["MAX_AGE", "MIN_AGE", "age_on", "parse_age"]


_FULL_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
# 90.5.12, 90年5月12日: a two-digit year first; 03/12/1988: day and month in either order.
_SHORT_DATE = re.compile(
    r"(?<![\d.])(\d{2})\s*([-/.年])\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?![\d.])"
)
_YEAR_LAST = re.compile(r"(?<![\d.])(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?![\d.])")
_SHORT_YEAR_MONTH = re.compile(r"^(\d\d)\.(\d{1,2})$")  # 85.12: December 1985
_YEAR_MONTH = re.compile(
    r"(?<![\d.])((?:19|20)?\d\d)\s*(?:年|[-/.])\s*(\d{1,2})(?![\d.])\s*(?:月|份)?"
)
_BIRTH_YEAR = re.compile(
    r"(?<![\d.])((?:19|20)\d\d|\d\d)\s*(?:年)\s*(?:的|出生|生|生人|出生的|生的|人)?"
    r"|(?:born(?: in)?|birth year)\s*((?:19|20)\d\d)"
    r"|^((?:19|20)\d\d)$"
)
_NOMINAL = re.compile(r"虚岁|虚|nominal|xu ?sui")
# 下个月满40: one less now. 快50了 alone may be one or two less: asked where that matters.
_NEXT = re.compile(
    r"下个月|下月|下周|下星期|下礼拜|明天|后天|过几天|过两天|月底|年底|明年"
    r"|next month|next week|tomorrow|turning|i'll be|i will be|will be|\bi turn\b"
)
_SOON = re.compile(r"马上|快|就要|即将|过[了完]?年就|年后就|soon|almost")  # 过了年就50: 虚岁 too
_FULL_AGE = re.compile(r"(?:周岁|实岁|实际|zhou ?sui)\s*(\d+)|(\d+)\s*(?:周岁|实岁|zhou ?sui)")
# 1995年的，生日在12月: the birth month said in a clause of its own
_BIRTH_MONTH = re.compile(
    r"生日\s*(?:在|是)?\s*(\d{1,2})\s*月|(\d{1,2})\s*月(?:份)?的?(?:生日|生的|出生)"
)
# 53岁 社保交了10年: a length of time (交了, 干了), not a birth year beside an age in years
_LENGTH_OF_TIME = re.compile(r"(?:了|满|过|有)\s*\d\d\s*年(?!生|出生|的)")
_BIRTHDAY_TO_COME = re.compile(r"(?:还)?没(?:有)?过(?:生日)?|生日还没(?:到|过)")
_MONTHS_TO_GO = re.compile(
    r"(?:还有?|还差|差|再过|过)(?:\d+个?(?:月|天|周|星期)|半年|半个月)(?:就)?(?:要)?满?"
)
# What may stand around an age: 我今年35岁了, 周岁42, 下个月满40, I'm 35 years old.
_AGE_WORDS = re.compile(
    r"满打满算|本人|我|那|今年|已经|现在|目前|刚刚|刚好|刚|满|周岁|实岁|岁|了|整|的|是|有|快|就|要|马上|即将|下个月|下月|下周"
    r"|下星期|下礼拜|明年|年底|过几天|过了年|过完年|年后|生日|过完|过|完|还|昨天|前天|前几天|上周|俺|咱"
    r"|上个月|今天|明天|后天|过两天|月底|反正|正好|刚好|整整"
    r"|yesterday|last week|last month|tomorrow|this year|next week"
    r"|i'll be|i will be|i'll|i will|i am|i'm|im|aged|age|turning|just turned|turned|next month"
    r"|will be|still|到|\bi\b|\bturn\b|just had|had"
    r"|(?:in|on) (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|years?|old|yo"
    r"|y/o|yrs?|y|soon|almost|my|is|today|birthday|lol|haha|哈+|年龄|年纪|实际|周|啦|呀|哦|吧|呢|一点"
    r"|嗯|阿拉|侬|女|男|female|male|[\s,，。!！?？:：()（）~]|\.$"  # 阿拉 (Shanghainese): I
    r"|\b(?:a+h+|u+m+|u+h+|h+m+|e+r+m*|well|oh+)\b|zhou ?sui|shi ?sui"  # ahh 41; 周岁 in pinyin
    # how one calls oneself (本宝宝, 老阿姨了, 老娘), dialect particles (咧, 嘞), a teasing 猜猜看,
    # and 32s (s for 岁)
    r"|本宝宝|宝宝|老阿姨|阿姨|大叔|老娘|本姑娘|咧|嘞|哒|猜猜看|猜猜|你猜|(?<=\d)s\b"
)
# 奔四了 (heading for 40): no age of its own beside the age said (奔四了，39).
_HEADING_FOR = re.compile(r"奔[2-6](?!\d)")
_VAGUE = re.compile(r"(?<!\d好)几")  # 三十好几 is a hedge (34 to 39), 三十几 too vague
_SAID_TWICE = re.compile(r"^([\d一二两三四五六七八九十]+)\s*岁?[\s,，]+(?=\1\s*岁?\s*$)")
# late 20s, early thirties, mid-40s: the years of a decade each part leaves.
_DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50}
_DECADE_PARTS = {"early": (0, 3), "mid": (3, 6), "late": (7, 9), "": (0, 9)}
_DECADE = re.compile(
    r"\b(?:(?P<part>early|mid|late)[- ]?)?(?:(?P<tens>[2-5]0)'?s|(?P<word>twenties|thirties"
    r"|forties|fifties))\b"
)
_AGE_PAIR = re.compile(r"\D*?(\d{2})~(\d{2})\s*(?:岁|周岁)?\s*(?:吧|了|左右|啦)*")  # 三十五六岁
# Hedges around an age, and the ages each leaves: 四十出头 41-43, 三十多 31-39, 35左右 33-37,
# 不到四十 30-39 (the ten years below it).
_BELOW = r"不到|不满|未满|没满|没到|以下|under|below|less than|younger than"
_AROUND = r"左右|上下|大概|差不多|左近|about|around|(?<=\d)\s?-?\s?ish\b"
_HEDGES = (
    (re.compile(_BELOW), lambda n: (n - 10, n - 1)),
    # 四十出头 41-43; 四十出头吧, 大概四十出头: a hedge on the hedge reaches 44
    (
        re.compile(r"^(?=.*(?:吧|大概|大约|可能|估计|应该|maybe|probably)).*(?:出头|just over)"),
        lambda n: (n + 1, n + 4),
    ),
    (re.compile(r"出头|just over"), lambda n: (n + 1, n + 3)),
    # 三十好几: more than a few years over thirty, 34 to 39 (33 is rather 三十出头)
    (re.compile(r"好几"), lambda n: (n + 4, n + 9)),
    (re.compile(r"多|over|plus"), lambda n: (n + 1, n + 9) if n % 10 == 0 else (n, n + 1)),
    # 四十来岁: about forty, a little under or (more often) a few years over it
    (re.compile(r"来"), lambda n: (n - 2, n + 4) if n % 10 == 0 else (n - 2, n + 2)),
    # sixty-ish, 40ish: about the number, either side of it (not over it, as 六十多 is)
    (re.compile(_AROUND), lambda n: (n - 2, n + 2)),
)


def _day_or_month_first(found: re.Match[str], today: date) -> date | int | Ambiguous:
    """03/12/1988: 3 December or 12 March; one date when only one is a date."""
    year, first, second = int(found[3]), int(found[1]), int(found[2])
    readings = []
    for day, month in ((first, second), (second, first)):
        try:
            readings.append(date(year, month, day))
        except ValueError:
            continue
    if not readings:
        raise Unclear("error-date-invalid")
    if len(set(readings)) == 1:
        checked(age_on(readings[0], today))
        return readings[0]
    return of_ages({age_on(born, today) for born in readings}, key="confirm-which")


def _hedged(said: str) -> int | Ambiguous:
    """四十出头, 三十多: the range of ages; one value when they all give the same points."""
    if _VAGUE.search(said):
        raise Unclear()
    found = re.search(r"\d+", said)
    if not found:
        raise Unclear()
    said_age = int(found[0])
    for pattern, span in _HEDGES:
        if pattern.search(said):
            low, high = span(said_age)
            return of_ages(  # one value: the age said, else the nearest to it
                set(range(low, high + 1)),
                lambda a: min(a, key=lambda n: abs(n - said_age)),
                "confirm-which",
            )
    raise Unclear()


def _besides_nominal(said: str) -> re.Match[str] | None:
    """28岁，29虚岁 and 28，虚岁29: of two ages, the one farther from the word 虚岁 (before or
    after it) is the full age."""
    word = _NOMINAL.search(said)
    ages = list(re.finditer(r"\d+", said))
    if word is None or len({m[0] for m in ages}) != 2:
        return None

    def gap(age: re.Match[str]) -> int:
        return word.start() - age.end() if age.end() <= word.start() else age.start() - word.end()

    return max(ages, key=gap)


# 过完生日就36了: the age this year's birthday brings; 生日在12月: the month it comes in.
_AFTER_BIRTHDAY = re.compile(r"(?:过完|过了)生日就|生日(?:过完|过了|一过)就")
_BIRTH_MONTH = re.compile(r"生日(?:在|是)?\s*(\d{1,2})\s*月|(\d{1,2})\s*月(?:份)?(?:的)?生日")


def _after_birthday(said: str, today: date) -> int | Ambiguous | None:
    """今年过完生日就36了，生日在12月 -> 35: the birthday's month tells whether it has come
    this year (this month: either); no month said, either age, asked where they score apart;
    None when no age after the birthday is said."""
    found = _AFTER_BIRTHDAY.search(said)
    age = (
        re.match(
            r"\s*(?:满|是|要)?\s*(\d+)\s*(?:岁|周岁)?\s*了?\s*(?:[,，;；。]|$)", said[found.end() :]
        )
        if found
        else None
    )
    if age is None:
        return None
    turning = int(age[1])
    month = _BIRTH_MONTH.search(said)
    born = int(month[1] or month[2]) if month else today.month
    if not 1 <= born <= 12:
        raise Unclear()
    if born == today.month or month is None:
        return one_of(turning - 1, turning)
    return checked(turning - 1 if born > today.month else turning)


# 生日刚过没几天: when the birthday was, not a vague age; 三十有五: 35 (thirty and five)
_RECENTLY = re.compile(r"(?:才过|刚过)?(?:没|才|没过)(?:几天|多久)|几天前|(?:前|这)几天|不久前")
# 多大？三十一吧: the question said back before the answer
_ECHO = re.compile(r"^\s*(?:多大|几岁|年龄|年纪|岁数)(?:了|呢|啊)?\s*[?？]")
_AND_SOME = re.compile(r"(?<!\d)([1-9]0)有([1-9])(?!\d)")
# 奔三 alone: heading for thirty, a few years under it; 而立之年 and the like: the age named
_HEADING_ALONE = re.compile(r"^\D*奔([2-6])\D*$")


def _named_age(said: str) -> int | Ambiguous | None:
    """奔三(了) -> 26 to 29, 而立之年 -> 30 (data/words.yaml named_ages): one value where the
    ages score alike, else asked; None when no age is named so."""
    heading = _HEADING_ALONE.match(said)
    if heading:
        tens = int(heading[1]) * 10
        return of_ages(set(range(tens - 4, tens)), key="confirm-which")
    for word, age in vocabulary("words")["named_ages"].items():
        if str(word) in said and not re.search(r"\d", said):
            if re.search(rf"过{word}", said):
                raise Unclear()  # 年过不惑: some years past it, how many is not said
            return checked(int(age))
    return None


# 身份证年龄比实际大一岁, 实际年龄跟身份证上不一样: two ages said apart, which one is asked.
_ID_NOT_REAL = re.compile(
    r"身份证[^,，。]{0,6}(?:比|跟|和|与)(?:实际|真实)|(?:实际|真实)(?:年龄|岁数)?[^,，。]{0,4}(?:比|跟|和|与)身份证"
)


def parse_age(text: str, today: date) -> int | date | Ambiguous:
    """An age in full years, a birth date, or the two ages a birth year or month leaves."""
    screen(text)
    if _ID_NOT_REAL.search(normalise(text)):
        raise Unclear()
    text = _SAID_TWICE.sub("", normalise(text))  # 三十二 三十二岁: one age
    said = re.sub(r"(?<![\w'])'(\d\d)(?!\d)", r"\1年", digits(text))  # born in '87
    said = _RECENTLY.sub("", _AND_SOME.sub(lambda m: str(int(m[1]) + int(m[2])), said))
    said = _ECHO.sub("", said)
    named = _named_age(said)
    if named is not None:
        return named
    for word, year in vocabulary("dates")["named_years"].items():
        said = said.replace(str(word), f"{year}年")  # 千禧年出生的
    generation = born_in_years(said, today)
    if generation is not None:
        return generation
    pair = _AGE_PAIR.fullmatch(pairs_to_ranges(text))
    if pair:  # 三十五六岁: either age, asked where they score differently
        return of_ages(set(range(int(pair[1]), int(pair[2]) + 1)), key="confirm-which")
    decade = _DECADE.search(said)
    if decade:  # late 20s, in my early forties: either age of that part of the decade
        tens = int(decade["tens"]) if decade["tens"] else _DECADE_WORDS[decade["word"]]
        first, last = _DECADE_PARTS[decade["part"] or ""]
        exact = re.fullmatch(r"\D*?(\d{2})\D*", said[decade.end() :])
        if exact and tens + first <= int(exact[1]) <= tens + last:
            return checked(int(exact[1]))  # mid thirties, 35: the exact age it stands for
        return of_ages(set(range(tens + first, tens + last + 1)), key="confirm-which")
    full_age = _FULL_AGE.search(said)
    stated = full_age or _besides_nominal(said)
    if _NOMINAL.search(normalise(text)) and stated:
        said = stated[0]  # 周岁37，虚岁39; 28岁，29虚岁
    elif _NOMINAL.search(normalise(text)):
        found = re.search(r"\d+", said)
        if not found:
            raise Unclear()
        nominal = int(found[0])
        return Ambiguous((checked(nominal - 1), checked(nominal - 2)), "confirm-nominal-age")
    year_last = _YEAR_LAST.search(said)
    if year_last:
        return _day_or_month_first(year_last, today)
    short_date = _SHORT_DATE.search(said)
    if short_date and not _FULL_DATE.search(said):
        said = f"{full_year(short_date[1], today)}-{short_date[3]}-{short_date[4]}"
    full = _FULL_DATE.search(said)
    if full:
        try:
            born = date(int(full[1]), int(full[2]), int(full[3]))
        except ValueError:
            raise Unclear("error-date-invalid") from None
        checked(age_on(born, today))
        return born
    short = _SHORT_YEAR_MONTH.match(said.strip())
    # 85.12 cannot be an age, 35.5 can (and is refused as not whole)
    if short and not MIN_AGE <= int(short[1]) <= 65 and 1 <= int(short[2]) <= 12:
        said = f"{short[1]}年{short[2]}月"
    in_lunar = lunar(normalise(said), today)
    if in_lunar is not None:
        return in_lunar
    around = born_around(said, today)
    if around is not None:
        return around
    month = _YEAR_MONTH.search(said)
    if month and 1 <= int(month[2]) <= 12 and (len(month[1]) == 4 or "年" in month[0]):
        year, mon = full_year(month[1], today), int(month[2])
        age = today.year - year - (mon > today.month)
        if mon == today.month:
            return one_of(age - 1, age)
        return checked(age)
    compact = re.fullmatch(r"((?:19|20)\d\d)(\d\d)(\d\d)", said.strip())
    if compact:  # 19910214
        return parse_age("-".join(compact.groups()), today)
    birth = _BIRTH_YEAR.search(said)
    if birth and _LENGTH_OF_TIME.search(said) and re.search(r"\d\s*岁", said):
        birth = None
    if birth and (birth[2] or birth[3] or len(birth[1]) == 4 or re.search(r"年", birth[0])):
        token = birth[1] or birth[2] or birth[3]
        in_month = _BIRTH_MONTH.search(said)
        born_month = int(in_month[1] or in_month[2]) if in_month else 0
        if 1 <= born_month <= 12:
            return born_in([(full_year(token, today), born_month)], today)
        if len(token) == 2 and not re.search(r"年(?:的|出生|生|人|属)|年$", said):
            raise Unclear()
        age = today.year - full_year(token, today)
        if _BIRTHDAY_TO_COME.search(said):  # 1996年的，还没过生日
            return checked(age - 1)
        return one_of(age - 1, age)
    said = re.sub(
        r"岁(?:多|半)(?:1点|一点|点)?|(?<=岁)(?:零|又)?[\d一二两三四五六七八九十]+个月", "岁", said
    )  # 41岁半: 41 full years
    after = _after_birthday(said, today)
    if after is not None:
        return after
    # 侬猜猜看…35啦; 26岁 应届毕业: a blank between Chinese words breaks a clause too
    parts = re.split(
        r"[,，;；…]|\.{2,}|(?<=[^\W\d_a-z])\s+(?=[^\W\d_a-z])", _HEADING_FOR.sub("", said)
    )
    clauses = [_MONTHS_TO_GO.sub("满", part) for part in parts]
    numbered = [i for i, c in enumerate(clauses) if re.search(r"\d", c)]
    counted = clauses[numbered[0]] if numbered else said
    # 下个月生日，满29: the other clauses without a number still tell when; 还有两个月，满40:
    # so do their months to go, but not those of another age said (四十四，过两个月四十五 is 44)
    telling = [i for i in range(len(clauses)) if i not in numbered[1:]]
    to_go = [parts[i] for i in telling]
    context = " ".join([counted, *(c for i, c in enumerate(clauses) if i not in numbered)])
    # 下个月生日，满29 is one less now; 17岁，明年成年 is 17: another clause tells when only
    # when it speaks of the birthday or the age to be reached
    told = context if re.search(r"满|生日|turning|birthday", context) else counted
    coming = bool(_NEXT.search(told) or any(_MONTHS_TO_GO.search(p) for p in to_go))
    soon = bool(_SOON.search(told))
    said = counted
    if re.search(
        rf"\d+\s*(?:岁)?\s*(?:出头|多|来|以下)|{_AROUND}|over|几|(?:{_BELOW})\s*\d",
        said,
    ):
        return _hedged(said)
    plain = re.fullmatch(r"\d+(?:\.\d+)?", _AGE_WORDS.sub("", said))
    if plain is None:
        raise Unclear()
    value = number(plain[0])
    half_a_year_over = value - int(value) == 0.5 and ELIGIBLE[0] <= value <= ELIGIBLE[1]
    if value != int(value) and not half_a_year_over:
        raise Unclear("error-age-whole")  # 38.5 is 38 full years; 38.2, 14.5 asked again
    age = int(value)
    if age > ELIGIBLE[1] + 5 and re.fullmatch(r"\s*\d\d\s*", text):
        # 89 alone, past working age: the age, or the year of birth (1989) said short
        return Ambiguous((age, checked(today.year - 1900 - age)), "confirm-which")
    if coming:  # 下个月满40, 还有两个月满40
        return checked(age - 1)
    if soon:  # 快50了
        return one_of(age - 2, age - 1)
    return checked(age)
