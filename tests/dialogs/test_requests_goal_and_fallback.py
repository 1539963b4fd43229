"""A calculation asked at the menu in shorthand, as a goal, beside facts or beside what it is
for, and a request with a fallback after it, through ConversationService (phrasings written
for these tests, none from a held-out set): each starts the questions; the fallback (不行的话
转人工) is no request now and hands nobody off."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from tests.dialogs.test_intents import User, handed_off, started


@pytest.mark.parametrize(
    "said",
    ["calc my pts pls", "pts calc", "I'd like to see whether I can hit 120",
     "want to find out if I'd make it to 120"],
)  # fmt: skip
async def test_english_shorthand_or_a_goal_starts_the_questions(
    runtime: Runtime, said: str
) -> None:
    en = User(runtime, "en")
    await en.say("English")
    assert started(en, await en.say(said)), said


@pytest.mark.parametrize(
    "said",
    ["麻烦评个分 我硕士 社保交了3年", "帮我评一下分吧", "我想看看自己积分多少 够不够孩子入学"],
)
async def test_a_calculation_beside_facts_or_its_purpose_starts_the_questions(
    runtime: Runtime, said: str
) -> None:
    u = User(runtime)
    await u.say("/start")
    assert started(u, await u.say(said)), said


@pytest.mark.parametrize(
    "said",
    ["帮我测一下积分，实在不行的话再找客服", "先算分，否则就转人工",
     "我要算积分，搞不定的话转人工",
     # the calculation named only as what may fail: it is asked for, the person put off
     "实在算不了的话再找客服", "算不出来再转人工"],
)  # fmt: skip
async def test_a_request_with_a_fallback_starts_the_first_now(runtime: Runtime, said: str) -> None:
    u = User(runtime)
    await u.say("/start")
    shown = await u.say(said)
    assert started(u, shown), shown
    assert not handed_off(u, shown), shown


@pytest.mark.parametrize(
    "said",
    ["work out my points, otherwise get me an agent", "if you can't work it out, get me a human"],
)
async def test_an_english_fallback_is_not_taken_now(runtime: Runtime, said: str) -> None:
    en = User(runtime, "en")
    await en.say("English")
    shown = await en.say(said)
    assert started(en, shown) and not handed_off(en, shown), shown


@pytest.mark.parametrize(
    "said", ["积分入学怎么算", "这个机器人没用，转人工", "我自己算不出来，转人工"]
)
async def test_school_points_and_a_complaint_stay_what_they_were(
    runtime: Runtime, said: str
) -> None:
    u = User(runtime)
    await u.say("/start")
    shown = await u.say(said)
    assert not started(u, shown), shown
