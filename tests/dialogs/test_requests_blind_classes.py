"""Requests and questions of the kinds blind sets keep missing (issue 19 part 2), through
ConversationService, with phrasings written for these tests (none from a held-out set):
whether a kind of degree is recognised (自考的本科算不算国家承认的) asked at the education is no
answer; a bonus item denied in English later on (I don't actually have the spouse hukou) edits
the bonus items; HR told of beside a person asked for (我先问问HR，能找个人工帮我吗) is a handoff;
an English question about a rule naming two fields (would my skill certificate count if my
education is only college) gets the FAQ's answer; a calculation told of with its result
(我算积分够了，…) asks for none; a yes then "but" and a question whether the rule still holds
(有，不过现在不是不查了吗) is asked back with the rule's button, not recorded."""

from __future__ import annotations

from typing import Any

import pytest

from bot.runtime import Runtime
from faq.live import current
from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    assert_asked_not_stored,
    service_fixture,
)
from tests.dialogs.test_intents import User, handed_off
from tests.dialogs.test_requests_round17_classes import TO_BONUS, at_the_menu


async def typed_at(service: Any, question: str, said: str) -> tuple[str, dict[str, Any], Any]:
    """The reply to `said` typed at `question`, then the answers and context stored."""
    applicant, reply = await answer(service, question, said)
    _state, answers, context = await applicant.stored()
    return reply, answers, context


@pytest.mark.parametrize(
    "said",
    [
        "自考的本科算不算国家承认的",
        "自學考試的本科算不算國家承認的",
        "函授本科是不是国家认可的",
        "is a degree from a Hong Kong university recognised",
    ],
)
async def test_whether_a_kind_of_degree_is_recognised_is_no_answer(service: Any, said: str) -> None:
    reply, answers, context = await typed_at(service, "education", said)
    assert "education" not in answers, said
    assert context["q"] == "education" and "pending" not in context, reply  # nor asked which


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("deductions", "wait, I don't actually have the spouse hukou"),
        ("deductions", "sorry, scratch the spouse one, my wife isn't shanghai hukou"),
        ("deductions", "oops I don't have the investment thing"),
        ("award", "actually I'm not eligible for the remote area one"),
        ("local_hires", "wrong pick, I don't actually run a business"),
        ("deductions", "never mind the award, I didn't get one"),
        ("deductions", "that award I ticked, I never got it"),
        ("deductions", "我其实不在临港工作，点错了"),
    ],
)
async def test_a_bonus_item_denied_in_english_later_edits_the_bonus_items(
    service: Any, question: str, said: str
) -> None:
    _reply, answers, context = await typed_at(service, question, said)
    assert context["q"] == "bonus", said
    assert question not in answers, said


@pytest.mark.parametrize(
    ("before", "said"),
    [
        ((), "I'll ask my HR first, can a human help"),
        ((), "我先问问HR，能不能找个人工帮我"),
        ((), "我先問問HR，能不能找個人工幫我"),
        ((), "can someone from your team help me? my HR has no idea"),
        (TO_BONUS, "HR说不清楚，帮我转人工"),
        (TO_BONUS, "I'll check with HR but can I talk to a real person"),
    ],
)
async def test_hr_told_of_beside_a_person_asked_for_is_a_handoff(
    runtime: Runtime, before: tuple[str, ...], said: str
) -> None:
    u = User(runtime)
    await u.say("/start", *before)
    assert handed_off(u, await u.say(said))


async def test_the_employers_hr_staff_told_of_is_no_handoff(runtime: Runtime) -> None:
    u, shown = await at_the_menu(runtime, "注册好以后人事专员能换人吗")
    assert not handed_off(u, shown), shown


# English questions about a rule naming two fields, each typed at the question of one of them
TWO_FIELDS = {
    "title": "would my skill certificate count if my education is only college",
    "education": "would my degree count if my title is from another province",
}


@pytest.mark.parametrize("question", TWO_FIELDS)
async def test_an_english_rule_question_naming_two_fields_gets_the_faqs_answer(
    service: Any, question: str
) -> None:
    said = TWO_FIELDS[question]
    reply, answers, context = await typed_at(service, question, said)
    assert question not in answers and context["q"] == question, reply
    entry = current().ask(said).entry
    assert entry is not None
    shown = [entry.answer.splitlines()[0], (entry.answer_en or "").splitlines()[0]]
    assert any(line in reply for line in shown), reply


@pytest.mark.parametrize(
    "said", ["我算积分够了，孩子能在上海中考吗", "去年算积分是100分今年还能用吗"]
)
async def test_a_calculation_told_with_its_result_asks_for_none(
    runtime: Runtime, said: str
) -> None:
    replies = await User(runtime).send(said)
    offered = [c.id for r in replies for c in r.choices]
    assert not any(i.startswith("intent:score") for i in offered), offered  # nor asked back


async def test_a_yes_then_but_a_question_of_the_rule_is_asked_back(service: Any) -> None:
    await assert_asked_not_stored(
        service,
        "title_matches_job",
        [
            "对口的，不过现在不是不查这个了吗",
            "是的 但听说现在不审核这个了？",
            "yes, but don't they no longer check that?",
            "是的，可是听说不核实了？",
        ],
    )
    await assert_asked_not_stored(
        service, "base_1x_6_of_last_12", ["有的，但是不是现在已经不看这个了"]
    )
    applicant, reply = await answer(service, "title_matches_job", "对口的，不过现在不查了吧？")
    assert "问规定" in " ".join(applicant.choices), reply  # the confirm offers the rule's button


async def test_a_yes_said_beside_a_question_without_a_but_is_still_the_answer(
    service: Any,
) -> None:
    applicant, _ = await answer(service, "title_matches_job", "对口的，这个还查吗")
    _state, answers, _ = await applicant.stored()
    assert answers["title_matches_job"] is True
