"""A reminder refused in passing beside an answer (不用提醒，我32 at the age question), through
ConversationService, with phrasings written for these tests: the answer is taken, nothing is
asked back; refused alone, or with "again" (不用再给我发提醒), the reminders are cancelled."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from tests.dialogs.test_intents import User


@pytest.mark.parametrize("said", ["不用提醒，我32", "不需要签注提醒，今年41了"])
async def test_a_reminder_refused_beside_the_age_is_the_age(runtime: Runtime, said: str) -> None:
    u = User(runtime)
    await u.say("算积分")
    shown = await u.say(said)
    assert u.t("q-education") in shown, shown


@pytest.mark.parametrize("said", ["不需要提醒", "不用再给我发提醒", "别再给我发签注提醒了"])
async def test_refused_alone_cancels_the_reminders(runtime: Runtime, said: str) -> None:
    u = User(runtime)
    await u.say("设置提醒", "2027年3月1日")
    assert u.t("reminders.cancelled", count="3") in await u.say(said), said
