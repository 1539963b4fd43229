"""从头 and 回到开始 typed at an open points question, through ConversationService, with
phrasings written for these tests (none from a held-out set): a total counted from the start
(从头算一共交了5年) is an answer; back to the start or to the first question (回到开始,
回到第一题, go back to the start) starts the questions again, as 从第一题 does; back to
another question by its place (回到第三题) asks that one again, the answers kept."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from tests.dialogs.test_intents import User, restarted

TO_MONTHS = ("算积分", "35", "硕士", "没有")
TO_SPOUSE = (*TO_MONTHS, "5年", "2倍", "配偶上海户口")


@pytest.fixture
def u(runtime: Runtime) -> User:
    return User(runtime)


@pytest.mark.parametrize("said", ["从头算一共交了6年", "从头算起，总共六年", "重头算五年"])
async def test_a_total_counted_from_the_start_is_an_answer(u: User, said: str) -> None:
    await u.say(*TO_MONTHS)
    shown = await u.say(said)
    assert not restarted(u, shown), shown
    assert u.t("q-tier").split("（")[0] in shown, f"{said}: the next question\n{shown}"
    assert u.t("summary", items="").split("：")[0] not in shown


async def test_from_the_start_up_to_now_keeps_the_question_open(u: User) -> None:
    await u.say(*TO_MONTHS)
    shown = await u.say("从头到现在交了6年")
    assert not restarted(u, shown), shown


@pytest.mark.parametrize("said", ["从头算一下", "从头来吧"])
async def test_from_the_start_with_no_total_still_starts_again(u: User, said: str) -> None:
    await u.say(*TO_MONTHS)
    assert restarted(u, await u.say(said)), said


@pytest.mark.parametrize(
    ("locale", "said"),
    [("zh-CN", "回到开始"), ("zh-CN", "回到第一题"), ("zh-CN", "返回最开始吧"),
     ("en", "go back to the start"), ("en", "take me back to the first question")],
)  # fmt: skip
async def test_back_to_the_start_starts_the_questions_again(
    runtime: Runtime, locale: str, said: str
) -> None:
    u = User(runtime, locale)
    if locale == "en":
        shown = await u.say("English", "score", "35", "master", "none", "5 years", "2x", "spouse")
    else:
        shown = await u.say(*TO_SPOUSE)
    assert u.t("q-spouse") in shown, shown
    assert restarted(u, await u.say(said)), said


@pytest.mark.parametrize("said", ["回到第二题", "go back to question 2"])
async def test_back_to_another_question_by_its_place_asks_it_again(u: User, said: str) -> None:
    await u.say(*TO_SPOUSE)
    shown = await u.say(said)
    assert u.t("q-education") in shown and not restarted(u, shown), shown


async def test_back_to_the_first_question_beside_an_edit_is_that_edit(u: User) -> None:
    await u.say(*TO_SPOUSE)
    shown = await u.say("回到第一题，年纪填错了")
    assert u.t("q-age") in shown and not restarted(u, shown), shown
