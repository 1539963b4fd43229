"""Editions of the points table: one YAML file per edition beside this module.

A mapping with exactly the keys `value` and `source` (optionally `note`) is a leaf number,
read by its dotted path (`age.max_points`). The top-level keys `effective_from`,
`last_checked`, `sources` and `guidance` are metadata, everything else is numbers.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from types import MappingProxyType

import yaml

__all__ = [
    "Edition",
    "Entry",
    "Guidance",
    "NoEditionError",
    "PolicyDataError",
    "Source",
    "all_editions",
    "all_sources",
    "cited",
    "edition_in_force",
    "load_edition",
    "load_editions",
]

POLICY_DIR = Path(__file__).parent
_META_KEYS = frozenset({"effective_from", "last_checked", "sources", "guidance"})
_LEAF_KEYS = frozenset({"value", "source"})


class PolicyDataError(ValueError):
    """A policy file breaks the schema; raised at load time, naming the file and key."""


class NoEditionError(LookupError):
    """No edition of the points table was in force on the date asked about."""


@dataclass(frozen=True)
class Source:
    """Where a number or a line of guidance comes from. `title` (and `title_en`) is what a
    user sees: the document's title and publisher, never a file name; research notes go in
    `note`. An agency page is `unofficial`: shown with 仅供参考，以官方公布为准."""

    id: str
    title: str
    url: str | None = None
    published: date | None = None
    note: str | None = None
    title_en: str | None = None
    unofficial: bool = False

    def shown(self, en: bool) -> str:
        return self.title_en if en and self.title_en else self.title


@dataclass(frozen=True)
class Entry:
    key: str
    value: int | float
    source: str
    note: str | None = None


@dataclass(frozen=True)
class Guidance:
    """One line of next steps or materials, in both locales, with where it comes from."""

    zh: str
    en: str
    source: Source


@dataclass(frozen=True)
class Edition:
    effective_from: date
    last_checked: date
    # Editions compare and hash by their dates and texts; the mappings are read-only views.
    sources: Mapping[str, Source] = field(compare=False)
    entries_by_key: Mapping[str, Entry] = field(compare=False, repr=False)
    next_steps: tuple[Guidance, ...] = ()
    materials: tuple[Guidance, ...] = ()

    def value(self, key: str) -> int | float:
        return self._entry(key).value

    def int_value(self, key: str) -> int:
        value = self.value(key)
        if not isinstance(value, int):
            raise PolicyDataError(f"{self.effective_from}: {key} is {value!r}, not an integer")
        return value

    def source_of(self, key: str) -> Source:
        return self.sources[self._entry(key).source]

    def note_of(self, key: str) -> str | None:
        return self._entry(key).note

    def values(self) -> dict[str, int | float]:
        return {key: entry.value for key, entry in self.entries_by_key.items()}

    def entries(self) -> tuple[Entry, ...]:
        return tuple(self.entries_by_key.values())

    def _entry(self, key: str) -> Entry:
        try:
            return self.entries_by_key[key]
        except KeyError:
            raise KeyError(f"edition {self.effective_from} has no number {key!r}") from None


def load_edition(path: Path) -> Edition:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(raw, dict):
        raise PolicyDataError(f"{path.name}: not a mapping")
    effective_from = _date(raw.get("effective_from"), path, "effective_from")
    if path.stem != effective_from.isoformat():
        raise PolicyDataError(f"{path.name}: file name must be {effective_from}.yaml")
    sources = {
        str(key): _source(str(key), spec, path) for key, spec in _mapping(raw, "sources", path)
    }
    entries: dict[str, Entry] = {}
    for key, node in raw.items():
        if key not in _META_KEYS:
            _collect(str(key), node, entries, sources, path)
    guidance = raw.get("guidance") or {}
    return Edition(
        effective_from=effective_from,
        last_checked=_date(raw.get("last_checked"), path, "last_checked"),
        sources=MappingProxyType(sources),
        entries_by_key=MappingProxyType(entries),
        next_steps=_guidance(guidance.get("next_steps", []), sources, path),
        materials=_guidance(guidance.get("materials", []), sources, path),
    )


def load_editions(directory: Path) -> list[Edition]:
    """All editions in `directory`, oldest first."""
    editions = [load_edition(path) for path in sorted(directory.glob("*.yaml"))]
    return sorted(editions, key=lambda edition: edition.effective_from)


@cache
def _packaged() -> tuple[Edition, ...]:
    return tuple(load_editions(POLICY_DIR))


def all_editions() -> list[Edition]:
    return list(_packaged())


@cache
def all_sources() -> dict[str, Source]:
    """Every source an answer may cite, by key: the one table of sources is the editions'
    (scoring/policy/*.yaml), a later edition's entry replacing an earlier one's."""
    return {key: source for edition in _packaged() for key, source in edition.sources.items()}


def edition_in_force(on: date, editions: Sequence[Edition] | None = None) -> Edition:
    """The newest edition whose `effective_from` is on or before `on`."""
    if editions is None:
        ordered: Sequence[Edition] = _packaged()
    else:
        ordered = sorted(editions, key=lambda e: e.effective_from)
    index = bisect.bisect_right([e.effective_from for e in ordered], on)
    if index == 0:
        first = ordered[0].effective_from.isoformat() if ordered else "none loaded"
        raise NoEditionError(
            f"as_of: no points-table edition in force on {on.isoformat()} "
            f"(the first took effect {first})"
        )
    return ordered[index - 1]


def _collect(
    key: str, node: object, out: dict[str, Entry], sources: Mapping[str, Source], path: Path
) -> None:
    if not isinstance(node, dict):
        raise PolicyDataError(f"{path.name}: {key} is neither a number leaf nor a mapping")
    keys = set(node)
    if _LEAF_KEYS <= keys <= _LEAF_KEYS | {"note"}:
        value, source = node["value"], node["source"]
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise PolicyDataError(f"{path.name}: {key}.value is not a number")
        if source not in sources:
            raise PolicyDataError(f"{path.name}: {key} cites unknown source {source!r}")
        note = node.get("note")
        out[key] = Entry(key, value, str(source), None if note is None else str(note))
        return
    for child, sub in node.items():
        _collect(f"{key}.{child}", sub, out, sources, path)


def _source(key: str, spec: object, path: Path) -> Source:
    if not isinstance(spec, dict) or "title" not in spec:
        raise PolicyDataError(f"{path.name}: sources.{key} needs a title")
    unknown = set(spec) - {"title", "title_en", "unofficial", "url", "published", "note"}
    if unknown:
        raise PolicyDataError(f"{path.name}: sources.{key} has unknown keys {sorted(unknown)}")
    published = spec.get("published")
    return Source(
        id=key,
        title=str(spec["title"]),
        url=spec.get("url"),
        published=None if published is None else _date(published, path, f"sources.{key}"),
        note=spec.get("note"),
        title_en=spec.get("title_en"),
        unofficial=bool(spec.get("unofficial", False)),
    )


def cited(lines: Iterable[Guidance]) -> tuple[Source, ...]:
    """The sources of `lines`, each once, in the order they are first cited."""
    return tuple(dict.fromkeys(line.source for line in lines))


def _guidance(
    items: Sequence[Mapping[str, str]], sources: Mapping[str, Source], path: Path
) -> tuple[Guidance, ...]:
    out = []
    for number, item in enumerate(items):
        if set(item) != {"zh", "en", "source"} or item["source"] not in sources:
            raise PolicyDataError(f"{path.name}: guidance item {number} needs zh, en, a source")
        out.append(Guidance(zh=item["zh"], en=item["en"], source=sources[item["source"]]))
    return tuple(out)


def _mapping(raw: Mapping[str, object], key: str, path: Path) -> list[tuple[object, object]]:
    node = raw.get(key)
    if not isinstance(node, dict):
        raise PolicyDataError(f"{path.name}: {key} must be a mapping")
    return list(node.items())


def _date(value: object, path: Path, key: str) -> date:
    if not isinstance(value, date):
        raise PolicyDataError(f"{path.name}: {key} must be a date (YYYY-MM-DD)")
    return value
