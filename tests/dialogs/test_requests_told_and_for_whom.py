"""Facts told, through ConversationService (phrasings written for these tests, none from a
held-out set): the facts told with a request asked back (calculate, or the FAQ?) are taken
when the calculation is picked; and while the points are worked out for someone else, what is
said of that person (他35岁) answers the question."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from tests.dialogs.test_intents import User


async def press(u: User, label: str) -> str:
    offered = {c.label: c.id for r in u.last for c in r.choices}
    u.last = await u.send(choice=offered[label])
    return "\n".join(r.text for r in u.last)


@pytest.mark.parametrize(
    ("locale", "said", "label", "understood"),
    [
        ("zh-CN", "我在上海交了7年社保，能拿多少分", "开始计算我的积分", "7 年 0 个月"),
    ],
)
async def test_the_facts_told_are_taken_when_the_calculation_is_picked(
    runtime: Runtime, locale: str, said: str, label: str, understood: str
) -> None:
    u = User(runtime, locale)
    await u.say("English" if locale == "en" else "/start")
    u.last = await u.send(said)
    shown = await press(u, label)
    assert understood in shown, shown


async def test_what_is_said_of_the_person_calculated_for_answers(runtime: Runtime) -> None:
    u = User(runtime)
    await u.say("/start", "帮我老公算一下积分")
    his = {"who": "他", "whose": "他的"}
    assert u.t("q-education-whom", **his) in await u.say("他35岁")
    assert u.t("q-title-whom", **his) in await u.say("我老公是硕士")
    assert u.t("q-months-whom", **his) in await u.say("他没有职称")
    shown = await u.say("他的社保交了6年", "2倍", "无", "否")
    assert "35 岁 · 硕士" in shown and "社保年限：6 年 0 个月" in shown, shown
