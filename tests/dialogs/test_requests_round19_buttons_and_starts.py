"""Requests of kinds round 19 missed (second round of issue 19 part 2), through
ConversationService, with phrasings written for these tests: a start proposed alone (let's
begin) starts the questions; a person to ask wanted after a question about a phone line
(有热线吗？我想直接问人) is a handoff; 重新 said alone is a restart; an item added to the bonus
picks later on (bonus: add lingang please, 把配偶户口也加上) edits the bonus question; a button
pressed wrong at a follow-up count (我点错了，其实都没有) edits the yes/no that opened it; a yes
then "but" and a guess with 吧 that the rule no longer holds (对口 但是现在不查了吧) is asked
back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from bot.runtime import Runtime
from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    assert_asked_not_stored,
    service_fixture,
)
from tests.dialogs.test_intents import User, handed_off, started
from tests.dialogs.test_requests_blind_classes import typed_at
from tests.dialogs.test_requests_round17_classes import at_the_menu

# (what is typed at the menu, what the dialog does with it, whether it does that)
AT_THE_MENU = [
    ("ok, let's begin", started, True),
    ("alright let's go", started, True),
    ("lets get started", started, True),
    ("有热线吗？我想直接问人", handed_off, True),
    ("你們有客服電話嗎，我想直接問人", handed_off, True),
    ("is there a hotline? I'd rather ask a person", handed_off, True),
    ("我想直接问人事，社保基数怎么查", handed_off, False),  # one's own HR asked, no person of ours
]


@pytest.mark.parametrize(("said", "done", "expected"), AT_THE_MENU)
async def test_a_start_or_a_person_asked_for_at_the_menu(
    runtime: Runtime, said: str, done: Callable[[User, str], bool], expected: bool
) -> None:
    u, shown = await at_the_menu(runtime, said)
    assert done(u, shown) is expected, shown


# (the question open, what is typed there, the question the dialog goes to)
GONE_TO = [
    ("education", "重新", "age"),  # a restart, every answer cleared
    ("title", "重新吧", "age"),
    ("deductions", "bonus: add lingang please", "bonus"),
    ("deductions", "please add the spouse hukou one too", "bonus"),
    ("deductions", "把配偶户口也加上", "bonus"),
    ("deductions", "加分：加上配偶户口", "bonus"),
    # a button pressed wrong at a follow-up: the yes/no that opened it
    ("false_material_count", "我点错了，其实都没有", "deductions"),
    ("false_material_count", "點錯了，其實一個都沒有", "deductions"),
    ("false_material_count", "I clicked the wrong one, I have none of these", "deductions"),
    ("detention_count", "刚才选错了，应该是否", "deductions"),
    ("detention_count", "wrong button, should be no", "deductions"),
]


@pytest.mark.parametrize(("question", "said", "meant"), GONE_TO)
async def test_a_restart_or_an_edit_said_alone_goes_to_the_question_meant(
    service: Any, question: str, said: str, meant: str
) -> None:
    reply, answers, context = await typed_at(service, question, said)
    assert context["q"] == meant and question not in answers, reply
    assert meant != "age" or not answers, reply


async def test_adding_asked_how_is_no_edit(runtime: Runtime) -> None:
    replies = await User(runtime).send("结婚了，怎么把配偶加进去")
    offered = [c.id for r in replies for c in r.choices]
    assert not any(i.startswith("intent:edit") for i in offered), offered


@pytest.mark.parametrize(
    "said", ["对口 但是现在不查了吧", "对口，可是现在已经不审核了吧", "對口 但是現在不查了吧"]
)
async def test_a_yes_then_but_a_guess_at_the_rule_with_ba_is_asked_back(
    service: Any, said: str
) -> None:
    await assert_asked_not_stored(service, "title_matches_job", [said])
