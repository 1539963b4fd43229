"""A correction said in one answer (dialogs/parsing/words.py `corrected`): the clauses that
deny a value are dropped when a later clause says one; the dialog parses what is left."""

from __future__ import annotations

import pytest

from dialogs.parsing import corrected, parse_education


@pytest.mark.parametrize(
    ("said", "left"),
    [
        ("不是本科，是大专", "是大专"),
        ("不是本科，不是硕士，是大专", "是大专"),
        ("不是本科，，是大专", "是大专"),
        ("不是本科，也不是硕士", "也不是硕士"),  # the last clause is kept
        ("不是本科", "不是本科"),  # nothing said instead
        ("本科", "本科"),
    ],
)
def test_leading_denials_are_dropped_when_a_value_follows(said: str, left: str) -> None:
    assert corrected(said) == left


def test_the_corrected_answer_is_the_one_recorded() -> None:
    assert parse_education(corrected("不是本科，是大专")) == "college"
