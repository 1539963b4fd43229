from __future__ import annotations

import re
from pathlib import Path
from string import Formatter

import pytest

import dialogs
from dialogs.locales import LOCALES, keys, template, text
from dialogs.questions import QUESTIONS
from scoring.rules import INDICATOR_NAMES


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name}


def test_both_locales_have_the_same_keys() -> None:
    assert keys("zh-CN") == keys("en")


# Keys whose caller passes every part and each locale picks the parts it writes.
LOCALE_SPECIFIC = {"reminders.at": "a date: 2027 年 3 月 1 日 vs 2027-03-01"}


@pytest.mark.parametrize("key", sorted(keys("zh-CN") - set(LOCALE_SPECIFIC)))
def test_both_locales_have_the_same_placeholders(key: str) -> None:
    found = [placeholders(template(locale, key)) for locale in LOCALES]
    assert found[0] == found[1], key


def test_every_key_the_code_names_exists() -> None:
    source = "\n".join(
        p.read_text(encoding="utf-8") for p in Path(dialogs.__file__).parent.rglob("*.py")
    )
    named = set(
        re.findall(r"""\bt\(\s*"([a-z0-9._-]+)"|choice\([^)]*?"([a-z0-9._-]+)"\)""", source)
    )
    literal = {a or b for a, b in named}
    missing = {k for k in literal if k not in keys("zh-CN")}
    assert not missing


def test_every_question_key_exists() -> None:
    for question in QUESTIONS:
        for key in (question.prompt, question.example, *(o.label for o in question.choices)):
            assert key in keys("zh-CN"), key
        if question.unit:
            assert question.unit in keys("zh-CN")


def test_every_scoring_indicator_has_a_name() -> None:
    for indicator in INDICATOR_NAMES:
        assert f"indicator-{indicator}" in keys("zh-CN")


SERVICE_KEYS = [
    "data-deleted", "coming-soon", "please-type-text", "message-too-long",
    *(f"reminders.{k}" for k in (
        "at", "line", "set", "set_none", "window_open_now", "endorsed", "endorsed_due_now",
        "goal_set", "goal_now", "invalid_date", "cancelled", "cancelled_none", "list",
        "list_none", "calendar_unknown")),
    *(f"reminders.{family}.{kind}" for family in ("kind", "push") for kind in (
        "endorsement_window_open", "endorsement_7_days", "endorsement_1_day",
        "points_confirmation", "goal_month")),
    *(f"support-{k}" for k in (
        "queued", "closed", "cancel-button", "cancelled", "joined", "transferred", "resolved",
        "when")),
    *(f"support-weekday-{day}" for day in range(7)),
    *(f"telegram-command-{name}" for name in (
        "start", "menu", "score", "faq", "remind", "human", "language", "restart",
        "delete_my_data")),
]  # fmt: skip


@pytest.mark.parametrize("key", SERVICE_KEYS)
def test_the_service_keys_exist(key: str) -> None:
    assert key in keys("en")


def test_text_fills_placeholders_and_falls_back_to_chinese() -> None:
    assert "最多 4000 字" in text("zh-CN", "message-too-long", limit=4000)
    assert text("fr", "menu-score") == "算积分"
