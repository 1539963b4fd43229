"""A request refused (不用帮我转人工, don't transfer me to a human, no need for a human, 不想重新算)
starts nothing, with a few words of the request between the refusal and its cue, in
simplified and traditional Chinese and in English, through ConversationService, with
phrasings written for these tests (none from a held-out set). A refusal in a clause of its own
before a request (no idea, talk to a human) refuses nothing."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from tests.dialogs.test_intents import User, handed_off, restarted, started


@pytest.fixture
def u(runtime: Runtime) -> User:
    return User(runtime)


@pytest.mark.parametrize(
    ("locale", "said"),
    [("zh-CN", "不用帮我转人工"), ("zh-CN", "不需要给我转人工"), ("zh-CN", "不用幫我轉人工"),
     ("en", "don't transfer me to a human"), ("en", "no need for a human"),
     ("en", "don't connect me to an agent"), ("en", "no human please")],
)  # fmt: skip
async def test_a_person_refused_is_no_handoff(runtime: Runtime, locale: str, said: str) -> None:
    u = User(runtime, locale)
    await u.say("算积分" if locale == "zh-CN" else "English", "30")
    assert not handed_off(u, await u.say(said)), said


@pytest.mark.parametrize(
    ("locale", "said"),
    [("zh-CN", "不用给我重新开始"), ("zh-CN", "不想重新算"), ("zh-CN", "先不要重新開始"),
     ("en", "don't make me start again"), ("en", "please don't start over")],
)  # fmt: skip
async def test_a_restart_refused_keeps_the_answers(
    runtime: Runtime, locale: str, said: str
) -> None:
    u = User(runtime, locale)
    if locale == "zh-CN":
        await u.say("算积分", "30")
    else:
        await u.say("English", "score", "30")
    shown = await u.say(said)
    assert not restarted(u, shown) and u.t("q-age") not in shown, shown


@pytest.mark.parametrize("said", ["不用帮我算积分", "I don't need you to calculate my points"])
async def test_a_calculation_refused_asks_nothing(u: User, said: str) -> None:
    assert not started(u, await u.say(said)), said


@pytest.mark.parametrize(
    "said", ["I have no idea, talk to a human", "I don't understand, let me talk to a human"]
)
async def test_a_refusal_in_a_clause_of_its_own_refuses_nothing(u: User, said: str) -> None:
    await u.say("算积分")
    assert handed_off(u, await u.say(said)), said
