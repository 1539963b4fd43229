"""docs/profile.md says what the code accepts: each field, in order, what values it takes
(probed through Profile.from_json), its default, and each impossible pair."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from scoring.consistency import RULES
from scoring.profile import Profile, ProfileError
from scoring.wording import INDICATOR_NAMES

DOC = Path(__file__).resolve().parents[2] / "docs" / "profile.md"


def table(title: str) -> list[list[str]]:
    """The rows of the first table after `title` (the first table of all when title is "")."""
    text = DOC.read_text(encoding="utf-8")
    text = text[text.index(title) :]
    block = text[text.index("\n| ") + 1 :].split("\n\n", 1)[0]
    return [[c.strip() for c in row.strip("|").split(" | ")] for row in block.splitlines()[2:]]


FIELDS = table("")
BY_NAME = {row[0].strip("`"): row for row in FIELDS}


def accepted(name: str, value: object) -> bool:
    try:
        Profile.from_json({name: value})
    except ProfileError:
        return False
    return True


def test_the_table_lists_every_profile_field_in_order() -> None:
    assert [row[0].strip("`") for row in FIELDS] == [f.name for f in fields(Profile)]


@pytest.mark.parametrize("name", [f.name for f in fields(Profile)])
def test_each_field_accepts_what_the_doc_says(name: str) -> None:
    accepts = BY_NAME[name][1]
    if accepts == "true or false":
        assert accepted(name, True) and accepted(name, False) and not accepted(name, 1)
    elif accepts == '"YYYY-MM-DD"':
        assert accepted(name, "2025-06-01") and not accepted(name, "2025-6-1")
    elif accepts == "number ≥ 0":
        assert accepted(name, 0.5) and accepted(name, 10**7) and not accepted(name, -0.5)
    elif match := re.fullmatch(r"integer (\d+)-(\d+)", accepts):
        low, high = int(match[1]), int(match[2])
        assert accepted(name, low) and accepted(name, high)
        assert not accepted(name, low - 1) and not accepted(name, high + 1)
        assert not accepted(name, 1.5)
    else:
        listed = re.findall(r"`([^`]+)`", accepts)
        assert listed and all(accepted(name, value) for value in listed)
        assert not accepted(name, "other")
        default = getattr(Profile(), name)
        assert default in listed


@pytest.mark.parametrize("name", [f.name for f in fields(Profile)])
def test_each_default_is_the_code_default(name: str) -> None:
    default = re.search(r"\[([^\]]+)\]$", BY_NAME[name][2])
    assert default is not None, name
    code = getattr(Profile(), name)
    words = {"true": True, "false": False, "0": 0}
    if code is None:
        assert default[1] in ("not given", "today, Asia/Shanghai")
    else:
        assert words.get(default[1], default[1].strip("`")) == code


def test_the_impossible_pairs_are_the_rules_of_scoring_consistency() -> None:
    documented = {
        (row[0].strip("`"), row[1].split(" / ")[0].strip("`"))
        for row in table("## Answers that cannot be true together")
    }
    assert documented == {(rule.claim, rule.basis) for rule in RULES}


def test_the_indicator_ids_are_the_codes() -> None:
    text = DOC.read_text(encoding="utf-8")
    listed = text[text.index("Item indicator ids") :]
    assert set(re.findall(r"`([a-z_]+)`", listed)) == set(INDICATOR_NAMES)
