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
