"""Staff told of in a question is no request for a person, through ConversationService: the
question gets its FAQ answer (受理点的工作人员说材料不全怎么办 is the rejected application;
工作人员能通过我们申请积分吗, a representative office's staff, is the branch staff's topic),
and no handoff; staff named alone or asked for (请工作人员帮我看看, 工作人员在吗) still is."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from faq.retrieve import load_entries
from tests.dialogs.test_intents import User, handed_off


def _first_line(topic: str) -> str:
    entry = next(e for e in load_entries() if e.id == topic)
    return entry.answer.strip().splitlines()[0][:12]


@pytest.mark.parametrize(
    ("said", "topic"),
    [
        ("受理点的工作人员说材料不全怎么办", "rejected_application"),
        ("我们是某省驻沪联络处，工作人员能通过我们申请积分吗", "branch_staff"),
    ],
)
async def test_staff_told_of_in_a_question_gets_the_answer(
    runtime: Runtime, said: str, topic: str
) -> None:
    u = User(runtime)
    shown = await u.say(said)
    assert not handed_off(u, shown), shown
    assert _first_line(topic) in shown, shown


@pytest.mark.parametrize("said", ["请工作人员帮我看看", "工作人员在吗？", "负责人呢", "工作人员"])
async def test_staff_asked_for_is_a_person(runtime: Runtime, said: str) -> None:
    u = User(runtime)
    assert handed_off(u, await u.say(said)), said
