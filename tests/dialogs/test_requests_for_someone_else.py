"""The points worked out for someone else (帮我媳妇算一下, for my brother), through
ConversationService, with phrasings written for these tests: the questions start, the intro
says whose answers they ask for, and the read-back and the score's title say whose they are; the
user's own calculation says nothing of anyone else."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from tests.dialogs.test_intents import User, started

REST = ("40", "大专", "没有", "6年", "2倍", "无", "否")  # every question answered, to the score


@pytest.mark.parametrize(
    ("said", "whom"),
    [
        ("帮我媳妇测一下积分", "媳妇"),
        ("想算算我弟弟的积分够不够", "弟弟"),
        ("给我妈估个分", "妈妈"),
    ],
)
async def test_a_calculation_for_someone_else_says_whose_answers(
    runtime: Runtime, said: str, whom: str
) -> None:
    u = User(runtime)
    await u.say("/start")
    shown = await u.say(said)
    assert started(u, shown), shown
    assert u.t("score-for-whom", whom=whom) in shown, shown
    result = await u.say(*REST)
    assert f"我理解的是（您{whom}的情况）：40 岁 · 大专/高职" in result, result
    assert f"您{whom}的积分估算：" in result and "您的积分估算" not in result, result


async def test_english_a_calculation_for_someone_else_says_whose(runtime: Runtime) -> None:
    en = User(runtime, "en")
    await en.say("English")
    shown = await en.say("could you work out the points for my brother")
    assert en.t("score-for-whom", whom="brother") in shown, shown
    result = await en.say("40", "college", "none", "6 years", "2 times", "none", "no")
    assert "What I understood of your brother: 40" in result, result
    assert "Your brother's points estimate:" in result, result


async def test_ones_own_calculation_names_no_one_else(runtime: Runtime) -> None:
    u = User(runtime)
    await u.say("/start")
    shown = await u.say("帮我算一下积分")
    assert started(u, shown) and "情况估算" not in shown, shown
    result = await u.say(*REST)
    assert "我理解的是：40 岁" in result and "您的积分估算：" in result, result


@pytest.mark.parametrize(
    ("said", "whom"),
    [("work out my wife's score", "wife"), ("what are my husband’s points", "husband")],
)
async def test_english_someones_score_is_a_calculation_for_them(
    runtime: Runtime, said: str, whom: str
) -> None:
    en = User(runtime, "en")
    await en.say("English")
    shown = await en.say(said)
    assert en.t("score-for-whom", whom=whom) in shown, shown
    assert "How old is he?" in shown or "How old is she?" in shown, shown
