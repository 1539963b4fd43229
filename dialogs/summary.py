"""The read-back shown just before the score: what the bot understood, one short item per
answer ("30 岁 · 大专/高职 · 职称：没有 · 社保：4 年 6 个月 · …"), and a button per item to fix
it, follow-ups too (专业对口, 远郊重点区域): one tap asks that question again. In WeChat the
button is the words to type (修改学历, 修改专业对口), which edit the same question."""

from __future__ import annotations

from typing import Any

from dialogs.conversation import Conversation
from dialogs.output import Out
from dialogs.questions import Question, applicable, recorded
from dialogs.screens import show
from dialogs.types import Choice

__all__ = ["read_back"]

SEPARATOR = " · "
YEAR = 12


def _value(out: Out, question: Question, value: Any) -> str:
    if question.id == "social_insurance_months" and isinstance(value, int):
        years, months = divmod(value, YEAR)
        return out.t("summary-months", years=years, months=months)
    return show(out, question, value)


def _item(out: Out, question: Question, value: Any) -> str:
    shown = _value(out, question, value)
    if question.id in ("age", "education"):  # they read on their own: 30 岁, 大专/高职
        return shown
    return out.t("summary-item", field=out.t(f"field-{question.id}"), value=shown)


def _fix_button(out: Out, question: Question, en: bool) -> Choice:
    """修改学历 / edit education: a press edits, and the same words typed do too; a follow-up
    without edit words of its own is named by its field (修改专业对口). The choice id names the
    question by its id: ASCII, as every choice id (Telegram callback data)."""
    choice_id = f"intent:edit:{question.id}"
    if not question.edit_words:
        return Choice(choice_id, out.t("summary-fix", word=out.t(f"field-{question.id}")))
    latin = [w for w in question.edit_words if w.isascii()]
    word = latin[0] if en and latin else question.edit_words[0]
    return Choice(choice_id, out.t("summary-fix", word=word))


def read_back(conversation: Conversation, out: Out) -> None:
    extra = conversation.context.get("extra", {})
    answered = [
        (q, value)
        for q in applicable(conversation.facts())
        if (value := recorded(q, conversation.answers, extra)) is not None
    ]
    items = [_item(out, q, value) for q, value in answered]
    en = conversation.locale == "en"
    buttons = [_fix_button(out, q, en) for q, _ in answered]
    shown = SEPARATOR.join(items)
    if whom := conversation.context.get("whom"):  # 帮我老公算: his answers, said as his
        out.say(out.t("summary-whom", whom=whom, items=shown), buttons=buttons)
    else:
        out.say(out.t("summary", items=shown), buttons=buttons)
