"""A reminder request that tells the expiry date with it, through ConversationService, with
phrasings written for these tests: the reminder is set from that date, not asked for again;
a date that cannot be the expiry (past) is said why and asked; no date, asked as before."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from tests.dialogs.test_intents import User, reminding


@pytest.mark.parametrize(
    ("locale", "said", "day"),
    [
        ("zh-CN", "帮我弄个签注提醒，居住证2027年8月20日到期", "2027-08-20"),
        ("zh-CN", "居住证明年5月3号到期，到时候提醒我签注", "2027-05-03"),
        ("en", "remind me to endorse, my permit expires 2027-09-14", "2027-09-14"),
    ],
)
async def test_the_date_told_with_the_request_sets_the_reminder(
    runtime: Runtime, locale: str, said: str, day: str
) -> None:
    u = User(runtime, locale)
    if locale == "en":
        await u.say("English")
    shown = await u.say(said)
    assert not reminding(u, shown), shown
    assert u.t("reminders.set", expiry="", lines="").split("\n")[0][-12:] in shown, shown
    assert day in shown, shown


async def test_a_past_date_told_is_said_and_asked(runtime: Runtime) -> None:
    u = User(runtime)
    shown = await u.say("提醒我签注，我的居住证2025年1月5日到期")
    assert "已经过去了" in shown and u.t("remind-example") in shown, shown


async def test_no_date_told_asks_for_it(runtime: Runtime) -> None:
    u = User(runtime)
    assert reminding(u, await u.say("帮我设个签注提醒"))
