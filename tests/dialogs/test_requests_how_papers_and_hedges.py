"""Questions taken for something else, through ConversationService, with phrasings written for
these tests (none from a held-out set): how the points were worked out, asked in a clause of
its own beside another question (积分是怎么算的，年龄怎么给分？), is the FAQ's, not a request to
calculate asked back (a request in a clause of its own beside it still is one: 怎么算的？帮我算一
下); a paper asked for at a yes/no points question (老家的计生记录要开证明吗) asks about the
procedure and records nothing: it is no yes said of oneself; an answer hedged with 应该是…吧
opening its clause (嗯…应该是5吧，我今年毕业 at the bonus question) is no correction of the
question its other words name (the education), while 学历应该是本科吧 is; a story or a question
that only words a request makes none: someone to mend a thing (找人修), oneself as staff
somewhere (我是…的工作人员), whether a thing counts or counts for more (这能给我算分不,
能不能多算几分), whether one's years reset, asked (will my years restart?), one's
score worked out and said to be enough (我算过分是够的), the permit left unrenewed (I forgot to
renew my permit) beside a change still asked for."""

from __future__ import annotations

from typing import Any

import pytest

from bot.runtime import Runtime
from dialogs.locales import text
from tests.dialogs.applicant import (  # noqa: F401 (service_fixture: the fixture `service`)
    answer,
    assert_asked_not_stored,
    service_fixture,
)
from tests.dialogs.test_intents import User, started
from tests.dialogs.test_requests_round17_classes import EN_TO_BONUS
from tests.dialogs.test_requests_wished_and_gone_back import ASKED_BACK


@pytest.mark.parametrize("said", ["怎么算的？帮我算一下", "能给我算分吗", "你能帮我算算分吗"])
async def test_a_request_beside_the_how_or_asked_as_a_favour_is_carried_out(
    runtime: Runtime, said: str
) -> None:
    u = User(runtime)
    assert started(u, await u.say(said))


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("family_planning_violation", "老家的计生记录要开证明吗"),
        ("family_planning_violation", "计生这块需要开什么证明吗"),
        ("family_planning_violation", "计生记录要补证明吗"),
        ("serious_crime", "判过刑的话要提供判决书材料吗"),
        ("deductions", "拘留过的需要准备什么手续吗"),
    ],
)
async def test_a_paper_asked_for_at_a_yes_no_question_records_nothing(
    service: Any, question: str, said: str
) -> None:
    await assert_asked_not_stored(service, question, [said])


@pytest.mark.parametrize("said", ["嗯…应该是5吧，我今年毕业", "应该是1吧，今年刚毕业"])
async def test_an_answer_hedged_with_should_be_is_no_correction(service: Any, said: str) -> None:
    applicant, shown = await answer(service, "bonus", said)
    _state, answers, context = await applicant.stored()
    assert context["q"] == "bonus" and answers.get("education") == "master", (shown, answers)
    assert text("zh-CN", "q-education").split("（")[0] not in shown, shown


async def test_should_be_after_the_question_named_is_a_correction(service: Any) -> None:
    _, shown = await answer(service, "deductions", "学历应该是本科吧")
    assert text("zh-CN", "q-education").split("（")[0] in shown, shown


@pytest.mark.parametrize(
    "said",
    [
        # how the points were worked out, asked beside another question: the FAQ's
        "积分是怎么算的，年龄怎么给分？",
        "积分如何计算的？社保怎么给分",
        "分数是怎么算出来的，学历占多少",
        # whether a thing of one's own counts, or counts for more
        "我带了几个上海本地的徒弟，这能给我算分不",
        "我那个专业现在很缺人，能不能多算两分",
        "公司一直按高基数给我交社保，能额外多给我算点分吗",
        "家里热水器坏了，要不要找个师傅修？",  # someone to mend a thing is no person of ours
        "冰箱不制冷了，得找人维修吗",
        "我是区里街道办的工作人员，在上海住了十年，孩子要上学了",  # oneself as staff
        "本人在某某公司当客服专员，社保交了六年",
        "I forgot to renew my permit last month. Does my history reset?",  # the permit's own
        "My permit lapsed for two months, will my years restart from zero?",
        "我算过分是够的，想尽快把积分办下来",  # worked out and said to be enough
        "自己测出来了，不够，差一点",
    ],
)
async def test_a_story_or_a_question_that_words_a_request_makes_none(
    runtime: Runtime, said: str
) -> None:
    u = User(runtime)
    text = await u.say(said)
    assert not started(u, text) and ASKED_BACK not in text, text
    assert u.t("support-queued", n="1") not in text and u.t("restarted") not in text, text


async def test_a_change_asked_beside_the_permit_left_undone_is_still_made(
    runtime: Runtime,
) -> None:
    u = User(runtime, "en")
    await u.say(*EN_TO_BONUS)
    assert u.t("q-age").split(" (")[0] in await u.say("I forgot to renew my permit, change my age")
