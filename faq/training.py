"""What the retriever learns from besides the topics: more ways applicants ask each topic
(faq/data/variants.yaml, and faq/data/told.yaml: cases told with the question left implicit)
and questions that are not ours (faq/data/pointers.yaml), each near-domain kind with a short
pointer to where it is handled."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parent / "data"
EVERYDAY = "everyday"


@dataclass(frozen=True)
class Training:
    """variants: topic id -> extra phrasings; negatives: label -> questions that are not ours
    (a near-domain kind, or EVERYDAY); pointers: near-domain kind -> locale -> short text;
    hints: near-domain kind -> phrases that name it."""

    variants: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    negatives: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    pointers: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    hints: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    schemes: frozenset[str] = frozenset()  # kinds that are schemes with rules of their own

    def taught(
        self,
        variants: Mapping[str, tuple[str, ...]] | None = None,
        negatives: Mapping[str, tuple[str, ...]] | None = None,
    ) -> Training:
        """This training plus phrasings taught later (issue 16): one new value, nothing shared
        is changed, so a retriever built from it can be swapped in with one assignment."""
        return Training(
            variants=_merged(self.variants, variants or {}),
            negatives=_merged(self.negatives, negatives or {}),
            pointers=self.pointers,
            hints=self.hints,
            schemes=self.schemes,
        )


def _merged(
    base: Mapping[str, tuple[str, ...]], more: Mapping[str, tuple[str, ...]]
) -> dict[str, tuple[str, ...]]:
    return {key: (*base.get(key, ()), *more.get(key, ())) for key in {*base, *more}}


@cache
def load_training() -> Training:
    variants: dict[str, Any] = _merged(
        {topic: tuple(texts) for topic, texts in _yaml("variants.yaml").items()},
        {topic: tuple(texts) for topic, texts in _yaml("told.yaml").items()},
    )
    pointers: dict[str, Any] = _yaml("pointers.yaml")
    return Training(
        variants={topic: tuple(map(str, texts)) for topic, texts in variants.items()},
        negatives={kind: tuple(map(str, spec["examples"])) for kind, spec in pointers.items()},
        pointers={
            kind: {locale: str(text).strip() for locale, text in spec["pointer"].items()}
            for kind, spec in pointers.items()
            if spec.get("pointer")
        },
        hints={kind: tuple(map(str, spec.get("hints", ()))) for kind, spec in pointers.items()},
        schemes=frozenset(kind for kind, spec in pointers.items() if spec.get("scheme")),
    )


def _yaml(name: str) -> Any:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
