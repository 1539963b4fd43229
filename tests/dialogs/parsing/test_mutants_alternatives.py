"""Two values offered as alternatives (dialogs/parsing/alternatives.py) where its mutants
survived the parser set (docs/mutation.md): `either` was read only through the service."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing import Ambiguous, parse_age
from dialogs.parsing.alternatives import either
from dialogs.parsing.money import parse_tier
from dialogs.parsing.text import Unclear

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("said", "options"),
    [
        ("好像是一倍，也可能是零点八", ("1x", "0.8x")),
        ("一倍或者两倍", ("1x", "2x")),
    ],
)
def test_two_tiers_offered_as_alternatives_are_asked_in_the_order_said(
    said: str, options: tuple[str, ...]
) -> None:
    read = either(parse_tier, said, TODAY)
    assert isinstance(read, Ambiguous)
    assert (read.options, read.key) == (options, "confirm-which")


@pytest.mark.parametrize("said", ["35或者36", "35 or 36", "三十五或者三十六，记不清了"])
def test_two_ages_offered_are_asked_without_the_doubt_after_them(said: str) -> None:
    read = either(parse_age, said, TODAY)
    assert isinstance(read, Ambiguous)
    assert read.options == (35, 36)


def test_one_value_is_the_parsers_reading() -> None:
    assert either(parse_tier, "2倍", TODAY) == "2x"


@pytest.mark.parametrize("said", ["35或者", "随便还是什么来着"])
def test_an_alternative_with_nothing_readable_on_a_side_is_asked_again(said: str) -> None:
    with pytest.raises(Unclear):
        either(parse_age, said, TODAY)
