""" "Which level / kind is X" typed at a question about levels (劳模算哪一级 at the award,
高级技师属于哪一档 at the title), through ConversationService, with phrasings written for these
tests: a question about the rule, never taken as a level; the question stays open. Saying
none that way (哪种证书都没有) is still an answer."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from tests.dialogs.test_intents import User

TO_TITLE = ("算积分", "35", "硕士")
TO_BONUS = (*TO_TITLE, "没有", "5年", "2倍")


@pytest.mark.parametrize("said", ["区里评的劳模算哪一级", "五一劳动奖章属于哪一档"])
async def test_which_level_at_the_award_keeps_it_open(runtime: Runtime, said: str) -> None:
    u = User(runtime)
    await u.say(*TO_BONUS)
    assert u.t("q-award") in await u.say("获得过表彰")
    shown = await u.say(said)
    assert u.t("q-award") in shown, shown
    assert u.t("q-deductions") not in shown, shown


@pytest.mark.parametrize("said", ["高级技师属于哪一级", "助理工程师算哪一类职称"])
async def test_which_level_at_the_title_keeps_it_open(runtime: Runtime, said: str) -> None:
    u = User(runtime)
    await u.say(*TO_TITLE)
    shown = await u.say(said)
    assert u.t("q-title") in shown, shown
    assert u.t("q-title-matches") not in shown and u.t("q-months") not in shown, shown


@pytest.mark.parametrize("said", ["哪种证书都没有", "哪个级别的证都没有", "哪个系列的职称都没有"])
async def test_none_of_any_level_is_an_answer(runtime: Runtime, said: str) -> None:
    u = User(runtime)
    await u.say(*TO_TITLE)
    assert u.t("q-months").split("（")[0] in await u.say(said), said
