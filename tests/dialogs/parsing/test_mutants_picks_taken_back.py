"""Item numbers picked, then some taken back in a later clause (dialogs/parsing/
picks_taken_back.py, through `parse_bonus`): its calls were never recorded by the replay (a
function passed in cannot be pickled), so every mutant "survived" it (docs/mutation.md)."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing import BONUS_ITEMS, parse_bonus

TODAY = date(2026, 11, 30)


def items(*numbers: int) -> tuple[str, ...]:
    return tuple(BONUS_ITEMS[n - 1] for n in numbers)


@pytest.mark.parametrize(
    ("said", "picked"),
    [
        ("1 5 7，哦7不算", items(1, 5)),
        ("1,5,7 不对，去掉5", items(1, 7)),
        ("1 3 5 7 哦3不要", items(1, 5, 7)),
        ("1 5 7，哦第7个不算", items(1, 5)),
        ("1 5 7, not 7", items(1, 5)),
        ("1 3 7，7不算，还没结婚", items(1, 3)),  # why it goes, naming no item
        ("1 3，7号不要，5", items(1, 3, 5)),  # numbers picked after the taking back too
    ],
)
def test_numbers_taken_back_leave_the_others_picked(said: str, picked: tuple[str, ...]) -> None:
    assert parse_bonus(said, TODAY) == picked


def test_a_second_number_taken_back_with_ye_is_taken_back() -> None:
    assert parse_bonus("1 5 7，哦7不算，5也不算", TODAY) == items(1)
