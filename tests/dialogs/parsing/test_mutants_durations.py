"""Durations as the points count them (dialogs/parsing/durations.py): full years from a bare
number, none, or a date; a two-digit year of this century up to this year and of the last
one after it; a start month counted from this month on, never a month 13 or a future one."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing import Ambiguous, Unclear, parse_months, parse_years

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("said", "years"),
    [
        ("3", 3),
        ("有4", 4),
        ("已经5了", 5),
        ("12", 12),
        ("没有", 0),
        ("刚结婚", 0),  # just started, no number: none yet
        ("刚结婚3年", 3),  # a number said after all
        ("2023年12月结婚", 2),
    ],
)
def test_full_years_from_a_bare_number_none_or_a_date(said: str, years: int) -> None:
    assert parse_years(said, TODAY) == years


def test_full_years_said_as_a_pair_are_asked_with_both_counts() -> None:
    asked = parse_years("三四年", TODAY)
    assert asked == Ambiguous((3, 4), "confirm-full-years")
    assert asked.values == {"fewer": 3, "more": 4}  # what the confirm question shows


@pytest.mark.parametrize(
    ("said", "months"),
    [
        ("26年3月开始交", 8),  # this year
        ("99年3月开始交", 332),  # the last century
        ("00年3月开始交", 320),
        ("2026年11月开始交", 0),  # this month: none paid in full yet
        ("17年9月到19年3月", 19),  # from one month to another (both paid), two-digit years
    ],
)
def test_months_from_a_start_month_until_today(said: str, months: int) -> None:
    assert parse_months(said, TODAY) == months


@pytest.mark.parametrize(
    ("said", "key"),
    [
        ("2019年13月开始交", "error-date-invalid"),
        ("2026年12月开始交", "error-date-future"),
    ],
)
def test_a_start_month_that_is_no_month_or_still_to_come_is_refused(said: str, key: str) -> None:
    with pytest.raises(Unclear) as refused:
        parse_months(said, TODAY)
    assert refused.value.key == key


def test_a_start_month_whose_own_month_may_be_paid_is_asked_where_the_years_differ() -> None:
    # December 2023 until November 2026: 35 months, or 36 if this month is paid already
    asked = parse_months("2023年12月开始交", TODAY)
    assert asked == Ambiguous((35, 36), "confirm-full-years")
    assert asked.values == {"fewer": 2, "more": 3}


@pytest.mark.parametrize(
    ("said", "months"),
    [
        ("外地交的，上海还没交", 0),
        ("在上海交了3年，在苏州交了2年", 36),  # only Shanghai's count
        ("一共交了5年，2年是补缴的", 36),  # back payments left out of the total
        ("两家公司，一家24个月一家18个月", 42),  # one employer each: they add up
        ("换了工作，先交了2年，跳槽后交了1年", 36),  # a change of job between them
    ],
)
def test_months_paid_elsewhere_or_with_two_employers(said: str, months: int) -> None:
    assert parse_months(said, TODAY) == months


def test_a_second_amount_after_one_employer_named_once_is_asked_again() -> None:
    # only the first amount is said to be one employer's: 2 years, then 1.5 years of what?
    with pytest.raises(ValueError):
        parse_months("这家公司交了2年，1年半", TODAY)


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("30", Ambiguous((360, 30), "confirm-months")),  # 30 years or 30 months?
        ("31", 31),  # more than 30: months
        ("600个月", 600),  # fifty years, the most
        ("五年来一直在交", 60),  # over the last five years: no hedge
        ("五年来差不多都在交", Ambiguous((54, 60), "confirm-full-years")),
    ],
)
def test_bare_numbers_the_longest_span_and_over_the_last_years(said: str, read: object) -> None:
    assert parse_months(said, TODAY) == read


def test_more_months_than_fifty_years_are_refused_naming_them() -> None:
    with pytest.raises(Unclear) as refused:
        parse_months("601个月", TODAY)
    assert (refused.value.key, refused.value.values) == ("error-months-range", {"value": 601})


@pytest.mark.parametrize(
    ("said", "read"),
    [
        # a hedge moves by the unit said last: a month after years and months, half a year
        # after a half, a year after whole years, ten months after a round number of months
        ("将近两年零三个月", 26),
        ("将近两年半", 27),
        ("将近三年", 33),
        ("三年多", 39),
        ("两年零三个月多", 28),
        ("三年左右", Ambiguous((30, 36), "confirm-full-years")),
        ("1年11个月左右", Ambiguous((22, 24), "confirm-full-years")),  # a month either side
        ("将近十年", 117),
        ("将近8个月", 6),
        ("将近10个月", 7),
        ("将近15个月", 13),
        ("20个月左右", 20),
        ("两三个月", 2),
        ("两个半月", 2),
        ("8个月多", 9),
        # the number or more: up to three years more
        ("21个月以上", Ambiguous((21, 24, 36, 48), "confirm-full-years")),
        # a second amount added to a hedged or paired first one
        ("将近两年，后来又交了半年", Ambiguous((18, 24), "confirm-full-years")),
        ("两三年，后来又交了半年", Ambiguous((30, 36, 48), "confirm-full-years")),
        ("三年多，后来又交了半年", Ambiguous((43, 48), "confirm-full-years")),
        ("十年以上，后来又交了半年", Ambiguous((126, 132, 144, 156), "confirm-full-years")),
    ],
)
def test_hedged_months_and_years_as_recorded(said: str, read: object) -> None:
    assert parse_months(said, TODAY) == read


def test_ten_and_more_years_are_eleven_to_nineteen() -> None:
    asked = parse_months("十多年", TODAY)
    assert asked == Ambiguous(tuple(range(132, 229, 12)), "confirm-full-years")
    assert asked.values == {"fewer": 11, "more": 19}


@pytest.mark.parametrize(
    "said", ["2018年1月开始交，2021年断了3个月", "2018年1月开始交，第二年断了3个月"]
)
def test_a_gap_is_the_length_said_after_its_word_not_the_year_before_it(said: str) -> None:
    """January 2018 until November 2026 is 106 months; the gap is the 3 months said after 断,
    not the year it was in (2021年, 第二年)."""
    assert parse_months(said, TODAY) == 103


def test_a_gap_said_before_its_word_is_taken_off() -> None:
    """中间有2个月没交 (two months unpaid in between) leaves 104 of the 106 months since January
    2018; the length is looked for only after the gap word, so it is 106, silently."""
    assert parse_months("2018年1月开始交，中间有2个月没交", TODAY) == 104


@pytest.mark.parametrize("said", ["2年11个月多", "35个月多"])
def test_a_month_or_so_more_than_two_years_eleven_months_is_three_years(said: str) -> None:
    """多 after a last month reaches the next one, never back to the month said: 36."""
    assert parse_months(said, TODAY) == 36


@pytest.mark.parametrize("said", ["在外地交了2年，上海还没交", "去年3月在外地交的，上海还没交"])
def test_months_said_of_another_place_beside_none_in_shanghai_are_none(said: str) -> None:
    assert parse_months(said, TODAY) == 0


def test_not_even_one_month_in_shanghai_is_none() -> None:
    """上海一个月都没交过 (not one month paid in Shanghai) beside years paid elsewhere is none;
    it is read as 1 month, silently."""
    assert parse_months("外地交过3年，上海一个月都没交过", TODAY) == 0


def test_a_year_said_alone_in_four_digits_is_when_it_began() -> None:
    """2019年 alone at the years married: since some month of 2019, 6 or 7 full years, asked
    (not 2019 years)."""
    assert parse_years("2019年", TODAY) == Ambiguous((6, 7), "confirm-full-years")


def test_from_a_month_to_the_same_month_is_that_month_and_to_an_earlier_one_refused() -> None:
    # paid from May to May: one month paid (both ends count, as a start month said alone does)
    assert parse_months("2023年5月到2023年5月", TODAY) == 1
    with pytest.raises(Unclear) as refused:
        parse_months("2023年12月到2018年7月", TODAY)
    assert refused.value.key == "error-date-invalid"


@pytest.mark.parametrize(
    ("said", "read"),
    [
        # a four-digit year after 一共 or 累计 is still when it began (not 2019 years)
        ("一共是2019年开始交的", Ambiguous((83, 84), "confirm-full-years")),
        ("累计2019年开始交", Ambiguous((83, 84), "confirm-full-years")),
        # 年初: January to March 2019, 92 to 95 months, all 7 full years
        ("2019年初开始交", 93),
        # this year: January to November, some months, never a month to come
        ("2026年开始交", 5),
    ],
)
def test_months_since_a_year_said_without_its_month(said: str, read: object) -> None:
    assert parse_months(said, TODAY) == read


def test_a_year_said_alone_may_have_begun_in_its_january() -> None:
    """Married in 2019, asked in January 2027: 7 full years, or 8 if it was January 2019."""
    asked = parse_years("2019年结婚", date(2027, 1, 15))
    assert asked == Ambiguous((7, 8), "confirm-full-years")


@pytest.mark.parametrize(
    ("said", "months"),
    [
        ("差一个月满三年", 35),
        ("4年差1个月", 47),
        ("差两个月满三年", 34),
        ("4年差3个月", 45),
        ("下个月就满4年", 47),  # reached within the month to come: one short now
        ("交了三年，中间断了一个月，总共应该是35个月", 35),  # the sum the story ends with
        ("缴费月数119", 119),  # the record's own count
        ("5 and a half years", 66),
    ],
)
def test_months_short_of_whole_years_a_sum_a_count_and_a_half(said: str, months: int) -> None:
    assert parse_months(said, TODAY) == months


@pytest.mark.parametrize(
    ("said", "months"),
    [
        ("上海交了5年，另外在老家交了2年", 60),  # besides (另外): not a part of the 5 years
        ("上海交了6年，外地的3年不算", 72),  # another place's, after a total said of Shanghai
        ("在上海交了3年，回老家2年，又回来交了2年", 60),  # a time away between two spells
        ("交了3年，后来在老家交了2年，又回来交了1年", 48),  # the same, Shanghai unnamed
    ],
)
def test_months_of_another_place_beside_shanghai_s_are_not_taken_off(
    said: str, months: int
) -> None:
    assert parse_months(said, TODAY) == months


def test_a_gap_said_after_a_round_total_may_be_left_out_of_it_already() -> None:
    """交了5年，中间断了3个月: 57 months, or 60 if the 5 years were said without the gap."""
    assert parse_months("交了5年，中间断了3个月", TODAY) == Ambiguous(
        (57, 60), "confirm-full-years"
    )


@pytest.mark.parametrize(
    ("said", "months"),
    [
        ("交了3年，又交了两年多", 61),
        ("交了两年多，又交了1年", 37),
        ("交了3年，又交了5个月左右", 41),
    ],
)
def test_spells_said_one_after_another_add_up_with_their_hedges(said: str, months: int) -> None:
    assert parse_months(said, TODAY) == months


def test_months_at_an_employer_said_with_no_part_word_after_a_total_are_asked_again() -> None:
    """交了5年，在老公司交了2年: a part of the five years, or two more? Asked."""
    with pytest.raises(Unclear):
        parse_months("交了5年，在老公司交了2年", TODAY)


@pytest.mark.parametrize(
    ("said", "months"),
    [
        ("社保交了3年，3年", 36),  # said twice: the same spell, not a second amount
        ("去年国庆开始交的", 13),  # a holiday of last year: a date, October 2025
        ("去年劳动节开始交的", 18),  # the longest of the part-of-year words
        ("去年年末开始交的", Ambiguous((11, 12), "confirm-full-years")),  # the shortest
    ],
)
def test_a_spell_said_twice_or_begun_at_a_holiday_of_last_year(
    said: str, months: int | Ambiguous
) -> None:
    assert parse_months(said, TODAY) == months
