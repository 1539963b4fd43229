"""Education answers where the mutants of dialogs/parsing/education.py survived (docs/mutation.md):
a doctorate in progress or left, with or without the master's before it said, and a bachelor's
in progress said alone (what was finished before it is not said: asked)."""

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
        # a bachelor's in progress alone: after 高中 or after 大专?
        ("本科在读", Ambiguous(("none", "college"), "confirm-which")),
    ],
)
def test_an_unfinished_level_counts_what_was_finished_before_it(said: str, read: object) -> None:
    assert parse_education(said) == read
