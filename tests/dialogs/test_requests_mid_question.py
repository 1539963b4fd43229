"""Texts typed at an open points question, through ConversationService, with phrasings written
for these tests (none from a held-out set): a bonus item taken back (应届生那个勾掉) opens the
bonus question again; a question about how much it takes (基数要两倍多少才能拿满分) is no
answer, whatever number it holds."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from tests.dialogs.test_intents import User

TO_DEDUCTIONS = ("算积分", "35", "硕士", "没有", "5年", "2倍", "配偶上海户口", "3年")


@pytest.fixture
def u(runtime: Runtime) -> User:
    return User(runtime)


@pytest.mark.parametrize(
    "said", ["把配偶那项删了", "配偶户口那个加分去掉", "untick the spouse bonus"]
)
async def test_a_bonus_item_taken_back_asks_the_bonus_question_again(u: User, said: str) -> None:
    shown = await u.say(*TO_DEDUCTIONS)
    assert u.t("q-deductions").split("：")[0] in shown, shown
    shown = await u.say(said)
    assert u.t("q-bonus").split("：")[0] in shown, shown


@pytest.mark.parametrize(
    ("before", "said", "open_question"),
    [
        (("35", "硕士", "没有", "5年"), "基数要两倍多少才能拿满分", "q-tier"),
        (("35", "硕士"), "本科要几年才可以评中级", "q-title"),
        (("35",), "硕士要读几年才算应届", "q-education"),
    ],
)
async def test_a_question_about_what_it_takes_is_no_answer(
    u: User, before: tuple[str, ...], said: str, open_question: str
) -> None:
    await u.say("算积分", *before)
    shown = await u.say(said)
    assert u.t(open_question) in shown, f"{said}: the question stays open\n{shown}"
