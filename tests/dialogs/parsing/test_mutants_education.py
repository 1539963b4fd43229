"""Education answers where the mutants of dialogs/parsing/education.py survived (docs/mutation.md):
a doctorate in progress or left, with or without the master's before it said, a graduate
student's word naming neither degree, which level an unfinished word is said of, and a
bachelor's in progress said alone (what was finished before it is not said: asked)."""

from __future__ import annotations

import pytest

from dialogs.parsing import parse_education
from dialogs.parsing.text import Ambiguous


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
