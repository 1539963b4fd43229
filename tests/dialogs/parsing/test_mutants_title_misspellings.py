"""Title names typed with one character of the same syllable wrong
(dialogs/parsing/title_misspellings.py), where the mutation run found the parser tests silent:
the level of the name it sounds like, the wrong character counted where it stands in the answer
(a known word just before it is no reason to drop the name), and no name shorter than the
shortest such name read by its sound. Found by mutation testing: docs/mutation.md."""

from __future__ import annotations

import pytest

from dialogs.parsing import parse_title
from dialogs.parsing.text import Ambiguous, Unclear


@pytest.mark.parametrize(
    ("said", "options"),
    [
        ("主只医师", ("title_intermediate", "title_junior")),  # 主治医师, or the 医师 it says?
        ("煮治医师", ("title_intermediate", "title_junior")),
        ("主管户师", ("title_intermediate", "none")),
        ("高级工成师", ("title_senior", "skill_3")),  # 高级工程师, or the 高级工 it says?
        ("主任医湿", ("title_senior", "none")),
        # a known word just before the name: the wrong character is still 只, not 称 or 级
        ("我的职称主只医师", ("title_intermediate", "title_junior")),
        ("初级主只医师", ("title_intermediate", "title_junior")),
        ("副高主只医师", ("title_senior", "title_intermediate")),
    ],
)
def test_a_name_misspelt_by_its_sound_is_confirmed_with_its_level(
    said: str, options: tuple[str, str]
) -> None:
    assert parse_title(said) == Ambiguous(options, "confirm-which")


def test_the_right_spelling_and_a_longer_name_are_read_as_said() -> None:
    assert parse_title("主治医师") == "title_intermediate"
    assert parse_title("付主任医师") == "title_senior"  # 副主任医师 by its sound: senior either way


@pytest.mark.parametrize("said", ["工成师", "工程湿"])
def test_a_short_name_is_not_read_by_its_sound(said: str) -> None:
    # three characters are too few to tell a misspelt 工程师 from another word
    with pytest.raises(Unclear):
        parse_title(said)
