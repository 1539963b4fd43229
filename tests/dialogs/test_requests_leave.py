"""Leaving the points questions for the menu in one's own words (回主菜单, 不算了，退出, back to
the menu), through ConversationService, with phrasings written for these tests: the menu is
shown, nothing answered is lost, and 算积分 goes on at the open question. Logging out of the
official system is a question about it, not a way out of ours; 不算了 about an answer is no
way out either."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from tests.dialogs.test_intents import User

LEAVE = [
    ("zh-CN", "返回到主菜单吧"), ("zh-CN", "先回首页"), ("zh-CN", "算了，不测了"),
    ("zh-CN", "退出"), ("zh-CN", "回到最开始的选单"), ("zh-CN", "取消这次计算"),
    ("zh-CN", "不想填了，回菜单"), ("zh-CN", "回主選單"),
    ("en", "take me back to the main menu"), ("en", "exit"), ("en", "quit please"),
    ("zh-CN", "取消吧"), ("zh-CN", "算了，取消"), ("en", "cancel it"),
]  # fmt: skip


@pytest.mark.parametrize(("locale", "said"), LEAVE, ids=[s for _, s in LEAVE])
async def test_leaving_the_questions_shows_the_menu_and_keeps_the_answers(
    runtime: Runtime, locale: str, said: str
) -> None:
    u = User(runtime, locale)
    await u.say("/start" if locale == "en" else "算积分")
    if locale == "en":
        await u.say("calculate my points")
    shown = await u.say("35")
    assert u.t("q-education") in shown
    shown = await u.say(said)
    assert u.t("menu-resume") in shown, shown
    assert u.t("q-education") not in shown, "the question is left, not asked again"
    shown = await u.say(u.t("menu-score"))
    assert u.t("q-education") in shown and u.t("q-age") not in shown, "35 was kept"


@pytest.mark.parametrize(
    "said",
    ["积分系统怎么退出登录", "账号退出了登不上去", "以前那次不算了吧", "积分申请被取消了怎么办"],
)
async def test_logging_out_of_the_official_system_is_a_question_not_a_way_out(
    runtime: Runtime, said: str
) -> None:
    u = User(runtime)
    await u.say("算积分", "35")
    shown = await u.say(said)
    assert u.t("menu-resume") not in shown, shown


@pytest.mark.parametrize(
    ("locale", "said"), [("zh-CN", "取消"), ("en", "cancel"), ("zh-CN", "取消。")]
)
async def test_cancel_at_a_question_leaves_for_the_menu_and_keeps_the_answers(
    runtime: Runtime, locale: str, said: str
) -> None:
    """取消 at a question: the user is done with the calculation for now (before, the question
    was asked again, as if nothing had been said); the menu says how to go on."""
    u = User(runtime, locale)
    await u.say("/start" if locale == "en" else "算积分")
    if locale == "en":
        await u.say("calculate my points")
    await u.say("35")
    shown = await u.say(said)
    assert u.t("menu-resume") in shown, shown
    assert u.t("q-education") not in shown, "the question is left, not asked again"
    shown = await u.say(u.t("menu-score"))
    assert u.t("q-education") in shown and u.t("q-age") not in shown, "35 was kept"
