"""A request asked as a question and refused by the user in the same message (重新开始？不用了，
31岁; Talk to a human? no need. 40) starts nothing: the rest of the message answers the open
question. English and hurried calculations at the menu (let me calculate please, 快点算吧，少
废话), the years in Lingang named in English (my years in Lingang should be 4: that question,
not the bonus items), and an English question after a comma at a question (…, what should I
do) asked of the FAQ, not read as an answer not understood. Through ConversationService, with
phrasings written for these tests (none from a held-out set)."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from tests.dialogs.applicant import BEFORE
from tests.dialogs.test_intents import User, handed_off, restarted, started


@pytest.fixture
def u(runtime: Runtime) -> User:
    return User(runtime)


@pytest.mark.parametrize(
    "said",
    ["重新开始？不用了，31岁", "重算？不要，我31岁", "Start over? no. I am 31",
     "转人工？不用，31岁", "Talk to a human? no need. 31"],
)  # fmt: skip
async def test_a_request_asked_and_refused_leaves_the_answer(u: User, said: str) -> None:
    await u.say("算积分")
    shown = await u.say(said)
    assert not restarted(u, shown) and not handed_off(u, shown), shown
    assert u.t("q-education") in shown, shown  # 31 answered the age


@pytest.mark.parametrize(
    "said", ["let me calculate please", "Let me calculate now", "快点算吧，少废话"]
)
async def test_a_calculation_asked_in_a_hurry_or_in_english_starts(u: User, said: str) -> None:
    assert started(u, await u.say(said)), said


async def test_the_years_in_lingang_named_in_english_edit_that_question(u: User) -> None:
    await u.say("算积分", *BEFORE["remote_area_years"], "5年")
    shown = await u.say("sorry, my years in Lingang should be 4")
    assert u.t("q-bonus") not in shown, shown  # not the bonus items asked again
    shown = await u.say("Lingang time is wrong")
    assert u.t("q-remote-area") in shown, shown


async def test_an_english_question_after_a_comma_at_a_question_is_no_answer(u: User) -> None:
    await u.say("算积分", "35", "硕士")
    shown = await u.say("I lost my login, what should I do")
    assert u.t("back-to-question") in shown, shown  # asked of the FAQ, the question kept
    assert u.t("error-not-understood", said="")[:4] not in shown, shown
