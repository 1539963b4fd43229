"""The base condition said as a share of the months or as a change since a date
(dialogs/parsing/data/yes_no.yaml: "half or more meets it, less than half does not")."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing.conditions import parse_base_condition

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("said", "met"),
    [
        ("一半以上的月份都是", True),
        ("大部分月份都达到了", True),
        ("不到一半", False),  # holds 一半 too: the longest phrase decides
        ("less than half of them", False),
        ("去年7月开始基数就上去了", True),
        ("去年7月开始基数降到最低了", False),
    ],
)
def test_the_base_condition_said_as_a_share_or_a_change_since_a_date(said: str, met: bool) -> None:
    assert parse_base_condition(said, TODAY) is met
