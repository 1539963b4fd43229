"""Texts typed at an open points question, through ConversationService, with phrasings written
for these tests (none from a held-out set): a bonus item taken back (应届生那个勾掉) opens the
bonus question again; a question about how much it takes (基数要两倍多少才能拿满分) is no
answer, whatever number it holds."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from tests.dialogs.test_intents import User, reminding, restarted

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


async def test_a_request_that_also_answers_the_question_is_asked_back(u: User) -> None:
    await u.say("算积分", "35", "硕士")
    replies = await u.send("没有职称，转人工")
    [which] = [r for r in replies if r.choices]
    assert "没有职称，转人工" in which.text
    request, answer = which.choices
    assert request.id == "intent:human:"
    assert "没有" in answer.label, answer.label
    shown = "\n".join(r.text for r in await u.send(choice=answer.id))
    assert u.t("q-months").split("（")[0] in shown, "the answer recorded, the next question asked"


async def test_asked_back_the_request_is_carried_out(u: User) -> None:
    await u.say("算积分")
    replies = await u.send("30岁，重开")
    request = next(c for r in replies for c in r.choices if c.id.startswith("intent:"))
    assert request.id == "intent:restart:"
    shown = "\n".join(r.text for r in await u.send(choice=request.id))
    assert restarted(u, shown)


async def test_an_answer_with_a_request_to_go_on_is_the_answer(u: User) -> None:
    await u.say("算积分")
    assert u.t("q-education") in await u.say("我35岁，帮我算算")


async def test_the_last_answer_with_a_request_for_the_score_gives_the_score(u: User) -> None:
    await u.say(*TO_DEDUCTIONS)
    shown = await u.say("没有，直接出分")
    assert u.t("summary", items="").split("：")[0] in shown, shown


async def test_a_reminder_word_in_passing_never_turns_an_unread_answer_into_a_reminder(
    u: User,
) -> None:
    await u.say("算积分", "35", "硕士", "没有")
    shown = await u.say("提醒下，中途断缴过一阵，前后一共交了四年多")
    assert not reminding(u, shown), shown


@pytest.mark.parametrize("said", ["硕士要满足什么条件才能算分", "社保交几年才算分？"])
async def test_a_question_about_what_counts_is_no_request_to_calculate(u: User, said: str) -> None:
    await u.say("算积分", "35")
    replies = await u.send(said)
    offered = [c.id for r in replies for c in r.choices]
    assert "intent:score:" not in offered, offered
    assert u.t("score-continue") not in "\n".join(r.text for r in replies)


@pytest.mark.parametrize("said", ["职称怎么算分的", "社保年限如何计算积分"])
async def test_how_one_item_is_scored_is_a_question_not_a_request(u: User, said: str) -> None:
    await u.say("算积分", "35", "硕士")
    replies = await u.send(said)
    offered = [c.id for r in replies for c in r.choices]
    assert "intent:score:" not in offered, offered
    assert u.t("q-title") in "\n".join(r.text for r in replies), "the question stays open"


@pytest.mark.parametrize("said", ["先别问职称了，直接给我算", "这些不重要，直接帮我出分"])
async def test_straight_to_the_score_in_other_words_is_a_request(u: User, said: str) -> None:
    await u.say("算积分", "35", "硕士")
    assert u.t("score-continue") in await u.say(said), said


@pytest.mark.parametrize(
    "said", ["算到一半想起来了，帮我设置签注提醒", "填到这里想起来，帮我设个签注提醒"]
)
async def test_how_far_the_questions_went_is_no_answer_beside_a_request(u: User, said: str) -> None:
    await u.say("算积分", "35", "硕士", "没有", "5年")  # at the base tier: 一 would read as 1x
    shown = await u.say(said)
    assert reminding(u, shown) and "这是我的回答" not in shown, shown


@pytest.mark.parametrize(
    "said", ["none, just calculate", "no, just calculate it", "None. Just calculate"]
)
async def test_an_answer_then_go_ahead_in_english_is_the_answer(
    runtime: Runtime, said: str
) -> None:
    en = User(runtime, "en")
    await en.say("English", "score", "35", "master", "none", "5 years", "2x")
    shown = await en.say(said)  # at the bonus items: none of them
    assert en.t("q-deductions").split(":")[0] in shown, shown


async def test_reminded_of_something_else_cancels_no_reminder(u: User) -> None:
    await u.say("算积分", "35", "硕士")
    shown = await u.say("没有，别提醒我考证了")  # don't nag me to get certified: no title
    assert u.t("q-months").split("？")[0] in shown, shown
