"""The base condition said as a share of the months or as a change since a date
(dialogs/parsing/data/yes_no.yaml: "half or more meets it, less than half does not")."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing.conditions import parse_base_condition
from dialogs.parsing.text import Unclear

TODAY = date(2026, 11, 30)


def read(said: str, today: date = TODAY) -> bool | None:
    """The base condition read from the answer, or None when it is asked again (Unclear)."""
    try:
        return parse_base_condition(said, today)
    except Unclear:
        return None


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


@pytest.mark.parametrize(
    ("said", "met"),
    [
        ("基数跟工资一样，工资比平均工资低一些", False),
        ("基数就是工资，月薪比平均工资高", True),
    ],
)
def test_the_base_said_to_be_the_pay_is_judged_by_what_is_said_of_the_pay(
    said: str, met: bool
) -> None:
    """基数就是工资, then the pay against the average wage: the pay's words are the base's.
    The rerun of 2026-12-02 11:19: the pay branch (`_BASE_IS_PAY`, `_PAY`) was reached by no
    parser test, so every mutant of it survived."""
    assert parse_base_condition(said, TODAY) is met


@pytest.mark.parametrize(
    ("today", "met"),
    [(date(2026, 7, 30), False), (date(2026, 11, 30), False), (date(2026, 6, 30), None)],
)
def test_nothing_paid_this_year_is_a_no_only_past_june(today: date, met: bool | None) -> None:
    """今年一直没工作 in July or later leaves at most five of the last twelve months paid (a no);
    in June the six months of last year may all have been at the level: asked."""
    assert read("今年一直没工作", today) is met


@pytest.mark.parametrize("said", ["失业了半年", "离职了3个月"])
def test_months_without_work_are_not_months_at_the_level(said: str) -> None:
    """Months unemployed are months with no base at all: the other months are not said (asked),
    neither a yes (half a year at the level) nor a no (3 months of 6)."""
    assert read(said) is None


def test_six_months_said_at_a_multiple_below_the_average_is_a_no() -> None:
    """最近6个月都是按0.8倍交的: the multiple decides once six months are said, not the count."""
    assert parse_base_condition("最近6个月都是按0.8倍交的", TODAY) is False


@pytest.mark.parametrize(
    ("said", "met"),
    [
        ("6月调的基数，调完是1倍以上", True),  # six months since, at or above the average
        ("7月调的基数，调完是1倍以上", None),  # five since: the months before decide, unsaid
        ("5月调的基数，调完是0.8倍", False),  # seven months below: at most five above
        ("6月调的基数，调完是0.8倍", None),  # six below: the six before are unsaid
    ],
)
def test_an_adjustment_of_no_direction_decides_by_the_months_since_it(
    said: str, met: bool | None
) -> None:
    """A base adjusted in a month (调的基数, no up nor down said) and its level after: said on
    2026-11-30, 6月 leaves six months since (both ends counted). `_adjusted` was reached by no
    recorded call."""
    assert read(said) is met


@pytest.mark.parametrize(
    ("said", "today", "met"),
    [
        ("5月调整后涨到两倍了", TODAY, True),  # an adjustment that says up: seven months up
        ("7月调整后涨到两倍了", TODAY, False),  # five months up
        ("1月开始涨上去了", date(2026, 7, 30), True),  # January to July: seven months
        ("12月开始涨上去了", date(2026, 7, 30), True),  # last December: eight months
        ("去年9月开始涨上去了", date(2026, 3, 30), True),  # September to March: seven months
        ("去年11月开始涨上去了", date(2026, 3, 30), False),  # November to March: five months
        ("去年11月开始降到最低了", date(2026, 3, 30), True),  # April to October at the level: 7
    ],
)
def test_a_rise_in_a_month_counts_the_months_since_it(said: str, today: date, met: bool) -> None:
    """The months named 1 and 12 are months too, and an adjustment said to go up counts as a
    rise."""
    assert parse_base_condition(said, today) is met


@pytest.mark.parametrize(
    ("said", "met"),
    [
        ("我问了，0.9倍，没有", False),  # a clause of neither kind before the multiple
        ("1.5倍，没有，我查过了", None),  # the no of the middle clause disagrees with 1.5
        ("0.9到1.2倍", None),  # tiers on both sides of the average
    ],
)
def test_a_multiple_beside_a_denial_must_agree_with_it(said: str, met: bool | None) -> None:
    """A multiple with a 没有 in another clause: the clauses' yes or no must agree with the
    multiple's side, or it is asked; a multiple whose tiers fall on both sides is asked."""
    assert read(said) is met


@pytest.mark.parametrize("said", ["降到0.8倍了", "去年是0.8倍，今年涨上去了"])
def test_a_multiple_in_a_story_of_a_change_is_asked(said: str) -> None:
    """A multiple beside a rise or a fall with no month said is where the base went or came
    from, not the last twelve months' level: asked, not read as the multiple."""
    assert read(said) is None


def test_a_rough_word_beside_a_share_other_than_half_is_no_doubt() -> None:
    """大概 makes only 'about half' uncertain (maybe five months); 大概大部分月份都够 is a yes."""
    assert parse_base_condition("大概大部分月份都够", TODAY) is True


@pytest.mark.parametrize(
    ("said", "met"), [("基数和工资一样，是社平的八成", False), ("有半年失业了", None)]
)
def test_the_pay_below_the_average_and_months_unemployed_are_no_yes(
    said: str, met: bool | None
) -> None:
    assert read(said) is met
