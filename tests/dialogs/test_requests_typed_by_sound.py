"""Requests whose cue words were typed with a character of the same sound (pinyin input picks
from a list), through ConversationService, with slips no table lists: the cue is read by its
sound (dialogs/cue_typos.py, on the FAQ's reading); a real word that sounds alike, or two
characters across two words, is read as it is."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from tests.dialogs.test_intents import User, handed_off, reminding, restarted, started

TO_TITLE = ("算积分", "35", "硕士")


@pytest.mark.parametrize(
    ("said", "flow"),
    [("积奋计算", started), ("签注到期了提幸我", reminding), ("麻烦转人攻", handed_off),
     ("虫新开始吧", restarted)],
)  # fmt: skip
async def test_a_request_typed_by_sound_is_carried_out(
    runtime: Runtime, said: str, flow: object
) -> None:
    u = User(runtime)
    assert flow(u, await u.say(said)), said  # type: ignore[operator]


@pytest.mark.parametrize(("said", "asked"), [("学厉填错了", "q-education"),
                                             ("社堡那题写错了", "q-months")])  # fmt: skip
async def test_a_question_named_by_sound_is_asked_again(
    runtime: Runtime, said: str, asked: str
) -> None:
    u = User(runtime)
    await u.say(*TO_TITLE, "没有", "5年")
    assert u.t(asked) in await u.say(said), said


@pytest.mark.parametrize("said", ["积分通知书丢了，能重新打一张吗", "我是公司合伙人，能加分吗"])
async def test_words_that_only_sound_like_a_cue_ask_for_nothing(
    runtime: Runtime, said: str
) -> None:
    u = User(runtime)
    shown = await u.say(said)
    assert not started(u, shown) and not restarted(u, shown) and not handed_off(u, shown)
