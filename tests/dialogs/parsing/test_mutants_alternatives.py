"""Two values offered as alternatives (dialogs/parsing/alternatives.py) where its mutants
survived the parser set (docs/mutation.md): `either` was read only through the service."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dialogs.parsing import Ambiguous, Parser, parse_age, parse_months, parse_title, parse_yuan
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


@pytest.mark.parametrize(
    ("parse", "said", "options"),
    [
        # 高级 of 电工证 is a skill level (高级工), not a senior title
        (parse_title, "电工证，好像是中级还是高级来着", ("skill_4", "skill_3")),
        (parse_months, "社保，2019年3月开始交的还是2020年3月来着", (92, 80)),
        (parse_months, "2019年3月开始交或者2020年3月开始交", (92, 80)),
    ],
)
def test_the_second_side_is_read_with_the_clauses_that_lead_the_first(
    parse: Parser, said: str, options: tuple[Any, ...]
) -> None:
    read = either(parse, said, TODAY)
    assert isinstance(read, Ambiguous)
    assert read.options == options


def test_a_side_that_may_be_read_two_ways_offers_both() -> None:
    read = either(parse_title, "中级还是高级来着", TODAY)
    assert isinstance(read, Ambiguous)
    assert read.options == ("title_intermediate", "skill_4", "title_senior", "skill_3")


@pytest.mark.parametrize("said", ["高级工，或者说高级", "高级，或者说高级工"])
def test_a_side_read_one_way_and_a_side_that_may_be_read_so_agree(said: str) -> None:
    assert either(parse_title, said, TODAY) == "skill_3"


@pytest.mark.parametrize(
    ("parse", "said", "value"),
    [(parse_title, "技师，或者说二级", "skill_2"), (parse_age, "1990年出生的，或者说属马的", 36)],
)
def test_an_unreadable_side_after_or_leaves_the_whole_to_the_parser(
    parse: Parser, said: str, value: Any
) -> None:
    assert either(parse, said, TODAY) == value


def test_an_unreadable_side_after_haishi_is_asked_again() -> None:
    # 还是 before a doubt offers two values: never the first alone (parse_tier reads 2x)
    with pytest.raises(Unclear):
        either(parse_tier, "两倍还是什么来着", TODAY)


def test_a_birth_date_and_its_age_leave_the_whole_to_the_parser() -> None:
    """No confirm button carries a date: the parser reads the answer."""
    assert either(parse_age, "90年3月5号或者36", TODAY) == date(1990, 3, 5)


def test_amounts_offered_are_whole_numbers() -> None:
    read = either(parse_yuan, "15万或者20万", TODAY)
    assert isinstance(read, Ambiguous)
    assert [(type(o), o) for o in read.options] == [(int, 150000), (int, 200000)]


def test_clauses_between_the_second_value_and_the_doubt_are_kept() -> None:
    read = either(parse_age, "35或者36，具体的，记不清了", TODAY)
    assert isinstance(read, Ambiguous)
    assert read.options == (35, 36)


@pytest.mark.parametrize("said", ["。还是两倍吧", "，，还是两倍吧"])
def test_haishi_with_nothing_before_it_offers_nothing(said: str) -> None:
    assert either(parse_tier, said, TODAY) == "2x"


def test_two_birth_dates_whose_ages_score_differently_are_asked() -> None:
    try:
        read = either(parse_age, "1980年3月5日或者1981年3月5日", TODAY)
    except Unclear:
        return
    assert isinstance(read, Ambiguous)
