"""What is said beside a request or an answer, and requests that are questions about the
calculation. A reminder asked for in passing mid-questions with the date it is for (另外提醒
我续签，9月份到期; also remind me to renew, my permit expires in 2 years) is the reminder: the
date is the reminder's, no answer to the open question. A question about how the calculation
works, asked at the menu (算积分时学历按毕业证还是学位证, does the score calculation include my
part-time degree?), is asked of the FAQ, not a request to calculate. An English answer beside a
question (Never. Would a speeding fine count?) is the answer, and the question's FAQ answer is
offered; 换人 as a message of its own asks for a person. Through ConversationService, with
phrasings written for these tests (none from a held-out set)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.runtime import Runtime
from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    assert_stored,
    service_fixture,
)
from tests.dialogs.test_intents import User, handed_off, started


@pytest.fixture
def u(runtime: Runtime) -> User:
    return User(runtime)


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("spouse_hukou_years", "另外提醒我续签，9月份到期"),
        ("remote_area_years", "順便幫我設個提醒，後年3月簽注"),
        ("social_insurance_months", "also remind me to renew, my permit expires in 2 years"),
    ],
)
async def test_a_reminder_asked_in_passing_with_its_date_is_the_reminder(
    service: Any, question: str, said: str
) -> None:
    applicant, _ = await answer(service, question, said)
    state, answers, _ = await applicant.stored()
    assert state == "expiry", said  # asked when the permit expires
    assert question not in answers, said


@pytest.mark.parametrize(
    "said",
    [
        "算积分时学历按毕业证还是学位证",
        "計算積分的時候社保看稅前還是稅後",
        "积分计算包不包括加班费",
        "does the score calculation include my part-time degree?",
    ],
)
async def test_a_question_about_the_calculation_at_the_menu_is_no_calculation(
    u: User, said: str
) -> None:
    await u.say("/start")
    shown = await u.say(said)
    assert not started(u, shown), shown
    assert u.t("intent-which", said=said)[:6] not in shown, shown  # not asked back either


@pytest.mark.parametrize(
    ("question", "said", "value"),
    [
        ("detention_count", "Never. Would a speeding fine count?", 0),
        ("criminal_count", "None. Is a drink-driving record a criminal one?", 0),
    ],
)
async def test_an_english_answer_beside_a_question_is_the_answer(
    service: Any, question: str, said: str, value: Any
) -> None:
    await assert_stored(service, question, [(said, value)])


async def test_the_question_beside_an_answer_is_offered_from_the_faq(u: User) -> None:
    await u.say("算积分")
    replies = await u.send("59, can I still apply?")
    offered = [c.id for r in replies for c in r.choices if c.id.startswith("faq:")]
    assert offered, [r.text for r in replies]
    assert u.t("q-education") in replies[-1].text  # the questions go on after the offer
    shown = "\n".join(r.text for r in await u.send(choice=offered[0]))
    assert u.t("q-education") in shown  # its answer, then the question again


@pytest.mark.parametrize("said", ["换人", "不行，换人吧", "换人！"])
async def test_a_person_asked_for_in_two_words(u: User, said: str) -> None:
    await u.say("/start")
    assert handed_off(u, await u.say(said)), said
