"""The dependency arrows of ARCHITECTURE.md point one way: bot -> dialogs -> (scoring, faq);
scoring and faq import nothing of the others, and dialogs nothing of bot."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "dialogs", "scoring", "faq")
MAY_NOT_IMPORT = {
    "scoring": {"bot", "dialogs", "faq"},
    "faq": {"bot", "dialogs", "scoring"},
    "dialogs": {"bot"},
}


def _imported_packages(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found & set(PACKAGES)


@pytest.mark.parametrize("package", sorted(MAY_NOT_IMPORT))
def test_imports_point_one_way(package: str) -> None:
    wrong = {
        str(path.relative_to(ROOT)): sorted(_imported_packages(path) & MAY_NOT_IMPORT[package])
        for path in (ROOT / package).rglob("*.py")
    }
    assert not {path: names for path, names in wrong.items() if names}
