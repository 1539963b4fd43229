"""Every sentence scoring writes exists in zh and en with the same values, and scoring
renders them itself (it imports nothing of the dialog)."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from scoring.wording import SENTENCES, Reason, render

SCORING = Path(__file__).resolve().parents[2] / "scoring"


def fields_of(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(SENTENCES))
def test_zh_and_en_use_the_same_values(key: str) -> None:
    zh, en = SENTENCES[key]
    assert (zh and en and zh != en) or key == "award"
    assert fields_of(zh) == fields_of(en)


def test_nested_reasons_and_names_are_put_into_words() -> None:
    part = Reason("education-part", education="master", points=100)
    reason = Reason(
        "education-counted", education=part, title=Reason("title-part", title="skill_3", points=60)
    )
    assert render(reason, "zh") == "按硕士 100 分计（技能三级 60 分，不叠加）"
    assert render(reason, "en") == "master's 100 counted (skill level 3 60, does not add)"


@pytest.mark.parametrize("path", sorted(SCORING.rglob("*.py")), ids=lambda p: p.name)
def test_scoring_imports_nothing_of_the_other_packages(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = {
        (node.module or "").split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
    } | {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    assert not imported & {"bot", "dialogs", "faq"}
