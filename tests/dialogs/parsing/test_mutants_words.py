"""A correction said in one answer (dialogs/parsing/words.py `corrected`): the clauses that
deny a value are dropped when a later clause says one; the dialog parses what is left. Also
none said with fillers around it, and the longest answer read. Found by mutation testing:
docs/mutation.md."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing import (
    corrected,
    own_clauses,
    parse_education,
    parse_hires,
    parse_months,
    parse_yuan,
)
from dialogs.parsing.words import MAX_ANSWER

TODAY = date(2026, 11, 30)


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


@pytest.mark.parametrize("said", ["全部没有过", "全部都没有", "全都没有了"])
def test_none_said_after_a_longer_filler_is_none(said: str) -> None:
    """全部 before 没有 is a filler as a whole (not 全 and then 部): no tax, no hires."""
    assert parse_yuan(said, TODAY) == 0
    assert parse_hires(said, TODAY) == 0


def test_an_answer_of_the_longest_length_allowed_is_read() -> None:
    """MAX_ANSWER (200 characters) is the longest answer read; one more is a story."""
    assert parse_education("大专" + " " * (MAX_ANSWER - 2)) == "college"
    with pytest.raises(ValueError):
        parse_education("大专" + " " * (MAX_ANSWER - 1))


def test_an_age_said_only_of_someone_else_is_no_answer() -> None:
    """老婆35岁 at the age question: the wife's age is not the applicant's (asked again)."""
    assert own_clauses("老婆35岁", "age") is None


def test_a_year_said_about_someone_else_keeps_their_clause_out() -> None:
    """A year in a clause about the spouse makes it no clause of the applicant's, unless the
    next clause begins with the month of that year (2020年毕业就来上海了，7月入职)."""
    assert own_clauses("老婆2019年评的中级，我没有职称", "title") == "我没有职称"


@pytest.mark.parametrize(
    ("said", "value_left", "yes_no_left"),
    [
        # 不 and 不是 may be the answer at a yes/no question: only elsewhere a retraction
        ("2年，不，3年", "3年", "2年，不，3年"),
        ("有，不是，我哥超生的", "我哥超生的", "有，不是，我哥超生的"),
        # a clause beginning with one takes back, at a value only (the last clause too)
        ("高级，不对是中级", "是中级", "高级，不对是中级"),
        ("2年，不对是3年，在上海交的", "是3年，在上海交的", "2年，不对是3年，在上海交的"),
        # nothing said after it: nothing taken back
        ("2年，说错了", "2年，说错了", "2年，说错了"),
        # a sure retraction takes back at both
        ("有，不对，我没有", "我没有", "我没有"),
    ],
)
def test_what_a_retraction_takes_back_at_a_value_and_at_a_yes_no_question(
    said: str, value_left: str, yes_no_left: str
) -> None:
    assert corrected(said) == value_left
    assert corrected(said, yes_no=True) == yes_no_left


@pytest.mark.parametrize(
    ("said", "question"),
    [
        # a year beside 来上海 is kept when the next clause begins with its month
        ("社保交了5年，2020年来上海，7月入职", "social_insurance_months"),
        # every clause the applicant's own: the answer as typed, separators and all
        ("15,000", "insurance_base_tier"),
    ],
)
def test_an_answer_whose_clauses_are_all_its_own_is_kept_as_typed(said: str, question: str) -> None:
    assert own_clauses(said, question) == said


@pytest.mark.parametrize(
    ("said", "left"),
    [
        # what is left after the denials keeps each of its clauses, joined by a comma
        ("不是本科，是大专，有学位证", "是大专，有学位证"),
        # nothing denied: the answer as typed, its own separators kept
        ("本科, 有学位", "本科, 有学位"),
        ("本科，，有学位", "本科，，有学位"),
        # a denial with nothing after it but a comma is all there is
        ("不是本科，", "不是本科，"),
    ],
)
def test_what_is_left_after_the_denials_and_an_answer_with_none(said: str, left: str) -> None:
    assert corrected(said) == left


def test_a_year_said_about_someone_else_in_the_last_clause_is_left_out() -> None:
    """The spouse's clause last, with a year and no clause after it: only the applicant's."""
    assert own_clauses("我没有职称，老婆2019年评的中级", "title") == "我没有职称"


def test_a_clause_with_no_year_is_left_out_though_the_next_begins_with_a_month() -> None:
    """Only a clause with a year dates the month the next one begins with."""
    assert own_clauses("老婆是中级职称，3月我评了高级", "title") == "3月我评了高级"


@pytest.mark.parametrize(
    "said", ["2021年6月来上海，一直交到现在", "2021年6月来上海，从那时起开始交"]
)
def test_the_date_of_coming_is_kept_when_the_next_clause_goes_on_from_it(said: str) -> None:
    """来上海 with a date is about something else than the insurance, unless the paying goes
    on from it: then it is when the months began (June 2021 to November 2026: 65)."""
    kept = own_clauses(said, "social_insurance_months")
    assert kept == said
    assert parse_months(kept, TODAY) == 65


def test_a_clause_about_something_else_than_the_question_is_left_out() -> None:
    """来上海8年 at the insurance months is how long in Shanghai, not the months paid: only
    社保交了6年 is read (72); the two together would be two durations, asked again."""
    kept = own_clauses("来上海8年，社保交了6年", "social_insurance_months")
    assert kept == "社保交了6年"
    assert parse_months(kept, TODAY) == 72


def test_the_clauses_left_are_joined_by_a_comma() -> None:
    assert own_clauses("老婆硕士，我本科，有学位", "education") == "我本科，有学位"


@pytest.mark.parametrize(
    "said",
    [
        "没有，不好意思",
        "没有，谢谢",
        "没有没有",
        "都没有都没有",
        "都没有 都没有",
        "没 没有",
        "全都没有了，谢谢",
    ],
)
def test_none_said_twice_or_with_a_courtesy_is_none(said: str) -> None:
    """A none repeated (没有没有), two nones with a blank between them, or a none beside a
    courtesy says nothing more than none: no tax, no hires."""
    assert parse_yuan(said, TODAY) == 0
    assert parse_hires(said, TODAY) == 0
