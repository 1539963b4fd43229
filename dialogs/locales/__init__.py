"""Every user-facing text of the dialog, one YAML file per locale: key -> str.format text."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

import yaml

__all__ = ["LOCALES", "has", "keys", "load_yaml", "template", "text"]

LOCALES = ("zh-CN", "en")
# libyaml's loader where PyYAML was built with it: the same tables, read about ten times faster
# (the locale files are read on the first text of a process).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(source: str) -> Any:
    """A YAML document of the dialog's data (locale texts, intents.yaml), safely loaded."""
    return yaml.load(source, Loader=_LOADER)


@cache
def _table(locale: str) -> dict[str, str]:
    """`<locale>.yaml`, plus `<feature>.<locale>.yaml` of features outside the dialog
    (reminders, support); a key defined twice is a mistake, not an override."""
    folder = files(__name__)
    features = (e.name for e in folder.iterdir() if e.name.endswith(f".{locale}.yaml"))
    names = [f"{locale}.yaml", *sorted(features)]
    table: dict[str, str] = {}
    for name in names:
        raw = load_yaml(folder.joinpath(name).read_text(encoding="utf-8")) or {}
        for key, value in raw.items():
            if str(key) in table:
                raise KeyError(f"locale key {key!r} defined twice ({name})")
            table[str(key)] = str(value).rstrip("\n")
    return table


def template(locale: str, key: str) -> str:
    """The text of `key` in `locale` (unknown locales fall back to zh-CN), not filled in."""
    return _table(locale if locale in LOCALES else LOCALES[0])[key]


def text(locale: str, key: str, **values: Any) -> str:
    return template(locale, key).format(**values)


def has(locale: str, key: str) -> bool:
    return key in _table(locale if locale in LOCALES else LOCALES[0])


def keys(locale: str) -> frozenset[str]:
    return frozenset(_table(locale))
