"""An amount counted by the applicant's share of the company (dialogs/parsing/amounts.py
`share`): a percentage, tenths (成), a fraction or a half, for the tax paid and for the hires;
a gap said with its length comes off the months since a start date (`Range.less`); a vague
amount is asked again; a count of none is none. Found by mutation testing: docs/mutation.md."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from dialogs.parsing import Ambiguous, parse_count, parse_hires, parse_months, parse_yuan

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("said", "yuan"),
    [
        ("公司一年纳税40万，我占50%", 200_000),
        ("公司一年纳税40万，我占三成", 120_000),
        ("公司一年纳税40万，我占1/4", 100_000),
        ("公司一年纳税40万，我占股一半", 200_000),
        ("40万我占一半", 200_000),
    ],
)
def test_the_tax_is_counted_by_the_share_said(said: str, yuan: int) -> None:
    assert parse_yuan(said, TODAY) == yuan


def test_the_hires_are_counted_by_the_share_said() -> None:
    assert parse_hires("30个，我占股一半", TODAY) == 15
    assert parse_hires("上海户籍员工40人，我占25%", TODAY) == 10


def test_a_gap_comes_off_the_months_since_a_start_date() -> None:
    assert parse_months("2018年1月开始交，中间断了半年", TODAY) == 100  # 106 since then, less 6


def test_an_amount_nobody_can_score_is_asked_again() -> None:
    with pytest.raises(ValueError):
        parse_yuan("一年几十万", TODAY)


def test_a_count_of_none_said_with_a_number_is_none() -> None:
    assert parse_count("一共0次", TODAY) == 0


@pytest.mark.parametrize(
    ("said", "parse"),
    [
        ("前年20个左右，去年30个，今年40个", parse_hires),
        ("前年20人左右，去年30人，今年40人", parse_hires),
        ("前年20万左右，去年30万，今年40万", parse_yuan),
        ("前年20w左右，去年30w，今年40w", parse_yuan),
        ("前年20k左右，去年30k，今年40k", parse_yuan),
    ],
)
def test_a_hedge_after_the_unit_in_a_list_of_years_is_asked_again(
    said: str, parse: Callable[[str, date], object]
) -> None:
    """The yearly average is of three exact amounts: 20个左右 is no amount to average."""
    with pytest.raises(ValueError):
        parse(said, TODAY)


def test_ten_and_more_times_is_asked_between_eleven_and_nineteen() -> None:
    assert parse_count("10多次", TODAY) == Ambiguous(tuple(range(11, 20)), "confirm-which")


def test_nine_wan_and_more_stays_below_the_first_full_100000() -> None:
    """9万多 is 90,000 to 99,999: no full 100,000 of tax, never asked whether it is 100,000."""
    assert parse_yuan("9万多", TODAY) < 100_000


@pytest.mark.parametrize("total", ["50个月出头", "50多个月", "不到47个月", "快47个月了"])
def test_months_back_paid_come_off_a_hedged_total_and_only_they(total: str) -> None:
    """其中2个月是补缴的: the months counted (shown in the read-back as years and months) are
    those the total alone reads as, two fewer."""
    alone = parse_months(total, TODAY)
    assert isinstance(alone, int)
    assert parse_months(f"{total}，其中2个月是补缴的", TODAY) == alone - 2


@pytest.mark.parametrize(
    ("said", "parse", "counted"),
    [
        ("400k a year, my share is 25%", parse_yuan, 100_000),
        ("40 people, i own 25%", parse_hires, 10),
        ("40万，我占1/1", parse_yuan, 400_000),  # the whole of it
    ],
)
def test_a_share_said_in_english_or_as_a_whole_fraction(
    said: str, parse: Callable[[str, date], object], counted: int
) -> None:
    assert parse(said, TODAY) == counted


def test_a_hedge_after_a_space_still_hedges() -> None:
    """47个月 左右 may be 46 or 48 months, either side of four full years: asked."""
    assert parse_months("47个月 左右", TODAY) == Ambiguous((46, 48), "confirm-full-years")


def test_two_neighbouring_amounts_far_from_zero_are_asked_between_them() -> None:
    assert parse_months("二十五六年", TODAY) == Ambiguous((300, 312), "confirm-full-years")


def test_an_amount_across_forty_full_steps_is_too_vague_and_asked_again() -> None:
    """155万到555万 spans forty full 100,000s of tax: no question could list them."""
    with pytest.raises(ValueError):
        parse_yuan("155万到555万", TODAY)


@pytest.mark.parametrize(
    ("said", "options"),
    [("二十几次", tuple(range(21, 30))), ("三十几个", tuple(range(31, 40)))],
)
def test_tens_and_some_are_asked_within_their_ten(said: str, options: tuple[int, ...]) -> None:
    assert parse_count(said, TODAY) == Ambiguous(options, "confirm-which")


@pytest.mark.parametrize(
    ("said", "parse", "read"),
    [
        ("二三十人", parse_hires, Ambiguous((20, 30), "confirm-which")),
        ("二三十万", parse_yuan, Ambiguous((200_000, 300_000), "confirm-which")),
        ("二三百个", parse_hires, Ambiguous(tuple(range(200, 301, 10)), "confirm-which")),
        ("每年个税五六千块", parse_yuan, 5000),
    ],
)
def test_two_neighbouring_numerals_before_a_place_are_a_range_of_that_place(
    said: str, parse: Callable[[str, date], object], read: object
) -> None:
    """二三十 is twenty to thirty, 二三百 two to three hundred, 五六千 five to six thousand."""
    assert parse(said, TODAY) == read


@pytest.mark.parametrize("said", ["十一二年", "3年or4年"])
def test_either_of_two_neighbouring_years_is_asked(said: str) -> None:
    """十一二年 is 11 or 12 years, 3年or4年 3 or 4: asked between them."""
    first = 11 if said.startswith("十") else 3
    options = (12 * first, 12 * (first + 1))
    assert parse_months(said, TODAY) == Ambiguous(options, "confirm-full-years")
