"""An edit naming a question by words that name another one too (配偶: the bonus item or the
years married to a Shanghai spouse; 基数: whether 6 of the last 12 months reached 1x, or the
tier), through ConversationService, with phrasings written for these tests (none from a
held-out set): the words beside them decide when only one question takes them (是6年: the
years); otherwise, both asked, the user picks one with a button, nothing is guessed."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from dialogs.locales import text
from tests.dialogs.test_intents import User

TO_DEDUCTIONS = ("算积分", "35", "硕士", "没有", "5年", "2倍", "配偶上海户口", "3年")
# 中级职称 in the field of the job asks whether the base reached 1x in 6 of the last 12 months
TO_BONUS = ("算积分", "35", "硕士", "中级职称", "是", "是", "5年", "2倍")


@pytest.fixture
def u(runtime: Runtime) -> User:
    return User(runtime)


def edit_label(question: str) -> str:
    return text("zh-CN", "intent-edit", item=text("zh-CN", f"field-{question}"))


@pytest.mark.parametrize(
    ("before", "said", "questions"),
    [
        (TO_DEDUCTIONS, "配偶那个改一下", ["bonus", "spouse_hukou_years"]),
        (TO_DEDUCTIONS, "change the spouse answer", ["bonus", "spouse_hukou_years"]),
        (TO_BONUS, "基数那题答错了", ["base_1x_6_of_last_12", "insurance_base_tier"]),
    ],
)
async def test_words_naming_two_asked_questions_ask_which(
    u: User, before: tuple[str, ...], said: str, questions: list[str]
) -> None:
    await u.say(*before)
    replies = await u.send(said)
    [which] = [r for r in replies if r.choices]
    assert u.t("edit-which") in which.text
    assert [c.id for c in which.choices] == [f"intent:edit:{q}" for q in questions]
    assert [c.label for c in which.choices] == [edit_label(q) for q in questions]
    shown = "\n".join(r.text for r in await u.send(choice=which.choices[1].id))
    assert u.t(f"q-{'spouse' if 'spouse' in questions[1] else 'tier'}") in shown, shown


async def test_a_number_of_years_beside_the_spouse_edits_the_years_married(u: User) -> None:
    await u.say(*TO_DEDUCTIONS)
    shown = await u.say("配偶那个改一下，是6年")
    assert u.t("q-bonus").split("：")[0] not in shown, shown
    shown = await u.say("没有")
    assert "与沪籍配偶结婚：6 年" in shown, shown


async def test_taking_the_spouse_item_back_still_edits_the_bonus_question(u: User) -> None:
    await u.say(*TO_DEDUCTIONS)
    assert u.t("q-bonus").split("：")[0] in await u.say("配偶那项去掉")


async def test_below_1x_beside_the_base_edits_the_base_condition(u: User) -> None:
    await u.say(*TO_BONUS)
    await u.say("刚才那个基数的问题我答错了，其实是不到一倍")
    shown = await u.say("没有", "没有")
    assert f"{text('zh-CN', 'field-base_1x_6_of_last_12')}：否" in shown, shown


async def test_a_tier_beside_the_base_edits_the_tier(u: User) -> None:
    await u.say(*TO_BONUS)
    await u.say("基数那题填错了，应该是3倍")
    shown = await u.say("没有", "没有")
    assert f"{text('zh-CN', 'field-insurance_base_tier')}：3 倍" in shown, shown


async def test_the_spouse_named_at_the_years_married_edits_the_bonus_item(u: User) -> None:
    await u.say(*TO_DEDUCTIONS[:-1])
    assert u.t("q-bonus").split("：")[0] in await u.say("配偶那个弄错了")
