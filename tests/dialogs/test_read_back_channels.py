"""Issue 19 parts 5 and 6 as each channel shows them, through ConversationService: progress
by part only moves forward and its last part is the last; before the score the bot reads back
every answer, follow-ups too, each with a one-tap fix (a button on Telegram and the web chat,
the words to send on WeChat) that asks that question again and then shows the score."""

from __future__ import annotations

import itertools
import re

import pytest

from bot.channels.telegram.render import render as telegram
from bot.channels.wechat.render import render as wechat
from bot.runtime import Runtime
from dialogs.locales import text
from dialogs.types import Inbound, Reply

ids = itertools.count()
# A run with follow-ups: a title and whether it matches the job, a remote-area bonus and its
# years, a deduction and its counts.
RUN = ["算积分", "40", "本科有学位", "中级职称", "否", "10年", "1倍", "临港", "6", "是", "0", "1",
       "0", "否", "否"]  # fmt: skip
PROGRESS = re.compile(r"第 (\d)/(\d) 部分")


class Person:
    def __init__(self, runtime: Runtime, channel: str) -> None:
        self.runtime, self.channel, self.name = runtime, channel, f"rb-{next(ids)}"

    async def send(self, said: str | None = None, choice: str | None = None) -> list[Reply]:
        inbound = Inbound(
            self.channel, self.name, f"m{next(ids)}", self.runtime.clock(), said, choice
        )
        return list((await self.runtime.service.handle(inbound)).replies)

    def shown(self, replies: list[Reply]) -> str:
        """What the user sees: WeChat's text (numbered choices, words to send) or the text."""
        if self.channel == "wechat":
            return "\n".join(part for r in replies for part in wechat(r))
        return "\n".join(r.text for r in replies)


def _summary(replies: list[Reply]) -> Reply:
    return next(r for r in replies if r.text.startswith("我理解的是"))


@pytest.mark.parametrize("channel", ["web", "wechat", "telegram"])
async def test_progress_only_moves_forward_on_every_channel(runtime: Runtime, channel: str) -> None:
    person = Person(runtime, channel)
    parts: list[tuple[int, int]] = []
    for said in RUN:
        shown = person.shown(await person.send(said))
        parts += [(int(n), int(total)) for n, total in PROGRESS.findall(shown)]
    assert [n for n, _ in parts] == sorted(n for n, _ in parts), parts
    assert {total for _, total in parts} == {4} and parts[-1][0] == 4
    assert "最后" not in "".join(text("zh-CN", f"section-{s}") for s in
                                ("basics", "insurance", "bonus", "deductions"))  # fmt: skip


async def test_every_line_read_back_has_its_fix_and_it_asks_that_question(
    runtime: Runtime,
) -> None:
    person = Person(runtime, "web")
    for said in RUN[:-1]:
        await person.send(said)
    replies = await person.send(RUN[-1])
    summary = _summary(replies)
    assert replies.index(summary) < next(i for i, r in enumerate(replies) if "合计" in r.text)
    lines = summary.text.splitlines()[0].removeprefix("我理解的是：").split(" · ")
    fixes = {b.label: b.id for b in summary.buttons}
    assert len(fixes) == len(lines), (lines, list(fixes))
    for follow_up in ("修改专业对口", "修改远郊重点区域", "修改行政拘留"):
        assert follow_up in fixes
    shown = "\n".join(r.text for r in await person.send(choice=fixes["修改专业对口"]))
    assert text("zh-CN", "q-title-matches") in shown
    shown = "\n".join(r.text for r in await person.send("是"))
    assert text("zh-CN", "q-base-1x") in shown, "a matching title opens its follow-up"
    assert "合计" in "\n".join(r.text for r in await person.send("是")), "then the score again"


async def test_in_wechat_a_follow_up_is_fixed_by_sending_its_words(runtime: Runtime) -> None:
    person = Person(runtime, "wechat")
    for said in RUN[:-1]:
        await person.send(said)
    shown = person.shown(await person.send(RUN[-1]))
    assert "「修改远郊重点区域」" in shown and "「修改学历」" in shown
    shown = person.shown(await person.send("修改远郊重点区域"))
    assert text("zh-CN", "q-remote-area") in shown
    shown = person.shown(await person.send("8年"))
    assert "合计" in shown and "远郊重点区域：8 年" in shown


async def test_on_telegram_the_fixes_wrap_to_a_phones_width(runtime: Runtime) -> None:
    person = Person(runtime, "telegram")
    for said in RUN[:-1]:
        await person.send(said)
    summary = _summary(await person.send(RUN[-1]))
    (message,) = telegram(summary)
    assert message.keyboard is not None
    rows = message.keyboard["inline_keyboard"]
    assert max(len(row) for row in rows) <= 4, "Telegram refuses more than 8 in a row"
    assert [b["callback_data"] for row in rows for b in row] == [b.id for b in summary.buttons]
