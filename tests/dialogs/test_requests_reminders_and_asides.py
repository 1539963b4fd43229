"""Typed requests by class, through ConversationService, with phrasings written for these tests
(none from a held-out set): the reminders already set are cancelled or shown when that is what
is asked (never a new one asked for), 提醒 misspelt by its sound still asks for one, 提醒一下，…
said in passing leaves the answer an answer, a cue refused (不用问了) leaves the rest of the
request standing, a bare word for a person asks for one, 重开 starts again, and "with what I
have so far" asks for the score."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from dialogs.locales import text
from tests.dialogs.test_intents import User, handed_off, reminding, restarted
from tests.dialogs.test_intents_everywhere import TO_RESULT

EXPIRY = "2027-06-01"


@pytest.fixture
def u(runtime: Runtime) -> User:
    return User(runtime)


async def with_a_reminder(u: User) -> None:
    await u.say("/start" if u.locale == "zh-CN" else "English", "设置提醒", EXPIRY)


CANCEL = [
    ("zh-CN", "把签注提醒关了吧"), ("zh-CN", "別再提醒我了"), ("zh-CN", "我不需要签注提醒了"),
    ("zh-CN", "提醒都删掉"), ("zh-CN", "以后不要再发提醒了"), ("zh-CN", "清空所有提醒"),
    ("en", "stop reminding me"), ("en", "I don't want reminders anymore"),
    ("en", "please delete the reminder you set"), ("en", "no more notifications please"),
    ("en", "turn off the alerts"),
]  # fmt: skip


@pytest.mark.parametrize(("locale", "said"), CANCEL, ids=[c[1] for c in CANCEL])
async def test_a_request_to_stop_the_reminders_cancels_them(
    runtime: Runtime, locale: str, said: str
) -> None:
    u = User(runtime, locale)
    await with_a_reminder(u)
    shown = await u.say(said)
    assert not reminding(u, shown), said
    assert text(locale, "reminders.cancelled", count="3").split("3")[0] in shown, shown
    assert text(locale, "reminders.list_none") in await u.say("我的提醒")


async def test_a_cancel_in_the_middle_of_the_questions_keeps_the_answers(u: User) -> None:
    await with_a_reminder(u)
    await u.say("算积分", "30")
    shown = await u.say("顺手把签注提醒停掉")
    assert text("zh-CN", "reminders.cancelled", count="3").split("3")[0] in shown
    assert u.t("q-education") in await u.say("算积分"), "the questions go on where they were"


LIST = [
    ("zh-CN", "我设的提醒还在吗"), ("zh-CN", "查一下我的签注提醒"), ("zh-CN", "我订了哪些提醒"),
    ("en", "show me my reminders"), ("en", "what reminders do I have"),
]  # fmt: skip


@pytest.mark.parametrize(("locale", "said"), LIST, ids=[c[1] for c in LIST])
async def test_a_request_to_see_the_reminders_lists_them(
    runtime: Runtime, locale: str, said: str
) -> None:
    u = User(runtime, locale)
    await with_a_reminder(u)
    shown = await u.say(said)
    assert not reminding(u, shown), said
    assert text(locale, "reminders.list", lines="").strip() in shown, shown


async def test_a_change_of_the_reminder_asks_for_the_date_again(u: User) -> None:
    await with_a_reminder(u)
    assert reminding(u, await u.say("把我的提醒改到下个月"))


async def test_an_ask_back_names_the_reminder_request_made(u: User) -> None:
    await u.say("算积分", "35", "硕士", "没有")
    replies = await u.send("交了6年，顺便把签注提醒取消掉")
    labels = [c.label for r in replies for c in r.choices]
    assert text("zh-CN", "intent-unsubscribe") in labels, labels
    assert text("zh-CN", "intent-remind") not in labels


async def test_a_request_after_words_in_passing_is_carried_out(u: User) -> None:
    await with_a_reminder(u)
    shown = await u.say("对了提醒下，我的提醒在哪看")
    assert text("zh-CN", "reminders.list", lines="").strip() in shown, shown


MISSPELT = [
    "帮我设个提星", "設個簽注題醒", "签住的时候叫我一声", "到期前提形我一下", "reminer please",
]  # fmt: skip


@pytest.mark.parametrize("said", MISSPELT)
async def test_a_reminder_misspelt_by_its_sound_is_set(u: User, said: str) -> None:
    await u.say("/start")
    assert reminding(u, await u.say(said)), said


@pytest.mark.parametrize(
    ("said", "next_question"),
    [("提醒一下，我社保交了6年", "q-tier"), ("提醒下：我是大专", "q-title")],
)
async def test_a_reminder_word_said_in_passing_leaves_the_answer_an_answer(
    u: User, said: str, next_question: str
) -> None:
    await u.say("算积分", "30")
    if next_question == "q-tier":
        await u.say("大专", "没有")
    shown = await u.say(said)
    assert not reminding(u, shown), said
    assert u.t(next_question) in shown, shown


@pytest.mark.parametrize(
    "said", ["不用看结果了，先帮我算下分", "不用转人工，帮我算个分", "不需要提醒，帮我算一下积分"]
)
async def test_a_refused_cue_leaves_the_request_beside_it_standing(u: User, said: str) -> None:
    await u.say("算积分", "30", "硕士", "没有")
    shown = await u.say(said)
    assert u.t("score-continue") in shown, shown


@pytest.mark.parametrize(
    "said", ["agent", "Agent pls", "representative", "staff please", "live chat please"]
)
async def test_a_bare_word_for_a_person_asks_for_one(runtime: Runtime, said: str) -> None:
    u = User(runtime, "en")
    await u.say("English")
    assert handed_off(u, await u.say(said)), said


@pytest.mark.parametrize("said", ["重开吧", "重启一下", "再开一局"])
async def test_starting_a_new_round_in_other_words_restarts(u: User, said: str) -> None:
    await u.say("算积分", "30", "大专")
    assert restarted(u, await u.say(said)), said


@pytest.mark.parametrize(
    "said",
    ["score what I've given so far", "calculate it as it stands", "tally up what I've entered"],
)
async def test_a_score_with_the_answers_so_far_is_a_request_to_calculate(
    runtime: Runtime, said: str
) -> None:
    u = User(runtime, "en")
    await u.say("English", "score", "30", "college")
    assert u.t("score-continue") in await u.say(said), said


@pytest.mark.parametrize("said", ["再测一遍", "再帮我算一下", "再估一次吧"])
async def test_once_more_after_a_result_is_a_new_calculation(u: User, said: str) -> None:
    assert "合计" in await u.say(*TO_RESULT)
    shown = await u.say(said)
    assert u.t("score-intro") in shown and u.t("q-age") in shown, shown


async def test_a_question_after_a_reminder_word_in_passing_gets_its_answer(u: User) -> None:
    await u.say("/start")
    replies = await u.send("提醒一下，积分要每年续吗")
    shown = "\n".join(r.text for r in replies)
    assert not reminding(u, shown), shown
    assert not [c for r in replies for c in r.choices if c.id.startswith("intent:")], shown


@pytest.mark.parametrize(
    "said",
    [
        "mind calculating my points?", "checking my score, please", "what is my point total?",
        "start calculation", "begin the assessment",
    ],
)  # fmt: skip
async def test_a_request_to_calculate_with_the_verb_in_ing_starts_the_questions(
    runtime: Runtime, said: str
) -> None:
    u = User(runtime, "en")
    await u.say("English")
    assert u.t("q-age") in await u.say(said), said


async def test_a_reminder_word_in_passing_after_the_answer_leaves_it_the_answer(u: User) -> None:
    await u.say("算积分", "35")
    shown = await u.say("硕士研究生，提醒一下是全日制的")
    assert not reminding(u, shown), shown
    assert u.t("q-title") in shown, shown
