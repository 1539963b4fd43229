"""'Nothing at all' said with 啥/什么 (俺啥事没有, 什么毛病没有) answers a yes/no question with
no; it is not a question for the FAQ. Through ConversationService, with phrasings written for
this test (none from a held-out set)."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from tests.dialogs.applicant import BEFORE
from tests.dialogs.test_intents import User


@pytest.mark.parametrize("said", ["俺啥事没有", "啥事没有", "我什么毛病没有", "咱啥问题没有啊"])
async def test_nothing_at_all_said_with_what_is_a_no(runtime: Runtime, said: str) -> None:
    plain, told = User(runtime), User(runtime)
    await plain.say("算积分", *BEFORE["deductions"])
    await told.say("算积分", *BEFORE["deductions"])
    assert await told.say(said) == await plain.say("没有"), said


async def test_a_question_with_what_is_still_a_question(runtime: Runtime) -> None:
    u = User(runtime)
    await u.say("算积分", *BEFORE["deductions"])
    shown = await u.say("什么算虚假材料？")
    assert shown != await User(runtime).say("算积分", *BEFORE["deductions"], "没有"), shown
