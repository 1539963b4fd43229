"""The base condition (a base at the average wage or above in at least 6 of the last 12 months)
told as a change since a month: the month's year (今年, 去年, none, or a date before the window),
a month still to come, a change this month, and shares of the months that disagree. Each case
was run against the mutant of dialogs/parsing/conditions.py it kills (docs/mutation.md)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.dialogs.parsing.test_mutants_conditions import read

TODAY = date(2026, 3, 15)


@pytest.mark.parametrize(
    ("said", "met"),
    [
        ("2023年7月开始，基数就上去了", True),
        ("2023年7月开始，基数就降到最低了", False),
        ("2025年2月开始，基数就降到最低了", False),
    ],
)
def test_a_change_since_a_date_before_the_window_told_in_the_next_clause(
    said: str, met: bool
) -> None:
    """Up or down since a month before the last twelve, the direction said after a comma: every
    month of the window is at that level (the branch of dated months past the window)."""
    assert read(said, TODAY) is met


@pytest.mark.parametrize(
    ("said", "met"),
    [
        ("今年1月份基数涨上去了", False),  # January to March: 3 months up
        ("去年5月份基数涨上去了", True),  # May last year to March: 11 months up
        ("今年3月份基数降到最低了", True),  # down this month: the 11 before it were above
    ],
)
def test_this_year_or_last_year_said_before_the_month_of_a_change(said: str, met: bool) -> None:
    """今年 and 去年 are read as years, not numbers; a change this month counts this month."""
    assert read(said, TODAY) is met


def test_a_change_in_a_month_still_to_come_is_asked() -> None:
    """2026年5月 said in March 2026: no month since it yet, so the answer tells nothing of the
    last twelve and is asked again (not read as one month up, a no)."""
    assert read("2026年5月份基数涨上去了", TODAY) is None
    assert read("2026年5月份基数降到最低了", TODAY) is None


def test_shares_of_the_months_that_disagree_are_asked() -> None:
    """More than half enough and most not enough in one answer: asked, not either."""
    assert read("一半以上够了，大部分不够", TODAY) is None


@pytest.mark.xfail(
    strict=True,
    reason="bug: down since a month inside the window, the direction said after a comma "
    "(去年5月起，基数降到最低了 in March: 11 months below) is read as the months at the average",
)
@pytest.mark.parametrize("said", ["去年5月起，基数降到最低了", "2025年3月开始，基数就降到最低了"])
def test_down_since_a_month_told_in_the_next_clause_is_a_no(said: str) -> None:
    """Down to the minimum since 去年5月 (or since 2025年3月, 13 months back), said in March 2026:
    at most one month of the last twelve at the average wage, so the condition is not met."""
    assert read(said, TODAY) is False
