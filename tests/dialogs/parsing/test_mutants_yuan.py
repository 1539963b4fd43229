"""Amounts in yuan (dialogs/parsing/yuan.py) where its mutants survived the parser set
(docs/mutation.md): the years the total-or-yearly question names. `Ambiguous` compares its
options and key only, so a test comparing whole readings never saw them."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing import Ambiguous, parse_yuan

TODAY = date(2026, 11, 30)
# The question's words around its placeholder (dialogs/locales/answers.zh-CN.yaml).
QUESTION = "是 {years} 年加起来的总数"


@pytest.mark.parametrize(
    ("said", "options", "years"),
    [
        ("两年交了60万", (300_000, 600_000), "2"),
        ("这四年交了200万", (500_000, 2_000_000), "4"),
        ("24个月交了48万", (240_000, 480_000), "2"),
    ],
)
def test_a_sum_over_whole_years_asks_whether_it_is_their_total_naming_the_years(
    said: str, options: tuple[int, ...], years: str
) -> None:
    read = parse_yuan(said, TODAY)
    assert isinstance(read, Ambiguous)
    assert (read.options, read.key) == (options, "confirm-tax-total")
    assert QUESTION.format(**read.values) == f"是 {years} 年加起来的总数"
