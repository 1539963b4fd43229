"""Amounts in yuan (dialogs/parsing/yuan.py) where its mutants survived the parser set
(docs/mutation.md): the years the total-or-yearly question names. `Ambiguous` compares its
options and key only, so a test comparing whole readings never saw them."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing import Ambiguous, parse_yuan
from dialogs.parsing.text import Unclear

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


@pytest.mark.parametrize(
    "said", ["公司在江苏注册的，一年交税50万", "公司是在浙江注册的，每年纳税30万"]
)
def test_the_tax_of_a_company_outside_shanghai_is_none(said: str) -> None:
    assert parse_yuan(said, TODAY) == 0.0


@pytest.mark.parametrize(
    ("said", "tax"),
    [
        ("两个人合伙，一人一半，公司一年纳税40万", 200_000.0),
        ("三个人合伙，股份平分，一年交税60万", 200_000.0),
        ("两个人合伙，股份平分，一年交税40万", 200_000.0),
    ],
)
def test_the_tax_is_counted_by_a_share_said_without_a_number(said: str, tax: float) -> None:
    assert parse_yuan(said, TODAY) == tax


def test_partners_said_without_a_share_ask_for_it_with_the_answer() -> None:
    with pytest.raises(Unclear) as asked:
        parse_yuan("和朋友合伙开的，一年交税40万", TODAY)
    assert (asked.value.key, asked.value.values) == (
        "error-tax-share",
        {"said": "和朋友合伙开的，一年交税40万"},
    )


@pytest.mark.parametrize(
    "said",
    [
        "前年1万，去年1万，今年100000",  # ten times every amount said with its unit
        "前年1万，去年1万，今年105000",
        "前年10000，去年10万，今年10万",  # a tenth of every one
        "前年9500，去年10万，今年10万",
    ],
)
def test_a_bare_yearly_amount_ten_times_or_a_tenth_of_the_others_is_asked(said: str) -> None:
    """A bare number of a list is read in yuan only on the scale of the amounts said with
    their unit, less than ten times either way; else it may be in 万 too: asked."""
    with pytest.raises(Unclear):
        parse_yuan(said, TODAY)


@pytest.mark.parametrize(
    ("said", "tax"),
    [("前年1万，去年1万，今年99999", 39_999.6), ("前年10001，去年10万，今年10万", 70_000.3)],
)
def test_a_bare_yearly_amount_just_inside_the_scale_is_in_yuan(said: str, tax: float) -> None:
    assert parse_yuan(said, TODAY) == pytest.approx(tax)


@pytest.mark.parametrize(
    ("said", "tax"),
    [
        ("前年1，去年20，今年30万", 170_000),  # a small bare number: in the last unit said
        ("前年1200，去年1500，今年1800万", 15_000_000),  # a large one on its scale: too
        ("前年1000，去年1500，今年2千", 1_500),  # 1,000 and over off that scale: in yuan
    ],
)
def test_a_bare_yearly_amount_takes_the_last_unit_said_when_small_or_on_its_scale(
    said: str, tax: int
) -> None:
    assert parse_yuan(said, TODAY) == pytest.approx(tax)


@pytest.mark.parametrize(
    ("said", "tax"),
    [("不到10万", 99_997), ("不到20万", 199_997), ("10多万", 110_000), ("10万出头", 110_000)],
)
def test_a_little_under_or_over_is_stored_just_under_or_a_tenth_over(said: str, tax: int) -> None:
    """The value kept (shown back in the summary): 不到10万 stays under the 100,000 step."""
    assert parse_yuan(said, TODAY) == tax


def test_a_company_younger_than_the_three_years_asks_each_years_tax_with_the_answer() -> None:
    with pytest.raises(Unclear) as asked:
        parse_yuan("公司去年才成立，交了30万", TODAY)
    assert (asked.value.key, asked.value.values) == (
        "error-tax-young-company",
        {"said": "公司去年才成立，交了30万"},
    )
