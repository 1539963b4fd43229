"""Reminders through the whole service: the dialog's words in, the effects, the push out."""

from __future__ import annotations

import itertools
from datetime import datetime

from bot.clock import SHANGHAI
from bot.reminders.effects import EFFECTS
from bot.reminders.worker import ReminderWorker, WorkerOptions
from bot.service import ConversationService
from dialogs.types import Inbound

ids = itertools.count()


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)


async def test_user_sets_endorses_lists_and_gets_the_confirmation_push(db, clock, sender) -> None:
    service = ConversationService(db, clock=clock, effects=EFFECTS)

    async def say(text: str) -> str:
        inbound = Inbound("telegram", "42", f"m{next(ids)}", clock(), text=text)
        return "\n".join(reply.text for reply in (await service.handle(inbound)).replies)

    await say("设置提醒")
    assert "· 2026年3月13日 09:00 到期前 7 天签注提醒" in await say("2026年3月20日")
    assert "我会在 2026年3月5日 09:00 提醒您登录积分系统确认积分" in await say("已签注")
    assert await say("我的提醒") == "您的提醒：\n· 2026年3月5日 09:00 积分确认提醒"

    worker = ReminderWorker(db, {"telegram": sender}, clock=clock, options=WorkerOptions(rate=None))
    clock.now = at("2026-03-05 09:00")
    assert await worker.run_once() == 1
    [(chat, text)] = sender.sent
    assert chat == "42"
    assert text.startswith("【积分确认提醒】您 2026-03-02 的签注数据应该已经到达积分系统。")
    assert await say("我的提醒") == "您目前没有待发送的提醒。发送“设置提醒”可以设一个签注提醒。"
