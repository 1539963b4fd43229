"""The longest-match scanner every parser finds its phrases with (dialogs/parsing/vocabulary.py):
an English phrase is a whole word only (i have is not in i haven't, yes not in yesterday),
a one-letter one too, and a Chinese phrase next to digits is still found (211硕士). Found by
mutation testing: docs/mutation.md."""

from __future__ import annotations

import pytest

from dialogs.parsing import parse_education, parse_yes_no


@pytest.mark.parametrize("said", ["i haven't", "yesterday"])
def test_an_english_phrase_inside_a_longer_word_is_not_said(said: str) -> None:
    with pytest.raises(ValueError):
        parse_yes_no(said)


@pytest.mark.parametrize("said", ["y, please", "y，好的"])
def test_a_one_letter_phrase_is_read(said: str) -> None:
    assert parse_yes_no(said) is True


def test_a_chinese_phrase_after_digits_is_read() -> None:
    assert parse_education("211硕士") == "master"
