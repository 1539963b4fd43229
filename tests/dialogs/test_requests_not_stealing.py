"""Questions for the FAQ that hold a request's words are not taken for the request, through
ConversationService, with phrasings written for these tests: the points of one item
(年龄能拿几分, how many points for a master's degree) are asked back or answered, never the
questions started at once; a person as the subject of a question, someone else sent to do it,
or a complaint about one's employer is no handoff; the application's own course (材料被退回)
or something else reset is no restart; other points (a driving licence's) are no score."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.runtime import Runtime
from tests.dialogs.test_intents import User, handed_off, restarted, started

# (locale, what is typed at the menu, the request it must not make)
NOT_TAKEN = [
    ("zh-CN", "我40岁，年龄能拿几分", started), ("zh-CN", "硕士学历能算几分", started),
    ("en", "How many points do I get for a master's degree?", started),
    ("en", "How many points would my wife's Shanghai hukou give me?", started),
    ("en", "Do people over 55 still get points for their age?", handed_off),
    ("zh-CN", "公司一直不给交社保，可以投诉吗", handed_off),
    ("zh-CN", "让单位人事代我去重置积分密码，要带什么", handed_off),
    ("en", "Can my HR person apply on my behalf?", handed_off),
    ("zh-CN", "查一下我的驾照积分", started), ("en", "check my driving licence points", started),
]  # fmt: skip


@pytest.mark.parametrize(("locale", "said", "made"), NOT_TAKEN, ids=[s for _, s, _ in NOT_TAKEN])
async def test_a_question_holding_a_requests_words_is_not_taken_for_it(
    runtime: Runtime, locale: str, said: str, made: Callable[[User, str], bool]
) -> None:
    u = User(runtime, locale)
    assert not made(u, await u.say(said)), said


async def test_a_score_asked_for_with_ones_data_still_starts_the_questions(
    runtime: Runtime,
) -> None:
    u = User(runtime)
    assert started(u, await u.say("我40岁硕士，帮我算算多少分"))


@pytest.mark.parametrize("said", ["我要投诉", "I want to complain"])
async def test_a_complaint_to_us_still_hands_off(runtime: Runtime, said: str) -> None:
    u = User(runtime, "en" if said.isascii() else "zh-CN")
    assert handed_off(u, await u.say(said))


SOMETHING_ELSE = ["材料被窗口退回了，要从头再来吗", "How do I reset my router?",
                  "How to make noodles from scratch"]  # fmt: skip


@pytest.mark.parametrize("said", SOMETHING_ELSE)
async def test_starting_something_else_again_is_no_restart(runtime: Runtime, said: str) -> None:
    u = User(runtime, "en" if said.isascii() else "zh-CN")
    replies = await u.send(said)
    assert not restarted(u, "\n".join(r.text for r in replies)), said
    offered = [c.id for r in replies for c in r.choices]
    assert not any(c.startswith("intent:restart") for c in offered), "not even offered"


async def test_resetting_ones_answers_still_restarts(runtime: Runtime) -> None:
    u = User(runtime, "en")
    await u.say("calculate my points", "35")
    assert restarted(u, await u.say("reset my answers"))
