"""The yearly tax in yuan (dialogs/parsing/money.py `parse_yuan`): a bare small number is 万 or
yuan, asked; an amount over several whole years is a total or each year's, asked unless 一共 or
每年 says which; years not whole, or calendar years with 一共, are asked again; none is 0.
Found by mutation testing: docs/mutation.md."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing import Ambiguous, parse_yuan

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


@pytest.mark.parametrize(
    ("said", "steps"),
    [
        ("不到20万", 1),  # below 200,000: one full 100,000
        ("20多万", 2),
        ("25万出头", 2),
        ("将近100万", 9),
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
