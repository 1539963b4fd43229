"""The reminder texts: both locales have the same keys and the same placeholders."""

from __future__ import annotations

import string
from pathlib import Path

import yaml

from bot.reminders.plan import KINDS

LOCALES = Path(__file__).resolve().parents[2] / "dialogs" / "locales"


def table(locale: str) -> dict[str, str]:
    raw = yaml.safe_load((LOCALES / f"reminders.{locale}.yaml").read_text(encoding="utf-8"))
    return {str(key): str(value) for key, value in raw.items()}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_locales_have_the_same_keys_and_placeholders() -> None:
    chinese, english = table("zh-CN"), table("en")
    assert chinese.keys() == english.keys()
    for key in chinese:
        assert placeholders(chinese[key]) <= placeholders(english[key]) | {
            "year",
            "month",
            "day",
        }, key


def test_every_kind_has_a_label_and_a_push_text() -> None:
    keys = table("zh-CN").keys()
    for kind in KINDS:
        assert f"reminders.kind.{kind}" in keys
        assert f"reminders.push.{kind}" in keys


def test_keys_live_in_their_own_namespace() -> None:
    assert all(key.startswith("reminders.") for key in table("zh-CN"))
