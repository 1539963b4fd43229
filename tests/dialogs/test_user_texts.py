"""What users read names sources as sources.md says: by title and publisher. No question,
confirm, result or reminder text shows a file name, a section mark, a page number, a
"004/002 页面" note or a research note ("尚未确认")."""

from __future__ import annotations

import re
from typing import Any

import pytest

from dialogs.locales import LOCALES, keys, template

INTERNAL = {
    "file name": re.compile(r"\b[\w-]+\.(?:md|ya?ml|json|py|pdf|txt|csv|docx?)\b", re.I),
    "section mark": re.compile(r"§"),
    "page number": re.compile(r"第\s*\d+\s*页|\bp\.\s*\d+|\bpages?\s+\d+", re.I),
    "page note": re.compile(r"\d{3}(?:\s*/\s*\d{3})*\s*页面"),
    "research note": re.compile(
        r"尚未确认|未经确认|待核实|待确认|待查|TODO|FIXME|not (?:yet )?confirmed|unconfirmed"
        r"|to be (?:checked|verified)",
        re.I,
    ),
}


def internal_names(text: str) -> list[str]:
    return [f"{name}: {m.group(0)}" for name, rx in INTERNAL.items() if (m := rx.search(text))]


@pytest.mark.parametrize("text", ["见 points-table.md", "§3", "第 12 页", "004/002 页面",
                                  "（2021 年后是否仍适用尚未确认）", "p. 4"])  # fmt: skip
def test_the_walk_recognises_each_kind_of_internal_name(text: str) -> None:
    assert internal_names(text)


@pytest.mark.parametrize("locale", LOCALES)
def test_no_locale_text_shows_an_internal_name(locale: str) -> None:
    found = {key: internal_names(template(locale, key)) for key in sorted(keys(locale))}
    assert {key: names for key, names in found.items() if names} == {}


def test_the_family_planning_question_says_to_ask_the_service_centre(chat: Any) -> None:
    chat.say("算积分", "30", "大专", "没有", "1年", "无", "是", "0", "0", "0", "否")
    assert "近年是否仍执行，请以受理点告知为准" in chat.text


# Runs that between them reach every indicator, a gap with suggestions, and the materials.
RUNS = {
    "zh-CN": [
        ["算积分", "30", "硕士", "高级工程师", "是", "是", "8年", "2倍", "1 2 3 4 6 7 8", "20万",
         "10", "6年", "5年", "市级专项", "3年", "是", "1", "1", "1", "否", "是"],
        ["算积分", "50", "没有", "没有", "1年", "无", "否"],
    ],
    "en": [
        ["score", "30", "master", "senior engineer", "yes", "yes", "8 years", "2x",
         "1 2 3 4 6 7 8", "200000", "10", "6", "5", "1", "3", "yes", "1", "1", "1", "no", "yes"],
        ["score", "50", "none", "none", "1 year", "none", "no"],
    ],
}  # fmt: skip


@pytest.mark.parametrize("locale", LOCALES)
def test_no_dialog_reply_shows_an_internal_name(make_chat: Any, locale: str) -> None:
    for run in RUNS[locale]:
        chat = make_chat(locale)
        chat.say(*run)
        assert chat.state == "menu", (run, chat.text)
        shown = [r.text for r in chat.all_replies()] + [
            c.label for r in chat.all_replies() for c in (*r.choices, *r.buttons)
        ]
        assert {t: internal_names(t) for t in shown if internal_names(t)} == {}
