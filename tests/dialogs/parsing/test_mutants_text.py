"""Text as every parser reads it (dialogs/parsing/text.py): English dates day first, the
Republic-era years, numerals cn2an would misread (三十有九, 两百万, 下周三, 3rd, 1,200), words
kept out of the numbers (一直2倍), the longest number taken, and what a chat client may send
(blanks, half an emoji). Found by mutation testing: docs/mutation.md."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing import (
    BONUS_ITEMS,
    Unclear,
    digits,
    parse_age,
    parse_bonus,
    parse_endorsed_date,
    parse_hires,
    parse_tier,
    parse_yes_no,
    parse_yuan,
)

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize("said", ["14 feb 2025", "14th of february, 2025", "14 February 2025"])
def test_an_english_date_said_day_first(said: str) -> None:
    assert parse_endorsed_date(said, TODAY) == date(2025, 2, 14)


def test_a_republic_era_year_is_the_western_year() -> None:
    assert parse_age("民国75年生", TODAY) == 40  # 1986: 39 or 40, 30 points either way
    assert digits("民国元年") == "1912年"  # 元年 is the first year


@pytest.mark.parametrize(
    ("said", "age"),
    [
        ("三十有九", 39),  # classical N有M
        ("下周三满40", 39),  # a weekday is no number
    ],
)
def test_numerals_cn2an_would_misread_in_an_age(said: str, age: int) -> None:
    assert parse_age(said, TODAY) == age


def test_an_english_ordinal_picks_one_item() -> None:
    assert parse_bonus("the 3rd", TODAY) == (BONUS_ITEMS[2],)


def test_two_before_a_unit_of_ten_thousand() -> None:
    assert parse_yuan("两百万", TODAY) == 2_000_000


def test_thousands_separators_are_one_number() -> None:
    with pytest.raises(Unclear) as refused:  # 1200 hires, out of range: never 1
        parse_hires("1,200人", TODAY)
    assert refused.value.key == "error-count-range"


def test_a_word_beginning_with_one_is_no_number() -> None:
    assert parse_tier("一直2倍", TODAY) == "2x"  # not 1直2倍


def test_an_amount_of_twelve_digits_is_read_and_refused_for_its_size() -> None:
    with pytest.raises(Unclear) as refused:
        parse_yuan("100000000000", TODAY)
    assert refused.value.key == "error-amount-range"


@pytest.mark.parametrize("said", ["of  course", "of\ncourse", "是\ud83d", "\ud83d\ud83d对"])
def test_blanks_and_half_an_emoji_do_not_change_the_answer(said: str) -> None:
    """Blanks of any kind are one blank; a lone surrogate (half an emoji, as a client may
    send) is dropped, not a crash."""
    assert parse_yes_no(said) is True
