"""Counts (dialogs/parsing/counts.py) where its mutants survived the parser set
(docs/mutation.md): the Shanghai-hukou staff said as a share of the head count, read until
then only through the service (test_answer_silent_round13.py); all of them non-local; a count
times a personal share kept to tenths."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dialogs.parsing import Ambiguous, parse_count, parse_hires
from dialogs.parsing.text import Unclear
from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_stored,
    service_fixture,
)

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("said", "hires"),
    [
        ("员工50人，本地户口的一半", 25),
        ("公司30人，上海户籍的半数", 15),
        ("员工40人，上海户口的有1半", 20),
        ("员工200人，一半的员工是上海户籍", 100),
        ("公司100个人，本市户籍的占30%", 30),
        ("60个员工，沪籍的有两成", 12),
        ("员工100人，本地户籍职工占2.5成", 25),
        ("40人，1/4是上海户口", 10),
        ("50 staff, half of them have a Shanghai hukou", 25),
        ("80 people, 25% of them hold a local hukou", 20),
        ("员工40人，本地户籍的占一半，我占股一半", 10),
    ],
)
def test_the_shanghai_hukou_share_of_the_staff_is_counted(said: str, hires: int) -> None:
    assert parse_hires(said, TODAY) == hires


@pytest.mark.parametrize(
    ("said", "options"),
    [
        ("员工40人，大约一半是本地户籍", (18, 20)),
        ("员工60人，上海户口的人有3成左右", (16, 20)),
        ("员工90人，沪籍约1/3", (27, 30)),
    ],
)
def test_a_share_said_roughly_is_asked_where_a_tenth_either_side_crosses_ten(
    said: str, options: tuple[int, ...]
) -> None:
    """Points count tens of hires: a rough share (大约, 左右, 约) is a tenth either side."""
    read = parse_hires(said, TODAY)
    assert isinstance(read, Ambiguous)
    assert read.options == options


def test_a_share_said_roughly_inside_one_ten_is_the_count_said() -> None:
    assert parse_hires("员工70人，上海户口的差不多一半", TODAY) == 35


def test_a_share_said_with_a_space_before_its_percent_sign_is_the_same_share() -> None:
    assert parse_hires("员工100人，上海户口的占30 %", TODAY) == 30
    assert parse_hires("80 people, 25 % of them hold a local hukou", TODAY) == 20


def test_all_of_the_staff_said_as_one_in_one_is_the_head_count() -> None:
    assert parse_hires("员工40人，1/1是上海户口", TODAY) == 40


def test_a_rough_word_that_opens_the_answer_still_makes_the_share_rough() -> None:
    read = parse_hires("约一半是本地户口，一共40人", TODAY)
    assert isinstance(read, Ambiguous)
    assert read.options == (18, 20)


@pytest.mark.parametrize(
    "said", ["大约其中一半是本地户口，员工40人", "员工60人，本地户口的有3成 左右"]
)
def test_a_rough_word_a_little_further_from_the_share_makes_it_rough(said: str) -> None:
    read = parse_hires(said, TODAY)
    assert isinstance(read, Ambiguous)
    assert read.options in ((18, 20), (16, 20))


def test_a_rough_share_of_fewer_than_a_head_count_is_that_share_of_the_fewer() -> None:
    """不到12人 is 11; roughly half of them, 5 (within one ten: not asked)."""
    assert parse_hires("员工不到12人，本地户口的大约一半", TODAY) == 5


@pytest.mark.parametrize(
    ("said", "hires"),
    [
        ("今年才开始招，招了12个", 4),
        ("今年刚开始招，招了30个人", 10),
        ("今年才开始招，招了30个，我占股一半", 5),
    ],
)
def test_hiring_begun_this_year_is_spread_over_the_three_years(said: str, hires: int) -> None:
    assert parse_hires(said, TODAY) == hires


def test_hiring_begun_last_year_asks_how_many_each_year() -> None:
    with pytest.raises(Unclear):
        parse_hires("去年才开始招，招了20个", TODAY)


@pytest.mark.parametrize(
    ("said", "hires"), [("平均9.5个", 9.5), ("9.5人", 9.5), ("平均12.33人", 12.3)]
)
def test_a_yearly_average_in_tenths_is_kept_to_one_decimal(said: str, hires: float) -> None:
    assert parse_hires(said, TODAY) == hires


@pytest.mark.parametrize("said", ["1.5次", "大概9.5个"])
def test_a_count_in_tenths_is_asked_again(said: str) -> None:
    with pytest.raises(Unclear):
        parse_count(said, TODAY)


def test_the_item_named_then_never_had_is_none() -> None:
    assert parse_count("行政拘留没有过", TODAY) == 0


@pytest.mark.parametrize(
    ("said", "count"),
    [
        ("三次，都是今年", 3),
        ("3 times, all this year", 3),
        ("两次，都是今年，每次拘留5天", 2),
        ("去年和今年都有一次", 2),
        ("去年被拘留过", 1),
        ("2 in 2025", 2),
        ("去年被罚款2次共3000元", 2),
    ],
)
def test_occurrences_dated_inside_the_window_are_counted(said: str, count: int) -> None:
    """The dates of the occurrences against the five years a deduction counts back."""
    assert parse_count(said, TODAY, 5) == count


@pytest.mark.parametrize(
    "said", ["雇了30个人，但都是外地户口的", "员工30人，都不是上海户口", "30个人，全部是外地的"]
)
def test_a_staff_all_non_local_is_no_shanghai_hukou_hire(said: str) -> None:
    assert parse_hires(said, TODAY) == 0


@pytest.mark.parametrize(("said", "hires"), [("11个，我占股70%", 7.7), ("7个，我占股33%", 2.3)])
def test_a_count_times_a_personal_share_is_kept_to_tenths(said: str, hires: float) -> None:
    assert parse_hires(said, TODAY) == hires


async def test_all_non_local_and_a_share_in_tenths_are_stored(service: Any) -> None:
    await assert_stored(
        service, "local_hires", [("雇了30个人，但都是外地户口的", 0), ("11个，我占股70%", 7.7)]
    )


@pytest.mark.parametrize(
    "said",
    [
        "本地的一个都没有，总共20人",
        "一个都没有，都是non-local的",
        "none local, all 20 are non-local",
    ],
)
def test_not_even_one_local_hire_beside_the_head_count_is_none(said: str) -> None:
    assert parse_hires(said, TODAY) == 0


def test_a_hedge_after_the_shanghai_hukou_count_stays_with_it() -> None:
    """上海户口的有二十来个 is about twenty, asked between the counts scoring apart, not 20
    exactly (the run of 12-02 12:07: the count's tail dropped survived)."""
    assert parse_hires("上海户口的有二十来个", TODAY) == Ambiguous((18, 20), "confirm-which")


@pytest.mark.parametrize(
    "said", ["本地的一个都没有，5个都是外地户口", "本地的一个都没有，30个全是外地的"]
)
def test_not_even_one_local_beside_the_non_locals_counted_is_none(said: str) -> None:
    assert parse_hires(said, TODAY) == 0


@pytest.mark.parametrize("said", ["本地的一个都没有，去年招了5个", "一个本地的都没有，我占股50%"])
def test_not_even_one_local_beside_any_number_is_none(said: str) -> None:
    assert parse_hires(said, TODAY) == 0
