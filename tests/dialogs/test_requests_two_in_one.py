"""Two requests in one message, through ConversationService, with phrasings written for these
tests: one is carried out, the other is offered after it as a button, which then works from
wherever the user is; not after a person was asked for (the staff hold the
conversation then), and a calculation is not offered after a request that leads into the
questions anyway, nor a step back away from its question."""

from __future__ import annotations

from bot.runtime import Runtime
from dialogs.types import Reply
from tests.dialogs.test_intents import User, handed_off, reminding, restarted, started


def text_of(replies: list[Reply]) -> str:
    return "\n".join(r.text for r in replies)


def buttons(replies: list[Reply]) -> dict[str, str]:
    return {b.label: b.id for r in replies for b in r.buttons}


async def test_a_reminder_asked_with_the_calculation_is_offered_and_the_answers_kept(
    runtime: Runtime,
) -> None:
    u = User(runtime)
    await u.say("算积分", "35")
    replies = await u.send("接着帮我把积分算完，另外我还想设一个签注提醒")
    assert u.t("q-education") in text_of(replies), "the first request: the questions go on"
    offered = buttons(replies)
    assert u.t("intent-remind") in offered
    replies = await u.send(choice=offered[u.t("intent-remind")])
    assert reminding(u, text_of(replies))
    assert u.t("q-education") in await u.say("算积分"), "35 and the open question kept"


async def test_in_english_one_request_is_carried_out_and_the_other_is_a_button(
    runtime: Runtime,
) -> None:
    u = User(runtime, "en")
    replies = await u.send("set a reminder for my permit and then work out my score")
    assert started(u, text_of(replies))
    offered = buttons(replies)
    assert u.t("intent-remind") in offered
    assert reminding(u, text_of(await u.send(choice=offered[u.t("intent-remind")])))


async def test_no_second_request_is_offered_after_a_person_was_asked_for(runtime: Runtime) -> None:
    u = User(runtime)
    replies = await u.send("我要找人工客服，顺便帮我设个提醒")
    assert handed_off(u, text_of(replies))
    assert u.t("intent-remind") not in buttons(replies)


async def test_no_calculation_is_offered_after_a_restart(runtime: Runtime) -> None:
    u = User(runtime)
    await u.say("算积分", "35")
    replies = await u.send("清空重来吧，然后帮我算一下分")
    assert restarted(u, text_of(replies))
    assert u.t("intent-calculate") not in buttons(replies)


async def test_a_step_back_said_second_is_not_offered_away_from_its_question(
    runtime: Runtime,
) -> None:
    u = User(runtime)
    await u.say("算积分", "35", "硕士")
    replies = await u.send("先帮我设置签注提醒，然后回上一题")
    assert reminding(u, text_of(replies))
    assert u.t("intent-back") not in buttons(replies)
