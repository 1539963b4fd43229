"""Requests in words the cues did not know, through ConversationService, with phrasings written
for these tests: a homophone slipped in by the input method (积芬, 学立, 开使), 重答 for
answering again, 模拟 for working a score out, one step back in the user's words (回上一题吧,
go back one question), "I really need a person"; and the same words as part of a story
(2018年重新开始缴, 单位调了基数之后…) or before a colon (帮我算一下：…) are an answer."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from tests.dialogs.test_intents import User, handed_off, restarted, started

TO_TITLE = ("算积分", "35", "硕士")


@pytest.mark.parametrize("said", ["积芬计算", "测一下积汾", "模拟一下我的积分", "想做个积分模拟"])
async def test_a_score_asked_in_other_words_starts_the_questions(
    runtime: Runtime, said: str
) -> None:
    u = User(runtime)
    assert started(u, await u.say(said)), said


@pytest.mark.parametrize(
    ("said", "asked"),
    [("学立填错了", "q-education"), ("年记写错了", "q-age"), ("年纪那题重答", "q-age"),
     ("学历那题我要重写", "q-education")],
)  # fmt: skip
async def test_an_answer_named_with_a_slip_or_to_answer_again_is_asked_again(
    runtime: Runtime, said: str, asked: str
) -> None:
    u = User(runtime)
    await u.say(*TO_TITLE, "没有")
    shown = await u.say(said)
    assert u.t(asked) in shown, shown


async def test_a_restart_typed_with_a_slip_starts_again(runtime: Runtime) -> None:
    u = User(runtime)
    await u.say(*TO_TITLE)
    assert restarted(u, await u.say("我要重新开使"))


BACK = [("zh-CN", "回上一题吧"), ("zh-CN", "退回上一步"), ("en", "go back one question"),
        ("en", "take me back")]  # fmt: skip


@pytest.mark.parametrize(("locale", "said"), BACK)
async def test_one_step_back_in_own_words_asks_the_question_before_with_its_answer(
    runtime: Runtime, locale: str, said: str
) -> None:
    u = User(runtime, locale)
    await u.say("算积分" if locale == "zh-CN" else "calculate my points", "35")
    shown = await u.say("硕士" if locale == "zh-CN" else "master's degree")
    assert u.t("q-title") in shown
    shown = await u.say(said)
    assert u.t("q-education") in shown, shown
    assert u.t("previous-answer", answer=u.t("edu-master")) in shown


@pytest.mark.parametrize("said", ["I really need a person", "we'd like a representative"])
async def test_a_person_wanted_in_english_hands_off(runtime: Runtime, said: str) -> None:
    u = User(runtime, "en")
    assert handed_off(u, await u.say(said)), said


async def test_a_question_about_needing_a_person_is_no_handoff(runtime: Runtime) -> None:
    u = User(runtime, "en")
    assert not handed_off(u, await u.say("Do I need a person to sign for me?"))


@pytest.mark.parametrize("said", ["2018年重新开始缴，算下来6年", "2018年1月重新开始交的"])
async def test_starting_again_in_ones_story_is_no_restart(runtime: Runtime, said: str) -> None:
    u = User(runtime)
    await u.say("算积分", "35", "硕士", "没有")
    shown = await u.say(said)
    assert u.t("restarted") not in shown and u.t("q-age") not in shown, shown


async def test_a_change_in_ones_story_answers_the_open_question(runtime: Runtime) -> None:
    u = User(runtime)
    assert u.t("q-base-1x") in await u.say(*TO_TITLE, "中级职称", "是")
    shown = await u.say("是，单位改过缴费基数，之后都在1倍以上")
    assert u.t("q-tier") not in shown, "no edit of the base question"
    assert u.t("q-months") in shown, "yes taken, the next question asked"


async def test_work_this_out_before_a_colon_is_the_answer_not_a_request(runtime: Runtime) -> None:
    u = User(runtime)
    await u.say("算积分", "35", "硕士", "没有")
    shown = await u.say("帮我算一下：2020年1月开始交的")
    assert u.t("score-continue") not in shown, shown
    assert u.t("q-tier") in shown, "the months were taken"


@pytest.mark.parametrize(
    ("locale", "said"), [("en", "how do I go back?"), ("zh-CN", "怎么退回上一步")]
)
async def test_asking_how_to_go_back_goes_back(runtime: Runtime, locale: str, said: str) -> None:
    u = User(runtime, locale)
    await u.say("算积分" if locale == "zh-CN" else "calculate my points", "35")
    assert u.t("q-age") in await u.say(said), "the question before, age"


async def at_the_title_question(runtime: Runtime, locale: str) -> User:
    """A user who gave 35 and a master's degree: the title question is open."""
    u = User(runtime, locale)
    await u.say("算积分" if locale == "zh-CN" else "calculate my points", "35")
    await u.say("硕士" if locale == "zh-CN" else "master's degree")
    return u


# The label of each request's button (offered beside a question it may be, or as the second
# request of a message), typed: on WeChat buttons are words to type. (key, what it shows)
LABELS = [("intent-calculate", "score-continue"), ("intent-remind", "remind-ask-expiry"),
          ("intent-reminders", "reminders.list_none"),
          ("intent-unsubscribe", "reminders.cancelled_none"), ("intent-restart", "restarted"),
          ("intent-back", "q-education"), ("intent-menu", "menu-resume")]  # fmt: skip


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
@pytest.mark.parametrize(("label", "shown"), LABELS)
async def test_a_requests_button_label_typed_makes_that_request(
    runtime: Runtime, locale: str, label: str, shown: str
) -> None:
    u = await at_the_title_question(runtime, locale)
    said = await u.say(u.t(label))
    assert u.t(shown).split("{")[0][:12] in said, said


# At the title question, after 35 and a master's: (locale, typed, what it shows)
EVERYDAY = [("en", "hmm, my education looks off", "q-education"),
            ("en", "scrap all my answers", "restarted"), ("zh-CN", "我不想继续了", "menu-resume"),
            ("zh-CN", "目前一共多少分了", "score-continue"), ("en", "go back one", "q-education"),
            ("en", "main menu please", "menu-resume"),
            ("en", "quit to the menu", "menu-resume")]  # fmt: skip


@pytest.mark.parametrize(("locale", "said", "shown"), EVERYDAY, ids=[s for _, s, _ in EVERYDAY])
async def test_everyday_words_for_a_request_at_a_question(
    runtime: Runtime, locale: str, said: str, shown: str
) -> None:
    u = await at_the_title_question(runtime, locale)
    assert u.t(shown) in await u.say(said), said
