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
        ("17年9月到19年3月", 18),  # from one month to another, two-digit years
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
