"""The class of conversations, not a few of them: random runs of answers, edits, back,
restart, menu, FAQ questions and handoffs through the real ConversationService on SQLite.

After every step: nothing raised; a conversation the bot held answered; every score shown is
the score `jifen score` gives for the answers stored at that moment. Each run ends by
finishing the questions, so every run is checked against `jifen score` at least once."""

from __future__ import annotations

import asyncio
import contextlib
import io
import itertools
import json
import re
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, rule, run_state_machine_as_test

from bot.cli import main as jifen
from bot.config import Settings
from bot.runtime import Runtime, build_runtime
from bot.storage.conversations import find_user
from bot.storage.models import Conversation
from bot.support.handoff import HandoffDesk
from bot.support.hours import StaffHours
from dialogs.machine import QUESTIONING
from dialogs.questions import by_id
from dialogs.types import Inbound, Reply
from tests.bot.helpers import FakeClock
from tests.conftest import fresh_sqlite

TOTAL = re.compile(r"合计：(\d+) 分|Total: (\d+) points")
RESULT_ERROR = ("无法计算", "could not be scored")
# Typed answers that fit one question or another, and some that fit none.
ANSWERS = ["30", "45岁", "1990年5月", "大专", "本科有学位", "硕士", "没有", "中级职称", "技师",
           "是", "否", "4年", "1年", "8年", "30个月", "5", "2倍", "0.8", "1 3", "2", "无", "0",
           "20万", "3年", "市级专项", "我也不确定", "asdf", "", "  "]  # fmt: skip
EDITS = ["修改年龄", "修改学历", "修改职称", "修改社保", "修改基数", "修改加分", "修改减分",
         "修改星座"]  # fmt: skip
ASIDES = ["返回", "重新开始", "菜单", "算积分", "English", "中文", "积分有效期是多久？",
          "你好", "设置提醒", "取消", "我想改一下学历", "帮我算一下积分", "怎么算积分",
          "我想重新算一遍", "change my education"]  # fmt: skip
# What finishes a question that offers no buttons (ids as in dialogs/questions.py).
FREE_ANSWERS = {"age": "30", "social_insurance_months": "50个月", "investment_tax_yuan": "0",
                "local_hires": "0", "public_service_years": "1", "remote_area_years": "1",
                "spouse_hukou_years": "1", "false_material_count": "0", "detention_count": "0",
                "criminal_count": "0"}  # fmt: skip
FINISH_STEPS = 40
users = itertools.count()


