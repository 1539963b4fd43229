"""Texts that word a request to calculate and ask none, through ConversationService, with
phrasings written for these tests (none from a held-out set): the points worked out by
someone now (单位最近正在给我算分: under way, told); the 120 points never done before (我从没搞
过这个120分: 过 is "done", not "over"), asked where to start; a thing said to raise one's score
(这个证书能让我的积分多几分吗: a question about the rule); where to log in to see one's score
(怎么登进去). Requests beside them still ask (现在算分, 我过120了吗)."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from tests.dialogs.test_intents import User, started
from tests.dialogs.test_requests_wished_and_gone_back import ASKED_BACK


@pytest.mark.parametrize(
    "said",
    [
        "单位最近正在给我算分，我想先了解一下",
        "我最近正在算积分，听说职称很重要",
        "我从没搞过这个120分，不知道从哪开始",
        "这个证书能让我的积分多几分吗",
        "想上网看看自己的分数，怎么登进去",
    ],
)
async def test_a_text_that_words_a_calculation_and_asks_none_starts_nothing(
    runtime: Runtime, said: str
) -> None:
    u = User(runtime)
    text = await u.say(said)
    assert not started(u, text) and ASKED_BACK not in text, text


@pytest.mark.parametrize("said", ["现在算分", "我过120了吗", "看看我的分数"])
async def test_the_requests_worded_alike_still_start_the_questions(
    runtime: Runtime, said: str
) -> None:
    u = User(runtime)
    assert started(u, await u.say(said))
