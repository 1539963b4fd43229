"""Answers typed by their sound (dialogs/parsing/sounds.py), where the mutation run found the
parser tests silent: a whole answer typed in the pinyin of numbers and units, with or without
blanks, split into its syllables (ershiba is 二十八); one with a word that is none of them left
as typed (sanshi bu dao is no 30); a unit typed in pinyin after a number, the longest unit first
(18 ge yue); a unit typed as another character of its sound. Found by mutation testing:
docs/mutation.md."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dialogs.parsing import parse_age, parse_months, parse_tier, parse_title, parse_yuan
from dialogs.parsing.text import Ambiguous, Unclear
from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    assert_stored,
    service_fixture,
)

TODAY = date(2026, 12, 2)


@pytest.mark.parametrize(
    ("said", "age"),
    [
        ("ershiba", 28),  # er shi ba: the last syllable two letters, the first too
        ("er shi ba", 28),
        ("sanshiwu sui", 35),
        ("SANSHI", 30),  # upper case, as a phone's keyboard may send it
        ("ershibasui", 28),
        ("32 sui", 32),  # a unit in pinyin after the number
        ("今年33随", 33),  # a unit typed as another character of its sound
    ],
)
def test_an_age_typed_by_its_sound(said: str, age: int) -> None:
    assert parse_age(said, TODAY) == age


@pytest.mark.parametrize(
    ("said", "months"),
    [
        ("san nian", 36),
        ("sannian", 36),
        ("liang nian ban", 30),
        ("yinian", 12),
        ("6nian", 72),
        ("18 ge yue", 18),  # ge yue, not ge then yue
        ("18geyue", 18),
        ("四年伴", 54),
        ("一年另两个月", 14),
        ("30个约", 30),
    ],
)
def test_months_typed_by_their_sound(said: str, months: int) -> None:
    assert parse_months(said, TODAY) == months


@pytest.mark.parametrize(
    ("said", "parse"),
    [
        ("sanshi bu dao", parse_age),  # under thirty: not 30
        ("sanshi le", parse_age),
        ("san nian bu dao", parse_months),  # under three years: not 36 months
        ("wu", parse_age),  # one syllable: 五 or 无
    ],
)
def test_pinyin_with_another_word_is_not_read_as_a_number(said: str, parse: Any) -> None:
    with pytest.raises(Unclear):
        parse(said, TODAY)


def test_other_answers_typed_by_their_sound() -> None:
    assert parse_tier("liang bei") == "2x"
    assert parse_tier("2bei") == "2x"
    assert parse_tier("三背") == "3x"
    assert parse_yuan("每年30玩") == 300000
    assert parse_title("gaoji gong") == "skill_3"
    assert parse_title("sanji") == Ambiguous(
        ("skill_3", "title_intermediate", "title_junior"), "confirm-bare-level"
    )


async def test_a_pinyin_age_is_stored_and_one_with_other_words_asked(service: Any) -> None:
    await assert_stored(service, "age", [("ershiba", 28), ("san shi wu", 35)])
    await assert_asked_not_stored(service, "age", ["sanshi bu dao"])


def test_half_a_year_typed_in_pinyin_is_six_months() -> None:
    assert parse_months("ban nian", TODAY) == 6
