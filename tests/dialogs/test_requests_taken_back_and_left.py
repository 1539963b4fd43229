"""Requests taken back, left for another or put off, through ConversationService, with
phrasings written for these tests (none from a held-out set): the request kept is the one not
taken back (找人工客服……不用了，帮我设个签注提醒), or none (重新算…算了，继续，我33岁 answers);
leaving the questions for another request is that request (我不填了，帮我转人工); a calculation
put off (分待会儿再算) is not asked for now. The bot's own reminder told of (你刚才提醒过…)
asks for none; the main screen asked for leaves the questions; someone of the team asked to
look at one's case is a person asked for; let's do the score thing starts the questions."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from tests.dialogs.test_intents import User, handed_off, reminding, restarted, started


@pytest.fixture
def u(runtime: Runtime) -> User:
    return User(runtime)


@pytest.mark.parametrize(
    ("said", "flow"),
    [("我想找人工客服……不用了，帮我设个签注提醒", reminding),
     ("帮我转人工，算了，我先自己算算分", started)],
)  # fmt: skip
async def test_the_request_kept_is_the_one_not_taken_back(u: User, said: str, flow) -> None:
    shown = await u.say(said)
    assert flow(u, shown) and not handed_off(u, shown), shown


async def test_a_restart_taken_back_leaves_the_answer(u: User) -> None:
    await u.say("算积分")
    shown = await u.say("重新算…算了，继续，我33岁")
    assert not restarted(u, shown) and u.t("q-education") in shown, shown


@pytest.mark.parametrize(
    ("said", "flow"),
    [("我不填了，帮我转人工", handed_off), ("不想答了，帮我设个签注提醒", reminding)],
)  # fmt: skip
async def test_leaving_for_another_request_is_that_request(u: User, said: str, flow) -> None:
    await u.say("算积分", "35")
    shown = await u.say(said)
    assert flow(u, shown) and u.t("menu-resume") not in shown, shown


async def test_a_calculation_put_off_is_not_asked_for_now(u: User) -> None:
    shown = await u.say("先帮我设个签注提醒，分待会儿再算")
    assert reminding(u, shown) and not started(u, shown), shown


async def test_the_bots_reminder_told_of_asks_for_none(u: User) -> None:
    await u.say("算积分")
    shown = await u.say("刚才你提醒说按周岁，那就是36")
    assert not reminding(u, shown), shown  # read as an answer at the age question


async def test_the_main_screen_asked_for_leaves_the_questions(u: User) -> None:
    await u.say("算积分", "35")
    shown = await u.say("回到主界面吧")
    assert u.t("menu-resume") in shown, shown


async def test_someone_of_the_team_asked_to_look_at_ones_case_is_a_person(runtime: Runtime) -> None:
    u = User(runtime, "en")
    await u.say("/start", "calculate my points", "35")
    assert handed_off(u, await u.say("Could somebody on your team review my situation?"))


async def test_lets_work_out_the_score_starts(runtime: Runtime) -> None:
    u = User(runtime, "en")
    await u.say("/start")
    assert started(u, await u.say("let's do the score thing"))
