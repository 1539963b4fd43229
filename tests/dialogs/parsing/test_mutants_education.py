"""Education answers where the mutants of dialogs/parsing/education.py survived (docs/mutation.md):
a doctorate in progress or left, with or without the master's before it said, a graduate
student's word naming neither degree, which level an unfinished word is said of, a
bachelor's in progress said alone (what was finished before it is not said: asked), a level
completed without its diploma (结业) and a doctorate with its degree certificate only."""

from __future__ import annotations

import pytest

from dialogs.parsing import parse_education
from dialogs.parsing.text import Ambiguous, Unclear

CONFIRM_DEGREE = Ambiguous(("bachelor_degree", "bachelor"), "confirm-bachelor")


@pytest.mark.parametrize(
    ("said", "read"),
    [
        # a doctorate not finished, the master's before it unsaid (直博 skips it): asked
        ("博士在读", Ambiguous(("master", "bachelor_degree"), "confirm-which")),
        ("博士读了两年退学了", Ambiguous(("master", "bachelor_degree"), "confirm-which")),
        # the master's said: it is what counts
        ("硕士毕业，博士在读", "master"),
        ("硕士，博士没读完", "master"),
        # a graduate student's word naming neither degree: a master's or a doctorate?
        ("研究生毕业", Ambiguous(("master", "doctor"), "confirm-which")),
        ("读完研了", Ambiguous(("master", "doctor"), "confirm-which")),
        ("硕士研究生毕业", "master"),
        # an unfinished word is said of the level nearest it, the one before it on a tie
        ("大专 本科在读", "college"),
        ("高中毕业 大专在读", "none"),
        ("本科 在读硕士", Ambiguous(("bachelor_degree", "bachelor"), "confirm-bachelor")),
        ("大专没读完本科毕业了", Ambiguous(("bachelor_degree", "bachelor"), "confirm-bachelor")),
        # a bachelor's in progress alone: after 高中 or after 大专?
        ("本科在读", Ambiguous(("none", "college"), "confirm-which")),
    ],
)
def test_an_unfinished_level_counts_what_was_finished_before_it(said: str, read: object) -> None:
    assert parse_education(said) == read


@pytest.mark.parametrize(
    ("said", "read"),
    [
        # 结业: the level's study completed without its diploma; whether it counts is asked
        ("本科结业", Ambiguous(("bachelor", "none"), "confirm-which")),
        ("专升本，结业了", Ambiguous(("bachelor", "college"), "confirm-which")),
        # the diploma missing is the lower level's: the bachelor's finished counts
        ("大专结业，本科毕业", Ambiguous(("bachelor_degree", "bachelor"), "confirm-bachelor")),
        # below every level that counts, 结业 changes nothing
        ("高中结业", "none"),
    ],
)
def test_a_level_completed_without_its_diploma_is_asked(said: str, read: object) -> None:
    assert parse_education(said) == read


@pytest.mark.parametrize(("said", "level"), [("博士结业", "doctor"), ("硕士结业", "master")])
def test_a_graduate_level_completed_without_its_diploma_is_asked(said: str, level: str) -> None:
    read = parse_education(said)
    assert isinstance(read, Ambiguous) and level in read.options


@pytest.mark.parametrize(
    "said", ["只有博士学位证", "博士学位，没有博士毕业证", "硕士毕业，博士只有学位证"]
)
def test_a_doctorate_with_its_degree_certificate_only_is_asked_against_the_master(
    said: str,
) -> None:
    assert parse_education(said) == Ambiguous(("doctor", "master"), "confirm-which")


@pytest.mark.parametrize(
    ("said", "read"),
    [
        # a master's with the degree certificate only, said in words or by pattern: asked
        ("硕士，同等学力", Ambiguous(("master", "bachelor_degree"), "confirm-which")),
        ("只拿到硕士学位", Ambiguous(("master", "bachelor_degree"), "confirm-which")),
        # one often studied that way, neither certificate said: asked; both said: the master's
        ("MBA", Ambiguous(("master", "bachelor_degree"), "confirm-which")),
        ("EMBA，毕业证和学位证都有", "master"),
        ("在职研究生，双证", "master"),
    ],
)
def test_a_master_held_with_the_degree_certificate_only_is_asked(said: str, read: object) -> None:
    assert parse_education(said) == read


@pytest.mark.parametrize(
    ("said", "read"),
    [
        # a course is no level, nor the level word naming it: the level said beside it counts
        ("大专，上过硕士研修班", "college"),
        ("本科，读过研究生课程进修班", CONFIRM_DEGREE),
    ],
)
def test_a_course_named_after_a_level_is_no_level(said: str, read: object) -> None:
    assert parse_education(said) == read


@pytest.mark.parametrize(
    ("said", "read"),
    [
        # a level with 以下 after it (a space between, or another level before it) is below it
        ("大专 以下", "none"),
        ("初中毕业，大专以下", "none"),
        # below a bachelor's: a college diploma or none, asked; below a master's: asked again
        ("本科以下", Ambiguous(("college", "none"), "confirm-which")),
        ("没有本科学历", Ambiguous(("college", "none"), "confirm-which")),
    ],
)
def test_a_level_said_with_below_after_it_is_what_lies_below(said: str, read: object) -> None:
    assert parse_education(said) == read


def test_below_a_masters_is_asked_again() -> None:
    with pytest.raises(Unclear):
        parse_education("硕士以下")


@pytest.mark.parametrize("said", ["大学毕业", "上过大学"])
def test_university_alone_is_asked_which_level(said: str) -> None:
    # 大学 names no level: 本科 with or without its degree, or 大专
    assert parse_education(said) == Ambiguous(
        ("bachelor_degree", "bachelor", "college"), "confirm-which"
    )


@pytest.mark.parametrize(
    ("said", "read"),
    [
        # a level the state's register does not show may not count: asked against none
        ("大专，但学信网查不到", Ambiguous(("college", "none"), "confirm-which")),
        ("高中，学信网查不到", "none"),
    ],
)
def test_a_level_not_recognised_is_asked(said: str, read: object) -> None:
    assert parse_education(said) == read


@pytest.mark.parametrize(
    ("said", "read"), [("高中毕业在读大专", "none"), ("大专毕业在读本科", "college")]
)
def test_a_level_graduated_before_the_one_in_progress_counts(said: str, read: str) -> None:
    assert parse_education(said) == read
