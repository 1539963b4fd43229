"""Parser rules that the dialog-level tests do not single out (found by mutation testing of
dialogs/parsing; docs/mutation.md): which clause decides a yes or a no, the first-word rule,
and a field named twice with nothing saying it is the same."""

from __future__ import annotations

import pytest

from dialogs.parsing import parse_field_match, parse_yes_no


def test_the_first_clause_decides_a_yes_or_a_no() -> None:
    assert parse_yes_no("对，以前不是") is True
    assert parse_yes_no("不是，以前是") is False


def test_an_answer_outside_the_vocabulary_is_read_by_its_first_word() -> None:
    assert parse_yes_no("不大对路") is False


def test_one_field_named_twice_without_a_same_word_is_asked_again() -> None:
    with pytest.raises(ValueError):
        parse_field_match("会计，会计")
    assert parse_field_match("会计，证也是会计") is True