class Dialogs(RuleBasedStateMachine):
    runtime: Runtime
    clock: FakeClock
    loop: asyncio.AbstractEventLoop
    workdir: Path

    def __init__(self) -> None:
        super().__init__()
        self.user = f"stateful-{next(users)}"
        self.messages = itertools.count()
        self.replies: list[Reply] = []
        self.started = False
        self.tries = 0

    # -- talking to the service ---------------------------------------------------------

    def send(self, text: str | None = None, choice: str | None = None) -> None:
        held_before = self.started and self.stored().mode != "bot"
        self.started = True
        inbound = Inbound(
            "web", self.user, f"{self.user}-{next(self.messages)}", self.clock(), text, choice
        )
        handled = self.loop.run_until_complete(self.runtime.service.handle(inbound))
        self.replies = list(handled.replies)
        if not held_before:
            assert self.replies, f"no reply to {text or choice!r}"
        self.check_score()

    def stored(self) -> Conversation:
        async def load() -> Conversation:
            async with self.runtime.db.transaction() as session:
                user = await find_user(session, "web", self.user)
                assert user is not None
                conversation = await session.get(Conversation, user.id)
                assert conversation is not None
                return conversation

        return self.loop.run_until_complete(load())

    def check_score(self) -> None:
        """A score shown is `jifen score` on the stored answers, a refusal is its exit 2."""
        text = "\n".join(reply.text for reply in self.replies)
        shown = TOTAL.search(text)
        refused = any(words in text for words in RESULT_ERROR)
        if not shown and not refused:
            return
        code, output = score_with_cli(self.stored().answers, self.clock())
        if refused:
            assert code == 2, output
        else:
            assert code == 0, output
            assert int(shown.group(1) or shown.group(2)) == json.loads(output)["total"]

    # -- rules ----------------------------------------------------------------------------

    @rule(text=st.sampled_from(ANSWERS))
    def type_an_answer(self, text: str) -> None:
        self.send(text)

    @rule(index=st.integers(min_value=0, max_value=12))
    def press_a_button(self, index: int) -> None:
        offered = [c.id for reply in self.replies for c in (*reply.choices, *reply.buttons)]
        self.send(choice=offered[index % len(offered)] if offered else "menu:score")

    @rule(text=st.sampled_from(EDITS))
    def edit(self, text: str) -> None:
        self.send(text)

    @rule(text=st.sampled_from(ASIDES))
    def aside(self, text: str) -> None:
        self.send(text)

    @rule()
    def hand_off_and_come_back(self) -> None:
        self.send("转人工")
        self.send("我还有个问题")
        self.send("取消")

    @rule()
    def answer_well(self) -> None:
        """An answer the open question takes (or the first button): runs get deep."""
        stored = self.stored() if self.started else None
        if stored is None or stored.mode != "bot" or stored.state not in QUESTIONING:
            self.send("算积分")
        elif stored.state == "confirming":
            self.send(choice=stored.context["pending"]["options"][0])
        elif stored.context["q"] in FREE_ANSWERS:
            self.send(FREE_ANSWERS[stored.context["q"]])
        else:  # the next option each time: one may be refused as impossible
            options = by_id(stored.context["q"]).choices
            self.tries += 1
            self.send(choice=options[self.tries % len(options)].id)

    def teardown(self) -> None:
        """Finish the questions from wherever the run stopped: the result is checked too."""
        if self.started and self.stored().mode != "bot":
            self.send("取消")
        self.send("算积分")
        for _ in range(FINISH_STEPS):
            if self.stored().state == "menu":
                break
            self.answer_well()
        assert self.stored().state == "menu"
        assert TOTAL.search("\n".join(r.text for r in self.replies)) or any(
            words in r.text for r in self.replies for words in RESULT_ERROR
        )


def score_with_cli(answers: dict[str, Any], now: datetime) -> tuple[int, str]:
    """`jifen score --json` run in-process on a profile file, as a user would run it."""
    path = Dialogs.workdir / "profile.json"
    path.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = jifen(["score", str(path), "--json", "--as-of", now.date().isoformat()])
    return code, (out.getvalue() or err.getvalue()).splitlines()[0]


Dialogs.TestCase.settings = settings(
    max_examples=15,
    stateful_step_count=10,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def test_random_conversations_never_fail_and_score_like_the_cli() -> None:
    loop = asyncio.new_event_loop()
    # In memory where there is a tmpfs: a step commits, and a disk's fsync is most of a step.
    scratch = tempfile.TemporaryDirectory(dir="/dev/shm" if Path("/dev/shm").is_dir() else None)
    tmp_path = Path(scratch.name)
    try:
        url = loop.run_until_complete(fresh_sqlite(tmp_path).__aenter__())
        clock = FakeClock()  # Monday 10:00 in Shanghai: staff are at work
        runtime = build_runtime(
            Settings(database_url=url), clock=clock, handoff=HandoffDesk(StaffHours())
        )
        Dialogs.runtime, Dialogs.clock, Dialogs.loop = runtime, clock, loop
        Dialogs.workdir = tmp_path
        run_state_machine_as_test(Dialogs, settings=Dialogs.TestCase.settings)
        loop.run_until_complete(runtime.db.dispose())
    finally:
        loop.close()
        scratch.cleanup()
