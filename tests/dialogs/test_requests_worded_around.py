"""Requests and questions in words around the cues, through ConversationService, with phrasings
written for these tests: a question typed at a points question that reads as no answer is a
question (the FAQ's reply, then the question again), never "not understood"; politeness set
apart by a comma (好，测一下); going on with "the calculation from before"; someone who knows
asked for; the answers cleared; a question named by the words requests use (修改婚姻年数), by a
qualified word (证书对口) or in other units (近一年 for the last 12 months)."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from tests.dialogs.test_intents import User, handed_off, reminding, restarted, started

TO_FAMILY_PLANNING = ("算积分", "35", "硕士", "没有", "12年", "2倍", "没有", "有", "0", "0", "0",
                      "否")  # fmt: skip
TO_BASE_1X = ("算积分", "35", "硕士", "中级职称", "是")


@pytest.mark.parametrize(
    ("before", "said", "open_question"),
    [
        (TO_FAMILY_PLANNING, "计划生育这条如今还有人管吗", "q-family-planning"),
        (TO_FAMILY_PLANNING, "这一条现在还查不查？", "q-family-planning"),
        (("算积分", "35", "硕士", "没有"), "补缴的那几个月系统里认不认", "q-months"),
    ],
)
async def test_a_question_that_reads_as_no_answer_is_a_question_not_a_bad_answer(
    runtime: Runtime, before: tuple[str, ...], said: str, open_question: str
) -> None:
    u = User(runtime)
    await u.say(*before)
    shown = await u.say(said)
    assert u.t("error-not-understood", said=said) not in shown, shown
    assert u.t("back-to-question") in shown and u.t(open_question) in shown, shown


@pytest.mark.parametrize("said", ["好，测一下", "那，算一下吧", "来, 评估一下"])
async def test_a_working_out_verb_after_a_word_and_a_comma_starts_the_questions(
    runtime: Runtime, said: str
) -> None:
    u = User(runtime)
    assert started(u, await u.say(said)), said


@pytest.mark.parametrize("said", ["接着之前的算吧", "继续刚刚的测算"])
async def test_going_on_with_the_calculation_from_before_asks_the_open_question(
    runtime: Runtime, said: str
) -> None:
    u = User(runtime)
    await u.say("算积分", "35", "硕士")
    shown = await u.say(said)
    assert u.t("score-continue") in shown and u.t("q-title") in shown, shown


@pytest.mark.parametrize("said", ["找位专家帮我分析一下", "请个懂行的老师给我看看"])
async def test_someone_who_knows_asked_for_is_a_person(runtime: Runtime, said: str) -> None:
    u = User(runtime)
    assert handed_off(u, await u.say(said)), said


@pytest.mark.parametrize("said", ["回答统统清掉", "前面填的全删了"])
async def test_the_answers_cleared_start_the_questions_again(runtime: Runtime, said: str) -> None:
    u = User(runtime)
    await u.say("算积分", "35", "硕士")
    assert restarted(u, await u.say(said)), said


async def test_an_edit_command_names_its_question_by_the_words_requests_use(
    runtime: Runtime,
) -> None:
    u = User(runtime)
    await u.say("算积分", "35", "硕士", "没有", "12年", "2倍", "配偶是上海户口", "3年")
    shown = await u.say("修改婚姻年数")
    assert u.t("q-spouse") in shown, shown


async def test_a_qualified_word_names_the_question_it_qualifies(runtime: Runtime) -> None:
    u = User(runtime)
    await u.say(*TO_BASE_1X, "是")
    shown = await u.say("证书对口那项选错了")
    assert u.t("q-title-matches") in shown, shown


async def test_the_last_year_names_the_question_of_the_last_12_months(runtime: Runtime) -> None:
    u = User(runtime)
    await u.say(*TO_BASE_1X, "否")
    shown = await u.say("最近一年基数那题我答错了")
    assert u.t("q-base-1x") in shown, shown


@pytest.mark.parametrize(
    ("before", "said"),
    [((), "我这种情况能办吗"), ((), "我符合申请条件吗"), ((), "我能申请积分吗"),
     (("算积分", "35"), "像我这样的能申请吗")],
)  # fmt: skip
async def test_whether_one_may_apply_gets_the_conditions_and_an_offer_to_calculate(
    runtime: Runtime, before: tuple[str, ...], said: str
) -> None:
    u = User(runtime)
    await u.say(*before)
    replies = await u.send(said)
    assert [r.faq.topic for r in replies if r.faq] == ["eligibility"], replies
    [offer] = [r for r in replies if u.t("eligibility-offer") in r.text]
    assert [c.id for c in offer.choices] == ["menu:score"]
    shown = "\n".join(r.text for r in await u.send(choice="menu:score"))
    assert u.t("q-education" if before else "q-age") in shown, shown


async def test_what_someone_else_did_for_me_asks_for_no_calculation(runtime: Runtime) -> None:
    """给我 at the start of a clause asks (给我算一下); 单位给我交的 tells what the employer did,
    and the question after it, whether that counts for more (能多算分吗), is the FAQ's."""
    u = User(runtime)
    replies = await u.send("单位给我交的社保基数是3倍，能多算分吗")
    shown = "\n".join(r.text for r in replies)
    assert not started(u, shown), shown
    assert "3倍社保" in shown and "intent:score:" not in [c.id for r in replies for c in r.choices]


async def test_a_word_made_with_an_aspect_particle_is_no_cue_by_sound(runtime: Runtime) -> None:
    """急着 sounds like 记着 (a reminder cue, with 到期): 着 makes a phrase with anything."""
    u = User(runtime)
    shown = await u.say("居住证快到期了我急着用，能加急吗")
    assert not reminding(u, shown), shown


async def test_an_english_question_after_a_dash_is_a_question(runtime: Runtime) -> None:
    u = User(runtime, "en")
    await u.say("English")
    shown = await u.say("I can't see my points yet — is something wrong?")
    assert u.t("edit-nothing") not in shown, shown
