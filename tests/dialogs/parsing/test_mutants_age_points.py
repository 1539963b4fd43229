"""Whether the ages an answer leaves score alike (dialogs/parsing/age_points.py), where its
mutants survived the parser set (docs/mutation.md): ages that score three ways are asked
again, never two of them offered."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing import Unclear, parse_age
from dialogs.parsing.age_points import of_ages

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize("said", ["45岁左右", "四十五岁左右"])
def test_a_hedged_age_whose_ages_score_three_ways_is_asked_again(said: str) -> None:
    with pytest.raises(Unclear):  # 44, 45, 46: 29, 27 and 25 points
        parse_age(said, TODAY)


@pytest.mark.parametrize("ages", [{43, 44, 45}, {54, 55, 56, 57}])
def test_three_ages_scoring_three_ways_are_asked_again(ages: set[int]) -> None:
    with pytest.raises(Unclear):
        of_ages(ages)
