"""The base tier paid long enough to count (dialogs/parsing/money.py `parse_tier` with the
months each tier needs: 0.8x-2x 36 months within 4 years, 3x 24 within 3): a tier begun too
recently is left out, its months read from a date or from a clause beside it. Found by
mutation testing: docs/mutation.md."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing import Ambiguous, Unclear, parse_tier

TODAY = date(2026, 11, 30)
REQUIRED = (36, 24)  # scoring/policy: the months 0.8x-2x and 3x need


def test_a_tier_begun_on_a_date_too_recent_gives_way_to_the_one_before() -> None:
    """March 2025 to November 2026 is 21 months at 3x: short of 24, so 2x counts."""
    assert parse_tier("2025年3月开始按3倍交，之前是2倍", TODAY, REQUIRED) == "2x"


def test_the_months_said_in_the_next_clause_are_the_tier_s() -> None:
    assert parse_tier("最近按3倍交的，大概30个月", TODAY, REQUIRED) == "3x"
    with pytest.raises(Unclear) as asked:  # 20 months: what was paid before is asked
        parse_tier("最近按3倍交的，大概20个月", TODAY, REQUIRED)
    assert asked.value.key == "error-tier-too-recent"


def test_half_the_cap_is_a_multiple_of_the_average_wage() -> None:
    """最高档的一半: half of 3x is 1.5 times the average wage, the 1x tier."""
    assert parse_tier("最高档的一半") == "1x"


@pytest.mark.parametrize(
    ("said", "tier"),
    [
        ("3 times since last year, 2 times before that", "2x"),  # 23 months at most
        ("2025年起按3倍，之前2倍", "2x"),  # 23 months at most
        ("2024年起按3倍交，之前2倍", "3x"),  # 35 months at most
        ("前年起按3倍交，之前2倍", "3x"),
        ("按3倍交了24个月，之前2倍", "3x"),  # exactly the 24 months 3x needs
        ("按2倍交了30个月，之前1倍", "1x"),  # 2x needs 36
    ],
)
def test_a_tier_counts_when_paid_the_months_it_needs(said: str, tier: str) -> None:
    assert parse_tier(said, TODAY, REQUIRED) == tier


@pytest.mark.parametrize(
    "said",
    [
        "按3倍交了20个月，社保一共交了5年",  # the tier's own months, not the insurance's
        "最近按3倍交的，2025年3月开始的",  # the date in the clause beside it: 21 months
    ],
)
def test_a_tier_paid_too_briefly_with_nothing_before_it_is_asked(said: str) -> None:
    with pytest.raises(Unclear) as asked:
        parse_tier(said, TODAY, REQUIRED)
    assert asked.value.key == "error-tier-too-recent"


def test_the_months_said_before_the_one_tier_said_are_its_months() -> None:
    """One tier said: months in any clause naming no tier are its months, before it too."""
    with pytest.raises(Unclear) as asked:
        parse_tier("大概20个月，最近是按3倍交的", TODAY, REQUIRED)
    assert asked.value.key == "error-tier-too-recent"


def test_of_two_tiers_the_months_right_after_one_are_its_own() -> None:
    """3x for only one year (12 of the 24 months it needs): the floor said before it counts."""
    assert parse_tier("3倍，但只交了一年，之前是最低", TODAY, REQUIRED) == "none"


@pytest.mark.parametrize(
    "said", ["之前是2倍，最近按3倍交，只交了一年", "之前是2倍，最近按3倍交，2025年3月开始的"]
)
def test_the_months_after_the_later_of_two_tiers_are_its_own(said: str) -> None:
    """3x for a year, or since March 2025 (21 months): short of its 24, so 2x counts."""
    assert parse_tier(said, TODAY, REQUIRED) == "2x"


WINDOWS = (48, 36)  # scoring/policy: the months 0.8x-2x and 3x look back over


@pytest.mark.parametrize(
    ("said", "tier"),
    [
        ("以前是两倍，最近两年降到一倍了", "1x"),  # 2x: 24 of the 48 months, short of 36
        ("以前是两倍，最近13个月降到一倍了", "1x"),  # 35 of 48
        ("以前是两倍，最近一年降到一倍了", "2x"),  # 36 of 48: 2x still counts
        ("以前是两倍，最近半年降到一倍了", "2x"),
        ("以前是三倍，最近13个月降到两倍了", "2x"),  # 3x: 23 of its 36, short of 24
        ("以前是三倍，最近一年降到两倍了", "3x"),  # 24 of 36
        ("以前是两倍，最近两年一倍", "2x"),  # no drop said: the brief 1x is left out
    ],
)
def test_a_recent_drop_counts_when_it_leaves_the_tier_before_too_few_months(
    said: str, tier: str
) -> None:
    assert parse_tier(said, TODAY, REQUIRED, WINDOWS) == tier


def test_a_drop_with_no_tier_before_it_asks_what_came_before() -> None:
    with pytest.raises(Unclear) as asked:
        parse_tier("最近两年降到一倍了 ", TODAY, REQUIRED, WINDOWS)
    assert (asked.value.key, asked.value.values) == (
        "error-tier-too-recent",
        {"said": "最近两年降到一倍了"},  # the answer is shown back as said
    )


@pytest.mark.parametrize(("said", "tier"), [("0.8", "0.8x"), ("2", "2x")])
def test_a_bare_multiple_with_nothing_left_out_is_read(said: str, tier: str) -> None:
    assert parse_tier(said, TODAY, REQUIRED) == tier


def test_the_tier_before_a_drop_is_held_to_its_own_window() -> None:
    """In the edition both windows leave 12 months to spare (48 - 36, 36 - 24); with a 3x
    window of 30 months, 12 months after a drop from 3x leave 18, short of 24, and from 2x
    36 of 48, enough."""
    assert parse_tier("以前是三倍，最近一年降到两倍了", TODAY, REQUIRED, (48, 30)) == "2x"
    assert parse_tier("以前是两倍，最近一年降到一倍了", TODAY, REQUIRED, (48, 30)) == "2x"


@pytest.mark.parametrize(("said", "tier"), [("社平，0.8", "0.8x"), ("基数是社平，2", "2x")])
def test_a_multiple_said_after_the_average_wage_in_a_clause_of_its_own_counts(
    said: str, tier: str
) -> None:
    """社平，0.8: the clause after 社平 names no tier word but holds the multiple."""
    assert parse_tier(said, TODAY, REQUIRED) == tier


@pytest.mark.parametrize(("said", "tier"), [("三倍，没到", "2x"), ("两倍，还不到", "1x")])
def test_a_tier_not_reached_said_after_a_comma_is_the_tier_below(said: str, tier: str) -> None:
    assert parse_tier(said, TODAY, REQUIRED) == tier


@pytest.mark.parametrize("said", ["两倍，或者三倍", "两倍，也可能是三倍", "可能两倍，也可能三倍"])
def test_two_tiers_said_as_alternatives_are_asked_between(said: str) -> None:
    assert parse_tier(said, TODAY, REQUIRED) == Ambiguous(("3x", "2x"), "confirm-tier")


def test_without_the_months_needed_no_tier_is_left_out() -> None:
    """parse_tier with today but no months needed: the tier said is read as it is."""
    assert parse_tier("最近按3倍交的，大概20个月", TODAY) == "3x"


@pytest.mark.parametrize(
    ("said", "tier"),
    [
        ("顶格", "3x"),
        ("按最高的交", "3x"),
        ("基本上是顶格", Ambiguous(("3x", "2x"), "confirm-tier")),  # at the cap, or just below
        ("最低", "none"),
        ("差不多最低", Ambiguous(("0.8x", "none"), "confirm-tier")),  # the floor, or just over
        ("最低档的两倍", "1x"),  # a multiple of the floor is no floor
        ("按社平交", "1x"),  # neither: the average wage itself
    ],
)
def test_the_cap_and_the_floor_said_in_words(said: str, tier: str | Ambiguous) -> None:
    assert parse_tier(said) == tier


def test_a_salary_said_as_a_multiple_is_not_taken_for_the_base() -> None:
    """我工资是社平的两倍: the base may not be the pay; said to be paid on the pay, it is."""
    with pytest.raises(Unclear) as asked:
        parse_tier("我工资是社平的两倍")
    assert (asked.value.key, asked.value.values) == (
        "error-tier-money",
        {"said": "我工资是社平的两倍"},
    )
    assert parse_tier("按我的工资交，是社平的两倍") == "2x"


@pytest.mark.parametrize(
    ("said", "tier"),
    [
        ("八九成", "0.8x"),  # 0.8 to 0.9
        ("七八成", Ambiguous(("0.8x", "none"), "confirm-tier")),  # 0.7 to 0.8
        ("比社平低一点", Ambiguous(("0.8x", "none"), "confirm-tier")),  # 一点 is no 1
    ],
)
def test_neighbouring_tenths_and_a_little_lower_are_read_as_said(
    said: str, tier: str | Ambiguous
) -> None:
    assert parse_tier(said) == tier


def either(higher: str, lower: str) -> Ambiguous:
    return Ambiguous((higher, lower), "confirm-tier")


@pytest.mark.parametrize(
    ("said", "tier"),
    [
        # near the cap may be at it
        ("接近3倍", either("3x", "2x")),
        ("接近社平的3倍", either("3x", "2x")),
        # 多, 以上: up to the next tenth after a decimal or tenths, half more after a whole one
        ("0.75倍多", either("0.8x", "none")),
        ("1.95倍多", either("2x", "1x")),
        ("2.95倍以上", either("3x", "2x")),
        ("1.9倍多", "1x"),
        ("七成多", "none"),
        ("九成多", "0.8x"),
        ("2倍9左右", either("3x", "2x")),  # 2.9 within a twentieth
        ("2到10倍", either("3x", "2x")),  # 10 is still a multiple (above the cap)
        ("社平的80%", "0.8x"),
        ("社平的3", "3x"),  # a bare number up to 3 beside 社平 is the multiple
        ("社平，我们4个人都是", "1x"),  # above 3, something else: 社平 itself
        ("4 times the average", "3x"),  # above the cap with times: the cap
        ("差一点到两倍", "1x"),  # 一点 is no number
    ],
)
def test_a_multiple_with_its_hedge_is_the_tier_or_tiers_it_reaches(
    said: str, tier: str | Ambiguous
) -> None:
    """Found by mutation testing of `_tier_of` (2026-12-01): no answer of the parser set was
    near the cap, a tenth above a decimal across a floor, or a bare number beside 社平."""
    assert parse_tier(said) == tier


@pytest.mark.parametrize(
    ("said", "tier"),
    [
        ("about the average", either("1x", "0.8x")),
        ("less than the average wage", either("0.8x", "none")),
        ("比社平高一点", "1x"),  # just above it, under twice it
        ("a bit above the average", "1x"),
    ],
)
def test_the_average_wage_with_a_word_of_more_or_less(said: str, tier: str | Ambiguous) -> None:
    assert parse_tier(said) == tier


def test_a_bare_number_above_ten_is_taken_for_money_and_shown_back() -> None:
    with pytest.raises(Unclear) as asked:
        parse_tier(" 11 ")
    assert (asked.value.key, asked.value.values) == ("error-tier-money", {"said": "11"})


def test_a_multiple_above_ten_is_refused_as_out_of_range() -> None:
    with pytest.raises(Unclear) as refused:
        parse_tier("10.5倍")
    assert refused.value.key == "error-tier-range"


@pytest.mark.parametrize("said", ["2 to 3 times the average", "2-3 times"])
def test_a_range_of_multiples_in_english_is_asked_between_its_tiers(said: str) -> None:
    """2到3倍 and 2 or 3 times ask 3x or 2x; 2 to 3 times and 2-3 times are 2x, silently."""
    assert parse_tier(said) == either("3x", "2x")


def test_two_point_something_times_is_the_2x_tier() -> None:
    """一点几倍 is 1x; 两点几倍 (2.something) is refused and asked again."""
    assert parse_tier("两点几倍") == "2x"
