"""Not even one Shanghai-hukou hire (一个都没有，都是新上海人) is none, not 1."""

from __future__ import annotations

import pytest

from dialogs.parsing.counts import parse_hires


@pytest.mark.parametrize("said", ["一个都没有，都是新上海人", "上海户口的一个也没有"])
def test_not_even_one_hire_is_none(said: str) -> None:
    assert parse_hires(said) == 0


def test_a_count_said_beside_it_is_not_taken_for_none() -> None:
    assert parse_hires("外地的一个都没有，全是上海人，20个") != 0
