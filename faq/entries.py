"""FAQ entries as data: one YAML file per topic under faq/data/topics/.

Numbers the policy edition holds are never written by hand: an answer says
`{{age.max_points}}`, or a sum of policy values such as `{{title.title_senior + age.max_points}}`,
and is filled from the edition in force when it is shown. `{{key|万}}` shows a yuan amount in
ten-thousands, `{{key|,}}` with thousands separators.
"""

from __future__ import annotations

import ast
import operator
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parent / "data"
LOCALES = ("zh-CN", "en")

_PLACEHOLDER = re.compile(r"\{\{\s*([^{}|]+?)\s*(?:\|\s*(万|,))?\s*\}\}")
_OPERATORS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}


@dataclass(frozen=True)
class Entry:
    id: str
    question: str
    question_en: str
    variants: tuple[str, ...]
    answer: str
    answer_en: str
    sources: tuple[str, ...]
    last_checked: date

    def placeholders(self) -> frozenset[str]:
        """The policy keys this entry's answers need."""
        return frozenset(
            key
            for match in _PLACEHOLDER.finditer(self.answer + self.answer_en)
            for key in _keys(match.group(1))
        )

    def render(self, locale: str, values: Mapping[str, int | float]) -> str:
        """The answer in `locale` with the policy numbers filled in, then the official system.
        Its sources (`sources`: keys of the policy's table of sources) are added where faq and
        scoring meet: `dialogs.faq_answer`.

        KeyError when `values` lacks a key the answer needs; ValueError for an unknown locale.
        """
        if locale not in LOCALES:
            raise ValueError(f"unknown locale {locale!r}; expected one of {LOCALES}")
        text = self.answer if locale == "zh-CN" else self.answer_en
        body = fill(text.strip(), values)
        note = _meta()["official_note"][locale]
        return f"{body}\n\n{note}"


def fill(text: str, values: Mapping[str, int | float]) -> str:
    """`text` with every placeholder replaced by its value from `values`."""

    def number(match: re.Match[str]) -> str:
        value = _evaluate(ast.parse(match.group(1), mode="eval").body, values)
        if match.group(2) == "万":
            return f"{_format(value / 10_000)}万"
        if match.group(2) == ",":
            return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"
        return _format(value)

    return _PLACEHOLDER.sub(number, text)


def _dotted(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        head = _dotted(node.value)
        return f"{head}.{node.attr}" if head else None
    return None


def _keys(expression: str) -> set[str]:
    return _names(ast.parse(expression, mode="eval").body)


def _names(node: ast.expr) -> set[str]:
    key = _dotted(node)
    if key is not None:
        return {key}
    if isinstance(node, ast.BinOp):
        return _names(node.left) | _names(node.right)
    return set()


def _evaluate(node: ast.expr, values: Mapping[str, int | float]) -> float:
    """A policy key, an integer, or + - * / of those; anything else is an error in the data."""
    key = _dotted(node)
    if key is not None:
        if key not in values:
            raise KeyError(f"policy value {key!r} is missing")
        return values[key]
    if isinstance(node, ast.Constant) and isinstance(node.value, int):
        return node.value
    if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
        op = _OPERATORS[type(node.op)]
        return op(_evaluate(node.left, values), _evaluate(node.right, values))
    raise ValueError(f"not a policy expression: {ast.unparse(node)!r}")


def _format(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


@cache
def _meta() -> dict[str, Any]:
    meta: dict[str, Any] = yaml.safe_load((DATA / "meta.yaml").read_text(encoding="utf-8"))
    return meta


def _entry(raw: dict[str, Any]) -> Entry:
    return Entry(
        id=raw["id"],
        question=raw["question"],
        question_en=raw["question_en"],
        variants=tuple(raw["variants"]),
        answer=raw["answer"],
        answer_en=raw["answer_en"],
        sources=tuple(raw["sources"]),
        last_checked=raw["last_checked"],
    )


@cache
def load_entries() -> tuple[Entry, ...]:
    """Every topic, in file-name order."""
    paths = sorted((DATA / "topics").glob("*.yaml"))
    return tuple(_entry(yaml.safe_load(path.read_text(encoding="utf-8"))) for path in paths)


def most_asked(n: int) -> tuple[Entry, ...]:
    """The first `n` topics of the popular-questions menu, in the order of faq/data/meta.yaml."""
    by_id = {entry.id: entry for entry in load_entries()}
    return tuple(by_id[topic] for topic in _meta()["most_asked"][: max(n, 0)])
