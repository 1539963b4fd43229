"""Questions about the rules that name a request's words are the FAQ's, through
ConversationService, with phrasings written for these tests: told how rather than told when
(一步步给我讲讲), what someone else said or whether one must (HR说得重新弄, do I have to start
over?), 是不是…都是 (a question, no correction), 就算 (counts as), the hours of someone else's
staff (12333), a person and a verb far apart in a story; a person asked for still is one."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from tests.dialogs.test_intents import User, handed_off, reminding, restarted, started

QUESTIONS = [
    ("zh-CN", "签注快到期了该怎么弄？你一步步跟我说说"),
    ("zh-CN", "换工作了，新单位HR说积分得重新弄，真的假的？"),
    ("zh-CN", "35岁以下是不是年龄分都是满分？"),
    ("zh-CN", "拿到居住证就算有积分了吧？"),
    ("zh-CN", "12333的人工几点上班？"),
    ("en", "If I miss the endorsement date, do I have to start over?"),
    ("en", "My boss says to get the permit first and then ask the staff there. What do I bring?"),
]


@pytest.mark.parametrize(("locale", "said"), QUESTIONS, ids=[q[1] for q in QUESTIONS])
async def test_a_question_naming_a_request_word_starts_no_flow(
    runtime: Runtime, locale: str, said: str
) -> None:
    u = User(runtime, locale)
    shown = await u.say(said)
    for flow in (started, reminding, restarted, handed_off):
        assert not flow(u, shown), (flow.__name__, said)
    assert u.t("edit-nothing") not in shown, said


@pytest.mark.parametrize("said", ["connect me to an agent please", "can I talk to someone"])
async def test_a_person_asked_for_in_english_is_still_a_handoff(
    runtime: Runtime, said: str
) -> None:
    u = User(runtime, "en")
    assert handed_off(u, await u.say(said)), said
