"""The parsers' vocabularies as data: every official rule cites its source, and no phrase
means two things in one table; what is built of them is built once."""

from __future__ import annotations

from collections import Counter

import pytest

from dialogs.parsing import parse_yes_no
from dialogs.parsing.text import MOST_OPTIONS
from dialogs.parsing.vocabulary import built, forget, vocabulary

TITLE_VALUES = {"title_junior", "title_intermediate", "title_senior", "none"}
SKILL_VALUES = {f"skill_{n}" for n in range(1, 6)}


@pytest.mark.parametrize("series", sorted(vocabulary("titles")["series"]))
def test_every_title_series_cites_a_source_of_the_table(series: str) -> None:
    table = vocabulary("titles")
    entry = table["series"][series]
    assert entry["source"] in table["sources"]
    assert set(entry["names"]) <= TITLE_VALUES


def test_skill_levels_cite_their_source_and_are_levels_one_to_five() -> None:
    table = vocabulary("titles")
    assert table["skills"]["source"] in table["sources"]
    assert set(table["skills"]["names"]) == SKILL_VALUES


def test_no_title_name_has_two_levels() -> None:
    table = vocabulary("titles")
    names = [
        name
        for group in [*table["series"].values(), table["skills"]]
        for level in group["names"].values()
        for name in level
    ]
    assert [n for n, times in Counter(names).items() if times > 1] == []


def test_confirmed_titles_offer_real_title_values() -> None:
    for name, confirm in vocabulary("titles")["confirm"].items():
        # 会计证 may be no title at all: "none" is a real reading there
        assert set(confirm["options"]) <= TITLE_VALUES | SKILL_VALUES | {"none"}, name
        assert 2 <= len(confirm["options"]) <= MOST_OPTIONS, name


def test_yes_and_no_words_never_overlap() -> None:
    table = vocabulary("yes_no")
    assert set(table["yes"]) & set(table["no"]) == set()


def test_education_levels_are_the_profile_levels() -> None:
    levels = set(vocabulary("education")["levels"])
    assert levels == {"none", "college", "bachelor", "master", "doctor"}
    assert set(vocabulary("education")["in_year"]) <= levels


def test_what_is_built_of_the_vocabularies_is_built_once_until_forgotten() -> None:
    made: list[object] = []

    def build() -> object:
        made.append(object())
        return made[-1]

    first = built(build)
    assert built(build) is first and len(made) == 1
    forget()
    assert built(build) is not first and len(made) == 2
    assert parse_yes_no("没毛病") is True  # the parsers rebuild theirs after a forget
