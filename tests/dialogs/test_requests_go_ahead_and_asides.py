"""A go-ahead beside an answer or a reason, and words beside an answer that say nothing of it,
through ConversationService (phrasings written for these tests, none from a held-out set):
"none" and a go-ahead at the bonus question is the answer none; a working-out verb with why it
is wanted now (单位急着要) starts the questions; the open question echoed back (年龄？41) or a
request refused in passing (no need to start over) leaves the answer beside it."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from tests.dialogs.test_intents import User, started

TO_BONUS = ("算积分", "30", "大专", "没有", "4年", "无")  # the bonus question open


@pytest.mark.parametrize("said", ["都没有，赶紧出分吧", "没有符合的，直接算"])
async def test_none_and_a_go_ahead_at_the_bonus_is_the_answer_none(
    runtime: Runtime, said: str
) -> None:
    u = User(runtime)
    await u.say(*TO_BONUS)
    shown = await u.say(said)
    assert u.t("q-deductions").split("：")[0] in shown, shown
    assert u.t("score-continue") not in shown, shown


@pytest.mark.parametrize("said", ["帮我算一下，单位急着要", "测一下吧，中介在催"])
async def test_a_working_out_verb_and_why_now_starts_the_questions(
    runtime: Runtime, said: str
) -> None:
    u = User(runtime)
    await u.say("/start")
    assert started(u, await u.say(said)), said


async def test_english_calculate_with_a_reason_starts_the_questions(runtime: Runtime) -> None:
    en = User(runtime, "en")
    await en.say("English")
    assert started(en, await en.say("just work it out please, my agent is waiting"))


@pytest.mark.parametrize("said", ["年龄？41", "岁数吗？41，不用转人工", "41，不需要重新开始"])
async def test_the_age_beside_an_echo_or_a_refused_request_is_taken(
    runtime: Runtime, said: str
) -> None:
    u = User(runtime)
    await u.say("算积分")
    shown = await u.say(said)
    assert u.t("q-education") in shown, shown


@pytest.mark.parametrize("said", ["my age? 52", "52. no need to start over", "age? 52, no restart"])
async def test_english_the_age_beside_an_echo_or_a_refused_request_is_taken(
    runtime: Runtime, said: str
) -> None:
    en = User(runtime, "en")
    await en.say("English", "score")
    shown = await en.say(said)
    assert en.t("q-education").split("(")[0].strip() in shown, shown


@pytest.mark.parametrize("said", ["38，出分以后再帮我转人工", "38，设提醒之前先把分算出来"])
async def test_a_request_put_after_the_score_leaves_the_answer_beside_it(
    runtime: Runtime, said: str
) -> None:
    u = User(runtime)
    await u.say("算积分")
    shown = await u.say(said)
    assert u.t("q-education") in shown, shown
    assert u.t("remind-ask-expiry") not in shown, shown


async def test_a_reminder_asked_for_the_result_once_worked_out_is_no_reminder(
    runtime: Runtime,
) -> None:
    u = User(runtime)
    await u.say(*TO_BONUS)
    shown = await u.say("没有，算好了提醒我看结果")
    assert u.t("q-deductions").split("：")[0] in shown, shown
    assert u.t("remind-ask-expiry") not in shown, shown


@pytest.mark.parametrize("said", ["本科毕业，学位证？也拿到了", "本科，学位呢？有"])
async def test_a_question_of_ones_own_inside_the_answer_is_not_an_echo(
    runtime: Runtime, said: str
) -> None:
    """Only a leading echo is dropped: a question later in the answer is answered after it."""
    u = User(runtime)
    await u.say("算积分", "30")
    shown = await u.say(said)
    assert u.t("q-title").split("：")[0] in shown, shown
