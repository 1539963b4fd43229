"""Picks and counts (dialogs/parsing/choices.py) where the mutation run found the parser tests
silent: occurrences dated against a deduction's window (only those inside count, one on its
edge is asked, a count the dates do not account for is asked again), an award after a denied
one. Found by mutation testing: docs/mutation.md."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing import parse_award, parse_bonus, parse_count, parse_hires
from dialogs.parsing.choices import BONUS_ITEMS, ordinal
from dialogs.parsing.text import Ambiguous, Unclear

TODAY = date(2026, 11, 30)
WINDOW = 5  # years a detention counts for


@pytest.mark.parametrize(
    ("said", "counted"),
    [
        ("去年一次", 1),
        ("去年两次", 2),  # a date with its count
        ("前年一次，大前年一次", 2),
        ("两次，一次是2019年，一次是去年", 1),  # 2019 is outside the five years
        ("去年一次，2019年和2024年各一次", 2),  # each date once, the clauses added up
        ("打架一次，酒驾一次，去年和2019年", 1),  # two counted, two dated: the dated ones decide
    ],
)
def test_only_the_occurrences_inside_the_window_count(said: str, counted: int) -> None:
    assert parse_count(said, TODAY, WINDOW) == counted


def test_an_occurrence_on_the_edge_of_the_window_is_asked() -> None:
    # 2021 is five years ago: inside or not by the day; 1 counted, or none
    assert parse_count("2021年一次", TODAY, WINDOW) == Ambiguous((1, 0), "confirm-which")


@pytest.mark.parametrize("said", ["三次，其中一次是六年前", "去年两三次"])
def test_a_count_the_dates_do_not_settle_is_asked_again(said: str) -> None:
    with pytest.raises(ValueError):  # which two of three? two or three last year?
        parse_count(said, TODAY, WINDOW)


def test_an_award_denied_before_the_one_held_is_not_taken() -> None:
    assert parse_award("不是省部级，是市级综合") == "city_comprehensive"


@pytest.mark.parametrize("said", ["不是省部级", "不是全国的", "没有，不是省部级", "not national"])
def test_an_award_only_denied_is_asked_again_not_taken(said: str) -> None:
    with pytest.raises(ValueError):  # was taken as the national award it denies
        parse_award(said)


@pytest.mark.parametrize(
    ("said", "picked"),
    [
        ("8", ("entrepreneur_talent",)),  # the last of the eight items
        ("13", ("shortage_major", "public_service")),  # two items typed together
        ("1 3", ("shortage_major", "public_service")),
    ],
)
def test_bonus_items_are_picked_by_their_numbers(said: str, picked: tuple[str, ...]) -> None:
    assert parse_bonus(said, TODAY) == picked


def test_the_last_item_shown_is_picked_by_its_number_and_the_next_is_refused() -> None:
    shown = BONUS_ITEMS[:3]  # the items earlier answers leave possible
    assert parse_bonus("3", TODAY, shown) == ("public_service",)
    with pytest.raises(Unclear) as refused:
        parse_bonus("4", TODAY, shown)
    assert (refused.value.key, refused.value.values) == ("error-bonus-number", {"most": 3})


def test_ten_among_ten_items_is_the_tenth_not_one_and_zero() -> None:
    items = (*BONUS_ITEMS, "extra_1", "extra_2")
    assert parse_bonus("10", TODAY, items) == ("extra_2",)


def test_a_count_up_to_sixty_is_taken_and_above_is_refused_with_it() -> None:
    assert parse_count("60次", TODAY) == 60
    with pytest.raises(Unclear) as refused:
        parse_count("61次", TODAY)
    assert (refused.value.key, refused.value.values) == ("error-count-range", {"value": 61})


def test_no_award_is_none() -> None:
    assert parse_award("没有") == "none"


@pytest.mark.parametrize(
    ("said", "hires"),
    [
        # none of Shanghai hukou, said with no number: none
        ("没有上海户口的员工", 0),
        ("没上海户籍的", 0),
        # 没 said before a number is no none
        ("没多少，就3个", 3),
        # the Shanghai-hukou part of the staff is the count, in Chinese and in English
        ("招了40人，其中上海户口12个", 12),
        ("40 staff, 12 of them have a shanghai hukou", 12),
        # a yearly listing with the applicant's share: the share of the yearly average
        ("前年20个，去年30个，今年40个，我占一半", 15),
    ],
)
def test_the_shanghai_hukou_hires_counted(said: str, hires: float) -> None:
    assert parse_hires(said, TODAY) == hires


def test_a_hedged_count_with_the_applicants_share() -> None:
    assert parse_hires("三十多个，我占一半", TODAY) == 17
    assert parse_hires("二十个左右，我占一半", TODAY) == Ambiguous(
        (9, 10), "confirm-which", {"fewer": 0, "more": 1}
    )


@pytest.mark.parametrize(
    ("said", "position"),
    [
        ("倒数第二个", 4),
        ("我选倒数第二个", 4),
        ("second to last", 4),
        ("选最后一个", 5),
        ("the last one", 5),
        ("the one before last.", 4),  # 20 characters, the longest pick read
    ],
)
def test_the_last_and_the_second_last_of_five(said: str, position: int) -> None:
    assert ordinal(said, 5) == position


@pytest.mark.parametrize(
    ("said", "position", "size"),
    [
        ("中间那个", 3, 5),
        ("选中间的", 4, 7),
        ("the middle one", 3, 5),
        ("中间", 2, 3),
        ("中间那个", None, 4),  # an even list has no middle
        ("2", 2, 5),  # a number is its position, not the middle
    ],
)
def test_the_middle_of_an_odd_list(said: str, position: int | None, size: int) -> None:
    assert ordinal(said, size) == position


@pytest.mark.parametrize(
    ("said", "counted"),
    [
        ("不到3次", 2),  # fewer than three: two, not asked
        ("大概5次", Ambiguous((4, 5, 6), "confirm-which", {"fewer": 4, "more": 6})),
        ("大约20次", Ambiguous((18, 19, 20, 21, 22), "confirm-which", {"fewer": 18, "more": 22})),
    ],
)
def test_how_wide_a_hedged_count_is(said: str, counted: int | Ambiguous) -> None:
    assert parse_count(said, TODAY) == counted


@pytest.mark.parametrize(
    ("said", "hires"),
    [
        # points count tens: a hedge below or above a round ten reaches the next ten
        ("不到30个", 27),
        ("30个以上", Ambiguous((30, 40, 50), "confirm-which", {"fewer": 3, "more": 5})),
        ("10个以上", Ambiguous((10, 20, 30), "confirm-which", {"fewer": 1, "more": 3})),
        # a hedge beside a number that is no round ten stays within its ten
        ("不到15个", 14),
        ("15个以上", 15),
        # about: a tenth either side
        ("二十个左右", Ambiguous((18, 20), "confirm-which", {"fewer": 1, "more": 2})),
        ("31个左右", Ambiguous((28, 30), "confirm-which", {"fewer": 2, "more": 3})),
    ],
)
def test_how_wide_a_hedged_number_of_hires_is(said: str, hires: float | Ambiguous) -> None:
    assert parse_hires(said, TODAY) == hires


@pytest.mark.parametrize(
    ("said", "counted"),
    [
        ("3次多", 4),  # a little over three: four
        ("3次以上", Ambiguous((3, 4, 5, 6, 7), "confirm-which", {"fewer": 3, "more": 7})),
        ("不到1次", 0),
        ("never", 0),
        ("没被拘留过", 0),
        ("没多少，就2次", 2),  # 没 before a number is no none
    ],
)
def test_a_count_over_under_or_none(said: str, counted: int | Ambiguous) -> None:
    assert parse_count(said, TODAY) == counted


@pytest.mark.parametrize(
    ("said", "hires"),
    [
        ("25个左右", 25),  # about 25: within one ten, the number said
        ("25个左右，我占一半", 12),  # the applicant's half of it
    ],
)
def test_about_a_number_of_hires_within_one_ten(said: str, hires: float) -> None:
    assert parse_hires(said, TODAY) == hires


@pytest.mark.parametrize(
    ("said", "awards"),
    [
        ("市里发的奖", ("city_comprehensive", "city_specific")),  # which kind of city award?
        ("省级还是市级的，我分不清", ("national", "city_comprehensive", "city_specific")),
    ],
)
def test_an_award_of_the_city_unsaid_which_is_asked(said: str, awards: tuple[str, ...]) -> None:
    assert parse_award(said) == Ambiguous(awards, "confirm-which")


def test_the_spouse_item_named_alone_is_the_item_as_listed_a_spouse_said_is_asked() -> None:
    assert parse_bonus("配偶", TODAY) == ("spouse_hukou",)
    assert parse_bonus("我有老婆", TODAY) == Ambiguous(
        (("spouse_hukou",), ()), "confirm-spouse-hukou"
    )


def test_an_item_said_with_a_hedge_is_asked_and_beside_another_the_answer_is() -> None:
    assert parse_bonus("专业好像在紧缺目录里", TODAY) == Ambiguous(
        (("shortage_major",), ()), "confirm-which"
    )
    with pytest.raises(Unclear):  # which of the two holds for sure?
        parse_bonus("我是环卫工人，专业好像是紧缺的", TODAY)
    with pytest.raises(Unclear):  # two in doubt: asked again, not one asked of the two
        parse_bonus("我好像是环卫，专业可能是紧缺的", TODAY)


@pytest.mark.parametrize("said", ["不超过2次", "没超过2次", "没有超过两次", "最多2次", "at most 2"])
def test_not_more_than_a_count_is_asked_again(said: str) -> None:
    with pytest.raises(Unclear):  # 2 or fewer: which is not said (before, 2 to 6 offered)
        parse_count(said, TODAY)


@pytest.mark.parametrize(
    ("said", "picked"),
    [
        # an item word beside the same item's 'not' word is no pick: a company's prize
        ("公司评的奖", ()),
        # a negator right before the item, also after 了 was dropped or a blank
        ("结了婚，老婆不是上海人", ()),
        ("毕业好几年了，非应届生", ()),
        ("不是 应届生", ()),
        ("no spouse", ()),
        # a denied item does not stop the reading of the next one
        ("不是应届，老婆是上海户口", ("spouse_hukou",)),
        # the spouse's hukou said to be elsewhere in the words between (a pattern)
        ("老婆户口还在老家", ()),
    ],
)
def test_bonus_items_denied_or_voided_in_words(said: str, picked: tuple[str, ...]) -> None:
    assert parse_bonus(said, TODAY) == picked


@pytest.mark.parametrize("said", ["公司在临港但我平时在市区办公", "公司在临港，我在陆家嘴上班"])
def test_a_workplace_outside_the_remote_area_is_asked(said: str) -> None:
    assert parse_bonus(said, TODAY) == Ambiguous((("remote_area",), ()), "confirm-remote-area")


def test_a_workplace_said_alone_is_no_item() -> None:
    assert parse_bonus("我在浦东金桥上班", TODAY) == ()


def test_all_but_one_item_is_read_against_the_list_shown_and_today() -> None:
    assert parse_bonus("除了配偶，其他都没有", TODAY) == ("spouse_hukou",)
    assert parse_bonus("除了第3个都没有", TODAY, BONUS_ITEMS[3:6]) == ("award",)
    # 2026届 is this year's class only against today
    assert parse_bonus("除了2026届这条，别的都没有", TODAY) == Ambiguous(
        (("fresh_graduate",), ()), "confirm-fresh-graduate"
    )


def test_the_last_item_is_the_last_of_the_list_shown() -> None:
    assert parse_bonus("最后一个", TODAY) == ("entrepreneur_talent",)
    assert parse_bonus("最后一个", TODAY, BONUS_ITEMS[:3]) == ("public_service",)
    assert parse_bonus("倒数第二个", TODAY, BONUS_ITEMS[:3]) == ("investment",)
    # one item shown: the last one and the middle one are the first
    assert parse_bonus("最后一个", TODAY, BONUS_ITEMS[:1]) == ("shortage_major",)
    assert parse_bonus("中间那个", TODAY, BONUS_ITEMS[:1]) == ("shortage_major",)


@pytest.mark.parametrize("said", ["第一和第三个", "#1 #3"])
def test_item_numbers_said_with_their_ordinal_words(said: str) -> None:
    assert parse_bonus(said, TODAY) == ("shortage_major", "public_service")


def test_an_item_number_said_beside_an_item_in_words_is_picked_too() -> None:
    assert parse_bonus("有7，还有个市级表彰", TODAY) == ("award", "spouse_hukou")
    with pytest.raises(Unclear):  # item 1 for sure, the spouse's hukou in doubt: asked again
        parse_bonus("有1，老公是上海人", TODAY)


def test_an_item_number_beside_a_denied_item_is_picked() -> None:
    # item 7 (the spouse) was dropped, silently: the number is read only beside a picked word
    assert parse_bonus("不是应届，有7", TODAY) == ("spouse_hukou",)
