"""The yearly tax in yuan (dialogs/parsing/money.py `parse_yuan`): a bare small number is 万 or
yuan, asked; an amount over several whole years is a total or each year's, asked unless 一共 or
每年 says which; years not whole, or calendar years with 一共, are asked again; none is 0.
Found by mutation testing: docs/mutation.md."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing import Ambiguous, Unclear, parse_yuan

TODAY = date(2026, 11, 30)
ASKED = "asked"


def reading(said: str) -> object:
    try:
        return parse_yuan(said, TODAY)
    except ValueError:
        return ASKED


@pytest.mark.parametrize(
    ("said", "read"),
    [
        # a bare number below 1,000: 万 (as tax is talked about) or yuan, asked
        ("20", Ambiguous((200_000, 20), "confirm-which")),
        ("20，我占一半", Ambiguous((100_000, 10), "confirm-which")),
        ("999", Ambiguous((9_990_000, 999), "confirm-which")),
        ("1000", 1000),
        ("200,000", 200_000),
        # over whole years: 一共 makes it a total, 每年 each year's; neither: asked
        ("三年一共交了90万", 300_000),
        ("两年一共60万", 300_000),
        ("三年平均每年30万", 300_000),
        ("三年交了90万", Ambiguous((300_000, 900_000), "confirm-tax-total", {"years": 3})),
        ("三年交了90万，我占一半", Ambiguous((150_000, 450_000), "confirm-tax-total")),
        ("24个月交了48万", Ambiguous((240_000, 480_000), "confirm-tax-total", {"years": 2})),
        # years not whole, or calendar years with 一共: asked again
        ("两年多交了50万", ASKED),
        ("25个月一共50万", ASKED),
        ("2021到2023年一共交了90万", ASKED),
        ("2021年交了30万", 300_000),  # one calendar year
        ("每年30万", 300_000),
        # none
        ("没有交过税", 0),
        ("没交过", 0),
        ("没多少，一年大概15万", 150_000),  # 没 first, but an amount is said
    ],
)
def test_the_yearly_tax(said: str, read: object) -> None:
    assert reading(said) == read


def test_the_years_of_a_total_are_shown_in_the_question() -> None:
    asked = reading("三年交了90万")
    assert isinstance(asked, Ambiguous) and asked.values == {"years": 3}
    assert "{years} 年".format(**asked.values) == "3 年"  # as the question puts it, not 3.0


@pytest.mark.parametrize(
    ("said", "steps"),
    [
        ("不到20万", 1),  # below 200,000: one full 100,000
        ("20多万", 2),
        ("25万出头", 2),
        ("将近100万", 9),
        # 多 over three years in all, or with a share: inside the step of the amount too
        ("三年一共交了90多万", 3),
        ("20多万，我占50%", 1),
    ],
)
def test_a_hedged_amount_counts_the_full_steps_it_lies_in(said: str, steps: int) -> None:
    """Points count full 100,000s: a hedge that stays inside one is that one, never asked."""
    read = reading(said)
    assert isinstance(read, float) and read // 100_000 == steps


@pytest.mark.parametrize(
    ("said", "options"),
    [
        ("20到30万", (200_000, 300_000)),
        ("30万左右", (290_000, 300_000)),
        ("20万以上", (200_000, 300_000, 400_000, 500_000)),
    ],
)
def test_a_hedged_amount_across_steps_is_asked(said: str, options: tuple[int, ...]) -> None:
    assert reading(said) == Ambiguous(options, "confirm-which")


@pytest.mark.parametrize(
    ("said", "yuan"),
    [
        # each part in its own unit, 千 or 万: (8,000 + 10,000 + 12,000) / 3
        ("前年8千，去年1万，今年1.2万", 10_000),
        # in 块, a unit that multiplies by nothing
        ("前年8000块，去年9000块，今年10000块", 9_000),
        # a part without its unit has the unit said last
        ("这三年分别是10、20、30万", 200_000),
    ],
)
def test_the_yearly_average_of_three_amounts_each_in_its_unit(said: str, yuan: int) -> None:
    assert parse_yuan(said, TODAY) == yuan


def test_a_start_said_as_a_month_of_last_year_is_under_two_years_of_tax() -> None:
    """去年3月开始 (since March last year) spans under two years: 20万 is one year's tax."""
    assert parse_yuan("去年3月开始交的，交了20万", TODAY) == 200_000


def test_a_bare_amount_in_yuan_beside_one_in_wan_stays_in_yuan() -> None:
    """8000 and 9000 with no unit are yuan (a bare number of 1,000 or more is, see SMALLEST_YUAN):
    (8,000 + 9,000 + 10,000) / 3 = 9,000; they are read as 8000万 and 9000万, 56,670,000 a
    year, silently."""
    assert parse_yuan("前年8000，去年9000，今年1万", TODAY) == 9_000


def test_an_amount_holding_the_digits_of_a_year_is_read_whole() -> None:
    """12000元 holds 2000, which the yearly list takes for a calendar year and cuts out: 今年
    12000元 is read as 1 yuan, the average as 5,667 (not 9,666.6), silently."""
    assert parse_yuan("前年8000，去年9000，今年12000元", TODAY) == 9_666.6


def test_the_yearly_average_of_a_company_s_tax_counts_the_share() -> None:
    assert parse_yuan("公司前年交了10万，去年20万，今年30万，我占50%", TODAY) == 100_000


def test_a_yearly_tax_up_to_ten_billion_is_read_and_more_refused() -> None:
    assert parse_yuan("10000000000元", TODAY) == 1e10
    with pytest.raises(Unclear) as refused:
        parse_yuan("10000000001元", TODAY)
    assert refused.value.key == "error-amount-range"


def test_a_range_said_as_a_total_of_whole_years_is_each_year_s() -> None:
    """60到90万 over three years in all: 20万 to 30万 a year, the two steps asked."""
    asked = parse_yuan("三年一共交了60到90万", TODAY)
    assert asked == Ambiguous((200_000, 300_000), "confirm-which")


@pytest.mark.parametrize("said", ["一年大概,20万", "20万,左右"])
def test_a_hedge_beside_the_amount_across_a_comma_still_hedges_it(said: str) -> None:
    """大概 or 左右 typed with an ASCII comma between it and 20万: about 20万, asked."""
    assert parse_yuan(said, TODAY) == Ambiguous((190_000, 200_000), "confirm-which")


@pytest.mark.parametrize(
    ("said", "read"),
    [
        # a range with a share: half of 40万 to 60万
        ("40到60万，我占50%", Ambiguous((200_000, 300_000), "confirm-which")),
        # just below a step, said exactly: that step, not asked
        ("99999", 99_999),
        # the currency between the amount and its hedge
        ("20万rmb左右", Ambiguous((190_000, 200_000), "confirm-which")),
    ],
)
def test_a_hedge_or_range_read_with_the_share_years_and_currency(said: str, read: object) -> None:
    assert parse_yuan(said, TODAY) == read
