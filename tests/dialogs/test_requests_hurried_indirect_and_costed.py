"""Requests in a hurry or put indirectly, and what a calculation costs. A calculation asked for
in a hurry with its reason (赶快算，我很急) or begun at once (马上开始吧) starts the questions;
someone to talk to asked after (is there anybody I could speak with?), someone to call back,
someone in charge or someone else who understands (换个懂行的人) is a person; what working the
points out costs (测算积分收费吗, is the points calculation free?) or whether it is accurate
(积分测算靠谱吗) is a question for the FAQ, not a calculation. Through ConversationService,
with phrasings written for these tests (none from a held-out set)."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from tests.dialogs.test_intents import User, handed_off, started


@pytest.fixture
def u(runtime: Runtime) -> User:
    return User(runtime)


@pytest.mark.parametrize(
    "said", ["赶快算，我很急", "快点出分，没时间", "马上开始吧", "现在就开始答题"]
)
async def test_a_calculation_in_a_hurry_starts_the_questions(u: User, said: str) -> None:
    await u.say("/start")
    assert started(u, await u.say(said)), said


@pytest.mark.parametrize(
    "said",
    [
        "is there anybody I could speak with?",
        "do you have a person I can talk to",
        "could somebody from your team call me?",
        "叫你们管事的来",
        "说不明白，换个懂行的人",
    ],
)
async def test_someone_to_talk_to_asked_after_is_a_person(u: User, said: str) -> None:
    await u.say("/start")
    assert handed_off(u, await u.say(said)), said


@pytest.mark.parametrize(
    "said",
    [
        "测算积分收费吗",
        "算一次积分要花钱吗",
        "is the points calculation free?",
        "你们的积分测算靠谱吗",
        "is your points calculator accurate?",
    ],
)
async def test_what_a_calculation_costs_is_no_calculation(u: User, said: str) -> None:
    await u.say("/start")
    shown = await u.say(said)
    assert not started(u, shown), shown
    assert u.t("intent-which", said=said)[:6] not in shown, shown  # not asked back either
