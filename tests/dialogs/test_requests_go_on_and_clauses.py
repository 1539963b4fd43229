"""Requests through ConversationService, with phrasings written for these tests: going on with
the questions (接着往下问, let's carry on) is a calculation that continues; a clause asking
something else beside a request (客服号码是多少) does not stop it; starting again said in a
clause of its own wins over the answers it names as wrong; a question named with a 不 (不对口)
is still named; and 提醒你 (the user pointing something out) or 人工核对过 (done by hand) in an
answer ask for no reminder or person."""

from __future__ import annotations

from typing import Any

import pytest

from bot.runtime import Runtime
from dialogs.locales import text
from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    service_fixture,
)
from tests.dialogs.test_intents import User, handed_off, restarted, started

TO_TITLE = ("算积分", "35", "硕士")


@pytest.mark.parametrize(
    ("locale", "said"),
    [("zh-CN", "行，那接着往下问"), ("zh-CN", "繼續往下答"), ("en", "alright, let's carry on"),
     ("en", "please resume the questions")],
)  # fmt: skip
async def test_going_on_at_a_question_continues_the_questions(
    runtime: Runtime, locale: str, said: str
) -> None:
    u = User(runtime, locale)
    await u.say("score" if locale == "en" else "算积分", "35")
    shown = await u.say(said)
    assert u.t("score-continue") in shown and u.t("q-education") in shown, shown


async def test_going_on_with_an_unfinished_run_from_the_menu_asks_the_open_question(
    runtime: Runtime,
) -> None:
    u = User(runtime)
    await u.say(*TO_TITLE, "菜单")
    shown = await u.say("把上次没做完的继续算完")
    assert u.t("score-continue") in shown and u.t("q-title") in shown, shown


async def test_whether_my_points_reach_the_bar_starts_the_questions(runtime: Runtime) -> None:
    u = User(runtime)
    assert started(u, await u.say("我想測測自己的分數夠不夠標準"))


@pytest.mark.parametrize("said", ["你们热线是多少？算了直接帮我转人工", "还是请人工处理吧"])
async def test_a_person_asked_for_after_asking_their_number_is_a_handoff(
    runtime: Runtime, said: str
) -> None:
    u = User(runtime)
    assert handed_off(u, await u.say(said)), said


async def test_starting_again_in_its_own_clause_restarts_though_answers_are_named(
    runtime: Runtime,
) -> None:
    u = User(runtime)
    await u.say(*TO_TITLE)
    assert restarted(u, await u.say("从头来吧，年龄和学历我都填错了"))


async def test_answering_one_question_again_beside_its_name_edits_it_alone(
    runtime: Runtime,
) -> None:
    u = User(runtime)
    await u.say(*TO_TITLE)
    shown = await u.say("学历写错了，我重新填一下")
    assert u.t("q-education") in shown and u.t("restarted") not in shown, shown
    buttons = [b.label for r in await u.send("本科") for b in r.buttons]
    assert u.t("intent-restart") not in buttons


async def test_a_question_named_with_a_not_is_edited(service: Any) -> None:
    applicant, _ = await answer(service, "title_matches_job", "否")
    await applicant.type("5年")
    shown = await applicant.type("之前选了不对口，其实对口的，麻烦改下")
    _state, _answers, context = await applicant.stored()
    assert context["q"] == "title_matches_job"
    assert text("zh-CN", "q-title-matches") in shown, shown


@pytest.mark.parametrize(
    ("question", "said", "stored"),
    [("title", "没有职称，提醒您一下我只有个电工证", "none"),
     ("education", "本科有学位，单位人工核对过的", "bachelor_degree")],
)  # fmt: skip
async def test_words_about_the_bot_or_done_by_hand_in_an_answer_ask_for_nothing(
    service: Any, question: str, said: str, stored: str
) -> None:
    applicant, shown = await answer(service, question, said)
    _state, answers, _context = await applicant.stored()
    assert answers.get(question) == stored, shown


@pytest.mark.parametrize(
    ("locale", "said"),
    [("zh-CN", "自测一下"), ("zh-CN", "想评估一下我自己"), ("en", "I'd like an estimate"),
     ("en", "could I get a score estimate")],
)  # fmt: skip
async def test_a_score_asked_as_a_self_check_or_an_estimate_starts_the_questions(
    runtime: Runtime, locale: str, said: str
) -> None:
    u = User(runtime, locale)
    assert started(u, await u.say(said)), said


@pytest.mark.parametrize(
    ("question", "said"), [("title", "这题先跳过"), ("title_matches_job", "skip this one")]
)
async def test_a_question_skipped_is_answered_as_not_knowing(
    service: Any, question: str, said: str
) -> None:
    applicant, shown = await answer(service, question, said)
    _state, answers, context = await applicant.stored()
    assert question not in answers and context["q"] == question
    assert text("zh-CN", "unsure-general") in shown or text("zh-CN", f"unsure-{question}") in shown


TO_TITLE_MATCHES = ("算积分", "35", "硕士", "中级职称")


@pytest.mark.parametrize("said", ["好，继续", "行吧，接着往下", "ok, carry on"])
async def test_an_acknowledged_go_on_after_an_faq_answer_is_no_yes(
    runtime: Runtime, said: str
) -> None:
    u = User(runtime)
    await u.say(*TO_TITLE_MATCHES)
    assert u.t("back-to-question") in await u.say("积分有效期是多久？")
    shown = await u.say(said)
    assert u.t("score-continue") in shown and u.t("q-title-matches") in shown, shown


async def test_an_acknowledged_go_on_right_after_a_yes_no_question_is_a_yes(
    runtime: Runtime,
) -> None:
    u = User(runtime)
    await u.say(*TO_TITLE_MATCHES)
    shown = await u.say("好，继续")
    assert u.t("q-base-1x") in shown, "好 answered yes (the title matches), the next question"
