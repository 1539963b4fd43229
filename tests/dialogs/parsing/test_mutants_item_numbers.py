"""Bonus items picked by their numbers in the list shown (dialogs/parsing/item_numbers.py,
through `parse_bonus`), where its mutants survived the parser set (docs/mutation.md): a span
of numbers, the first or last items, and the last number of the list."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing import BONUS_ITEMS, Unclear, parse_bonus

TODAY = date(2026, 11, 30)


def items(*numbers: int) -> tuple[str, ...]:
    return tuple(BONUS_ITEMS[n - 1] for n in numbers)


@pytest.mark.parametrize(
    ("said", "picked"),
    [
        ("一到三", items(1, 2, 3)),
        ("1-3", items(1, 2, 3)),
        ("5到8", items(5, 6, 7, 8)),  # up to the last item listed
        ("前两个", items(1, 2)),
        ("first 2", items(1, 2)),
        ("后两个", items(7, 8)),
        ("最后三项", items(6, 7, 8)),
        ("last 2", items(7, 8)),
        ("1 8", items(1, 8)),
    ],
)
def test_items_picked_by_span_first_last_or_the_last_number(
    said: str, picked: tuple[str, ...]
) -> None:
    assert len(BONUS_ITEMS) == 8
    assert parse_bonus(said, TODAY) == picked


def test_a_span_past_the_list_is_asked_again_not_cut_to_its_first_number() -> None:
    with pytest.raises(Unclear):
        parse_bonus("1到9", TODAY)


@pytest.mark.xfail(
    strict=True,
    reason="bug: a span past the list (1到9 of 8 items) is asked again plainly, where 9 alone, 1 9"
    " and 0到3 are told the numbers go from 1 to 8 (item_numbers._spans keeps it unspanned)",
)
def test_a_span_past_the_list_names_the_list_s_size_as_a_number_past_it_does() -> None:
    for said in ("9", "1 9", "0到3", "1到9"):
        with pytest.raises(Unclear) as asked:
            parse_bonus(said, TODAY)
        assert (asked.value.key, asked.value.values) == ("error-bonus-number", {"most": 8}), said


@pytest.mark.xfail(
    strict=True,
    reason="bug: the first or last one item by number (前1项, first 1, last 1) is asked again"
    " plainly, where 第一个 and 最后一个 are read (1到1 is no span to item_numbers._spans)",
)
@pytest.mark.parametrize(
    ("said", "picked"), [("前1项", items(1)), ("first 1", items(1)), ("last 1", items(8))]
)
def test_the_first_or_last_single_item_by_number(said: str, picked: tuple[str, ...]) -> None:
    assert parse_bonus("第一个", TODAY) == items(1)
    assert parse_bonus("最后一个", TODAY) == items(8)
    assert parse_bonus(said, TODAY) == picked
