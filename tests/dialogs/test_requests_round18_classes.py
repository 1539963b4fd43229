"""Requests of the kinds round 18 missed, through ConversationService, with phrasings written
for these tests (none from a held-out set): scoring asked for with 评分 / 测分 alone (评分,
帮我评分, 测分一下吧) starts the questions, its standard asked (评分标准是什么) does not; facts
of one's own told, then how one's points stand asked (我是硕士，34岁，想了解一下我的积分情况)
starts them too; a person asked to confirm or check a thing (跟人工确认一下, 找人工核实) is a
handoff, at the menu or at a question, a thing checked by a person before (人工确认过的) not;
a clause that only lets things go before a request (算了，从头再来) is no yes at a yes/no
question: the request is carried out, not asked back; a wish to work the points out oneself
typed at a question (我想先自己估一下, I'd like to estimate it myself first) gets the FAQ's
answer on estimating one's score, not the question asked again."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from faq.live import current
from tests.dialogs.applicant import BEFORE
from tests.dialogs.test_intents import User, handed_off, restarted, started
from tests.dialogs.test_requests_round17_classes import TO_BONUS, at_the_menu


@pytest.mark.parametrize("said", ["评分", "帮我评分", "测分一下吧", "给我评分"])
async def test_scoring_asked_for_alone_starts_the_questions(runtime: Runtime, said: str) -> None:
    u, shown = await at_the_menu(runtime, said)
    assert started(u, shown), shown


@pytest.mark.parametrize("said", ["评分标准是什么", "评分规则在哪看"])
async def test_the_scoring_standard_asked_is_no_calculation(runtime: Runtime, said: str) -> None:
    u, shown = await at_the_menu(runtime, said)
    assert not started(u, shown), shown


@pytest.mark.parametrize(
    "said",
    [
        "我是硕士，34岁，想了解一下我的积分情况",
        "本人大专，社保交了5年，想看看分数怎么样",
        "我来上海四年了，博士，所以想知道我的积分如何",
    ],
)
async def test_facts_then_how_ones_points_stand_starts_the_questions(
    runtime: Runtime, said: str
) -> None:
    u, shown = await at_the_menu(runtime, said)
    assert started(u, shown), shown
    assert "我理解的是：" in shown, shown  # the facts told are kept, not asked again


@pytest.mark.parametrize("said", ["我想找人工核实一下", "我要跟人工确认一下对口不对口"])
async def test_a_person_asked_to_confirm_is_a_handoff_at_the_menu(
    runtime: Runtime, said: str
) -> None:
    u, shown = await at_the_menu(runtime, said)
    assert handed_off(u, shown), shown


async def test_a_person_asked_to_check_at_a_question_is_a_handoff(runtime: Runtime) -> None:
    u = User(runtime)
    await u.say(*TO_BONUS)
    assert handed_off(u, await u.say("这个我得跟人工确认一下"))


async def test_a_thing_a_person_checked_before_is_no_handoff(runtime: Runtime) -> None:
    u = User(runtime)
    await u.say(*TO_BONUS)
    assert not handed_off(u, await u.say("人工确认过了，没有"))


@pytest.mark.parametrize("said", ["算了，从头再来", "唉算了吧，重新开始", "never mind, start over"])
async def test_letting_go_before_a_restart_at_a_yes_no_question_is_no_yes(
    runtime: Runtime, said: str
) -> None:
    u = User(runtime)
    await u.say("算积分", *BEFORE["deductions"])
    assert restarted(u, await u.say(said))


@pytest.mark.parametrize(
    ("locale", "said"),
    [("zh-CN", "我想先自己估一下"), ("zh-CN", "我打算自己先测测看"),
     ("en", "I'd like to estimate it myself first")],
)  # fmt: skip
async def test_working_it_out_oneself_at_a_question_gets_the_faqs_answer(
    runtime: Runtime, locale: str, said: str
) -> None:
    u = User(runtime, locale)
    await u.say(*(("算积分",) if locale == "zh-CN" else ("English", "score")))
    shown = await u.say(said)
    answer = current().ask(said).entry
    assert answer is not None and answer.id == "score_simulation"
    assert answer.answer.splitlines()[0] in shown or (
        answer.answer_en and answer.answer_en.splitlines()[0] in shown
    ), shown
