"""What is said beside a request or an answer, and requests that are questions about the
calculation. A reminder asked for in passing mid-questions with the date it is for (另外提醒
我续签，9月份到期; also remind me to renew, my permit expires in 2 years) is the reminder: the
date is the reminder's, no answer to the open question. A question about how the calculation
works, asked at the menu (算积分时学历按毕业证还是学位证, does the score calculation include my
part-time degree?), or about what a thing is worth in the scoring (这个能帮我多拿几分吗), is
asked of the FAQ, not a request to calculate. An English answer beside a question (Never.
Would a speeding fine count?) is the answer, and the question's FAQ answer is offered; 换人 as
a message of its own asks for a person. Through ConversationService, with phrasings written
for these tests (none from a held-out set)."""

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


@pytest.mark.parametrize(
    "said",
    [
        "我有中级证，这个能帮我多拿几分吗？",
        "应届生的身份在打分中有优势吗",
        "想算算总分，学历职称是加起来还是只算一个？",
        "自己的分想上网看看，官网在哪？",
        "在临港上班，在那个打分里有好处吗？",
    ],
)
async def test_what_a_thing_is_worth_in_the_scoring_is_asked_of_the_faq(u: User, said: str) -> None:
    """The scoring as the place something counts (在打分中), a thing of the user's said to
    help (这个能帮我多拿几分), which of two ways it adds up, or where to look one's score up:
    a question about the rule, not a request to calculate, nor asked back."""
    await u.say("/start")
    shown = await u.say(said)
    assert not started(u, shown), shown
    assert u.t("intent-which", said=said)[:6] not in shown, shown


async def test_points_an_item_gives_are_not_a_calculation_asked_for(u: User) -> None:
    await u.say("/start")
    assert not started(u, await u.say("我这个岁数能给几分？"))  # 能给几分: not 能给我…


@pytest.mark.parametrize(
    "said",
    [
        "我想知道居转户怎么算分",
        "居转户要打分吗",
        "想要上海户口，除了打分这条路子，还有别的吗？",
        "想弄个上海户籍，打分之外还有其他路子没？",
    ],
)
async def test_another_schemes_scoring_is_no_calculation(u: User, said: str) -> None:
    """A question the FAQ points to another scheme (居转户, 落户), or the scoring named as one
    route among others, is answered with that pointer: no questions are started."""
    await u.say("/start")
    shown = await u.say(said)
    assert not started(u, shown), shown
    assert u.t("intent-which", said=said)[:6] not in shown, shown
