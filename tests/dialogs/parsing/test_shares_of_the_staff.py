"""The Shanghai-hukou share of the staff: a share over the whole (3/0) is no share, asked
again; a rough word anywhere in the share's clause (大约其中一半) makes it rough."""

from __future__ import annotations

from datetime import date

import pytest

from dialogs.parsing import Ambiguous, parse_hires

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize("said", ["员工30人，本地户口3/0", "员工20人，本地户口占3/2"])
def test_a_share_over_the_whole_is_asked_again(said: str) -> None:
    with pytest.raises(ValueError):
        parse_hires(said, TODAY)


def test_a_rough_word_further_in_the_clause_makes_the_share_rough() -> None:
    read = parse_hires("差不多其中一半是上海户口，员工40人", TODAY)
    assert isinstance(read, Ambiguous)
    assert read.options == (18, 20)
    assert parse_hires("员工40人，其中一半是上海户口", TODAY) == 20
