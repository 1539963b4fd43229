"""Counts (dialogs/parsing/counts.py) where its mutants survived the parser set
(docs/mutation.md): the Shanghai-hukou staff said as a share of the head count, read until
then only through the service (test_answer_silent_round13.py)."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing import Ambiguous, parse_hires

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("said", "hires"),
    [
        ("员工50人，本地户口的一半", 25),
        ("公司30人，上海户籍的半数", 15),
        ("员工40人，上海户口的有1半", 20),
        ("员工200人，一半的员工是上海户籍", 100),
        ("公司100个人，本市户籍的占30%", 30),
        ("60个员工，沪籍的有两成", 12),
        ("员工100人，本地户籍职工占2.5成", 25),
        ("40人，1/4是上海户口", 10),
        ("50 staff, half of them have a Shanghai hukou", 25),
        ("80 people, 25% of them hold a local hukou", 20),
        ("员工40人，本地户籍的占一半，我占股一半", 10),
    ],
)
def test_the_shanghai_hukou_share_of_the_staff_is_counted(said: str, hires: int) -> None:
    assert parse_hires(said, TODAY) == hires


@pytest.mark.parametrize(
    ("said", "options"),
    [
        ("员工40人，大约一半是本地户籍", (18, 20)),
        ("员工60人，上海户口的人有3成左右", (16, 20)),
        ("员工90人，沪籍约1/3", (27, 30)),
    ],
)
def test_a_share_said_roughly_is_asked_where_a_tenth_either_side_crosses_ten(
    said: str, options: tuple[int, ...]
) -> None:
    """Points count tens of hires: a rough share (大约, 左右, 约) is a tenth either side."""
    read = parse_hires(said, TODAY)
    assert isinstance(read, Ambiguous)
    assert read.options == options


def test_a_share_said_roughly_inside_one_ten_is_the_count_said() -> None:
    assert parse_hires("员工70人，上海户口的差不多一半", TODAY) == 35
