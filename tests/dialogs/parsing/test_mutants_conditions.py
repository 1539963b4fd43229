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


@pytest.mark.parametrize(
    ("said", "met"),
    [
        ("绝大多数都够，极少不够", True),  # the longest share said first
        ("只有少数几个月没到，绝大多数都够了", True),  # and said last
        ("2026年8月开始基数上去了", False),  # up since a date inside the window: 4 months only
    ],
)
def test_two_shares_said_the_longest_decides_and_a_rise_counts_its_months(
    said: str, met: bool
) -> None:
    """The rerun of 2026-12-02 09:05: `_share_said`'s `max` without its key or with a constant
    one, and the since-a-date branch taken with `or`, survived the tests of 11-30."""
    assert parse_base_condition(said, TODAY) is met


@pytest.mark.parametrize("said", ["去年11月开始基数降到最低了", "去年12月开始基数降到最低了"])
def test_the_base_down_since_a_date_inside_the_window_is_not_met(said: str) -> None:
    assert parse_base_condition(said, TODAY) is False


def test_most_months_in_english_with_a_few_short_is_met() -> None:
    assert parse_base_condition("most months, a few were short", TODAY) is True
