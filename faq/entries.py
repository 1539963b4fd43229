"""FAQ entries as data: one YAML file per topic under faq/data/topics/."""

from __future__ import annotations

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

# {{dotted.key}} or {{dotted.key|万}} (the value divided by 10,000, for yuan amounts).
_PLACEHOLDER = re.compile(r"\{\{\s*([a-z0-9_.]+)\s*(?:\|\s*(万))?\s*\}\}")


@dataclass(frozen=True)
class Source:
    title: str
    ref: str
    url: str | None = None

    def label(self) -> str:
        text = f"{self.title}（{self.ref}）"
        return f"{text} {self.url}" if self.url else text


@dataclass(frozen=True)
class Entry:
    id: str
    question: str
    question_en: str
    variants: tuple[str, ...]
    answer: str
    answer_en: str
    sources: tuple[Source, ...]
    last_checked: date

    def placeholders(self) -> frozenset[str]:
        """The policy keys this entry's answers need."""
        return frozenset(m.group(1) for m in _PLACEHOLDER.finditer(self.answer + self.answer_en))

    def render(self, locale: str, values: Mapping[str, int | float]) -> str:
        """The answer in `locale` with the policy numbers filled in, then its sources.

        KeyError when `values` lacks a key the answer needs; ValueError for an unknown locale.
        """
        if locale not in LOCALES:
            raise ValueError(f"unknown locale {locale!r}; expected one of {LOCALES}")
        text = self.answer if locale == "zh-CN" else self.answer_en
        body = _fill(text.strip(), values)
        note = _meta()["official_note"][locale]
        sources = "；".join(source.label() for source in self.sources)
        return f"{body}\n\n{note}\n来源 / Source：{sources}"


def _fill(text: str, values: Mapping[str, int | float]) -> str:
    def number(match: re.Match[str]) -> str:
        key, unit = match.group(1), match.group(2)
        if key not in values:
            raise KeyError(f"policy value {key!r} is missing")
        value = values[key]
        return f"{_format(value / 10_000)}万" if unit else _format(value)

    return _PLACEHOLDER.sub(number, text)


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
        sources=tuple(Source(s["title"], s["ref"], s.get("url")) for s in raw["sources"]),
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
