"""Full years of a bonus item (dialogs/parsing/years.py `parse_years`): found by mutation
testing (docs/mutation.md, the run of 2026-12-01 19:40)."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing.text import Unclear
from dialogs.parsing.years import parse_years

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("said", "years"),
    [
        ("没结婚", 0),  # the item not held: none of its years
        ("老婆不是上海户口", 0),
        ("2021年11月30号领的证", 5),  # by the day: five full years today
    ],
)
def test_the_full_years_of_an_item_held_or_not(said: str, years: int) -> None:
    assert parse_years(said, TODAY) == years


def test_a_spouse_s_hukou_got_lately_is_asked_again() -> None:
    """老婆去年才落户: the years since the hukou may be fewer than the marriage's."""
    with pytest.raises(Unclear) as asked:
        parse_years("老婆去年才落户，结婚8年了", TODAY)
    assert asked.value.key == ""
