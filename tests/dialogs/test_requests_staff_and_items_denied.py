"""Requests of round 13's classes, through ConversationService, with phrasings written for
these tests (none from a held-out set): staff asked for as 老师 (as users address them); the
time paid in named by 交的时间 at another question; a bonus item denied at the question it
opened (我没开公司 at the tax) edits the bonus items; facts of several questions told with
the score asked (40岁硕士能拿多少分) start the questions; a question about something else
said with a doubt (密码忘了怎么找回) gets the FAQ's answer, not how to find out the answer."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from tests.dialogs.test_intents import User, handed_off, started

TO_TIER = ("算积分", "35", "硕士", "没有", "5年")
TO_TAX = ("算积分", "35", "硕士", "没有", "5年", "2倍", "投资")


@pytest.fixture
def u(runtime: Runtime) -> User:
    return User(runtime)


@pytest.mark.parametrize(
    ("before", "said"),
    [
        ((), "帮我找一下你们的老师"),
        ((), "你们老师在不在"),
        (TO_TIER, "麻烦让您那边的老师联系我"),
        (TO_TAX, "叫你们专家来跟我说"),
    ],
)
async def test_staff_asked_for_as_teacher_is_a_handoff(
    u: User, before: tuple[str, ...], said: str
) -> None:
    await u.say(*before)
    assert handed_off(u, await u.say(said))


async def test_a_teacher_told_of_is_no_handoff(u: User) -> None:
    assert handed_off(u, await u.say("找你们老师"))
    other = User(u.runtime)
    assert not handed_off(other, await other.say("我是中学老师，能加分吗"))


@pytest.mark.parametrize("said", ["交的时间填错了", "缴的年限说错了"])
async def test_the_time_paid_in_named_at_the_tier_edits_the_months(u: User, said: str) -> None:
    await u.say(*TO_TIER)
    assert u.t("q-months").split("？")[0] in await u.say(said)


@pytest.mark.parametrize(
    "said", ["选错了，我没开公司", "点错了，我并没有投资", "不该选投资，点错了"]
)
async def test_the_item_denied_at_its_question_edits_the_bonus_items(u: User, said: str) -> None:
    await u.say(*TO_TAX)
    assert u.t("q-bonus").split("：")[0] in await u.say(said)


@pytest.mark.parametrize("said", ["40岁硕士能拿多少分", "本科28岁多少分？"])
async def test_facts_of_several_questions_with_the_score_asked_start_the_questions(
    u: User, said: str
) -> None:
    assert started(u, await u.say(said))
    other = User(u.runtime)
    assert not started(other, await other.say("硕士能拿多少分"))


async def test_a_question_about_something_else_said_with_a_doubt_gets_the_faq_answer(
    u: User,
) -> None:
    await u.say(*TO_TIER)
    shown = await u.say("登录密码忘记了怎么找回")
    assert u.t("unsure-insurance_base_tier") not in shown, shown
    assert "密码" in shown, shown
