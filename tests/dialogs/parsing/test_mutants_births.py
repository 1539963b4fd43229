"""Ages from a birth said without its date (dialogs/parsing/births.py), where its mutants
survived the parser set (docs/mutation.md): which years a decade said in words covers."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing import Ambiguous, parse_age

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize("said", ["六十年代末出生的", "我是60年代末的"])
def test_the_end_of_a_decade_scores_one_way_and_is_not_asked(said: str) -> None:
    """Born 1967-1969: 56 to 59 today, all in the same band of age points (born in 1970, of
    the seventies, one may be 55: another band, asked)."""
    assert parse_age(said, TODAY) == 59


@pytest.mark.parametrize(
    ("said", "options"),
    [
        ("我是60年代生的", (66, 60)),  # 1960-1969
        ("六十年代", (66, 60)),
        ("60后", (66, 60)),  # 1960-1969 too, not 1970
        ("六十年代中期出生", (63, 60)),  # 1964-1966: 59 to 62
    ],
)
def test_years_across_sixty_are_asked_between_their_bands(
    said: str, options: tuple[int, ...]
) -> None:
    """Over sixty or not today: asked which, each band offered once."""
    age = parse_age(said, TODAY)
    assert isinstance(age, Ambiguous)
    assert (age.options, age.key) == (options, "confirm-which")


def test_a_holiday_of_a_year_said_with_the_english_born() -> None:
    assert parse_age("I was born in 88年中秋", TODAY) == 38
