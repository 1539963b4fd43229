"""Durations (dialogs/parsing/durations.py) where the mutation run of 2026-12-02 found the parser
tests silent (docs/mutation.md): whole years still to come (差几个月满五年, 明年就满5年) and the
years so far said beside them, an exact figure after rough years (大约3年，具体是3: years; 具体37
beyond them: months), a gap's length said before its unpaid word, the year one is in (第三年)."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing import Ambiguous, Unclear, parse_months

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("said", "months"),
    [
        ("差几个月满五年", 54),  # a few months short of five years: four full years
        ("还差几个月满3年", 30),
        ("差一个月满三年", 35),
        ("两年，明年就三年了", 24),  # the years so far said: next year's left out
        ("4年，明年5年", 48),
    ],
)
def test_years_still_to_come_and_a_few_months_short_of_them(said: str, months: int) -> None:
    assert parse_months(said, TODAY) == months


@pytest.mark.parametrize(
    ("today", "options", "said"),
    [(date(2026, 11, 30), (47, 48), 58), (date(2026, 3, 10), (39, 48), 50)],
)
def test_five_years_next_year_is_three_or_four_full_years_now(
    today: date, options: tuple[int, int], said: int
) -> None:
    # 明年就满5年: 60 months some day of next year, so 13 to 24 fewer now, from this month on
    read = parse_months("明年就满5年", today)
    assert read == Ambiguous(options, "confirm-full-years")
    assert isinstance(read, Ambiguous)
    assert (read.values, read.said) == ({"fewer": 3, "more": 4}, said)


@pytest.mark.parametrize(
    ("said", "months"),
    [
        ("大约3年，具体是3", 36),  # an exact figure within the rough years: years
        ("不到4年，具体是3", 36),  # at the rough span's low end
        ("4年以上，具体是7", 84),  # at its high end
        ("3年左右，具体37", 37),  # beyond it: months
        ("2018年1月开始交，3个月没交", 103),  # a gap's length said before its unpaid word
        ("2018年1月开始交，中间有2个月没交", 104),
        ("2018年1月开始交，一直没停过", 106),  # a gap word, no gap: nothing taken off
    ],
)
def test_an_exact_figure_after_rough_years_and_a_gap_before_its_word(
    said: str, months: int
) -> None:
    assert parse_months(said, TODAY) == months


def test_nothing_paid_in_shanghai_beside_a_clause_of_no_months_is_none() -> None:
    assert parse_months("外地交了2年，我刚来，上海还没交", TODAY) == 0


@pytest.mark.xfail(
    strict=True,
    reason="bug: an exact figure said alone or before the rough years (具体是37;"
    " 具体是37，大概3年多) is asked again or left out for the rough years' whole years (a miss,"
    " not silent)",
)
@pytest.mark.parametrize("said", ["具体是37", "具体是37，大概3年多"])
def test_an_exact_figure_said_first_is_the_months(said: str) -> None:
    assert parse_months(said, TODAY) == 37


def test_a_gap_said_after_later_is_taken_off() -> None:
    assert parse_months("2018年1月开始交，后来3个月没交", TODAY) == 103


@pytest.mark.parametrize(
    ("said", "months"),
    [("第三年了", 27), ("交到第5年了", 51), ("今年是第二年", 15), ("第一年", 9), ("第1年", 9)],
)
def test_the_year_one_is_in_is_the_full_years_before_it_and_some(said: str, months: int) -> None:
    # 第三年: two years and some (2年多), the first: not a year yet (不到1年)
    assert parse_months(said, TODAY) == months


@pytest.mark.parametrize(
    ("said", "months"),
    [
        ("补缴的半年不算的话是4年半", 54),  # the net said: the answer
        ("扣掉补缴的半年还剩4年半", 54),
        ("补缴了3个月，总共交了40个月", 37),  # the sum said last, the months that do not count off
        ("交了三年，中间断了一个月，总共应该是35个月", 35),
    ],
)
def test_the_net_or_the_sum_said_is_the_answer(said: str, months: int) -> None:
    assert parse_months(said, TODAY) == months


@pytest.mark.parametrize("said", ["3年，都是补缴的", "都是补缴的，3年", "3年，全是在外地交的"])
def test_months_all_said_not_to_count_are_asked_between_none_and_them(said: str) -> None:
    assert parse_months(said, TODAY) == Ambiguous((0, 36), "confirm-which")


def test_shanghai_left_and_come_back_to_between_two_dates_is_asked_again() -> None:
    with pytest.raises(Unclear):
        parse_months("2018年来上海交了3年，回老家2年，2023年又回来交了2年", TODAY)


def test_shanghai_left_and_come_back_to_after_one_date_is_asked_again() -> None:
    with pytest.raises(Unclear):
        parse_months("2020年交了1年，回老家了，又回来交了2年", TODAY)


def test_a_gap_said_after_a_part_at_an_old_employer_is_still_taken_off() -> None:
    """A part paid at an employer (其中前两年是在老公司交的) is inside the total; the durations
    said after it are still read (the 2026-12-02 09:00 run's read_months `break` for `continue`
    kept 60 months, silently)."""
    said = "交了5年，其中前两年是在老公司交的，中间断了3个月"
    assert parse_months(said, TODAY) == Ambiguous(
        options=(57, 60), key="confirm-full-years", values={}, said=57
    )


@pytest.mark.parametrize("said", ["一个月都没交过", "社保还没交呢", "我还没开始交，暂时没交"])
def test_nothing_paid_yet_is_no_months(said: str) -> None:
    """Every clause saying nothing is paid yet is 0 months, not one month (一个月都没交过) nor
    asked again (the run of 12-02 11:53: `_none_in_shanghai`'s not-yet branch removed or
    answering False survived)."""
    assert parse_months(said, TODAY) == 0
