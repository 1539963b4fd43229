"""A calculation asked for with the user's own case, told of first, versus a question about a
rule, through ConversationService, with phrasings written for these tests: the facts told
(several, or one in a clause of its own) and then "can I reach 120 / how many points" start
the questions, and at a points question the fact answers it; how or where to work the points
out oneself, and whether items count together, are questions for the FAQ, never the
questions started nor asked back; at a points question a question about how the item is
counted, a break told only to ask about it, or whether a degree is recognised, gets the FAQ's
reply and the question again, and the question above is named as "上面那题"."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from dialogs.types import Reply
from tests.dialogs.test_intents import User, started


def asked_back(replies: list[Reply]) -> bool:
    return any(c.id.startswith("intent:") for r in replies for c in r.choices)


@pytest.mark.parametrize(
    ("locale", "said"),
    [
        ("zh-CN", "我硕士毕业，今年41岁，能到120分吗"),
        ("zh-CN", "本人大专，社保交了6年，能达到120吗"),
        ("zh-CN", "我想知道自己能拿多少分，硕士40岁社保交了五年"),
        ("zh-CN", "积分可以算吗"),
        ("zh-CN", "我的積分能算一下嗎"),
    ],
)
async def test_the_own_case_told_then_the_score_asked_starts_the_questions(
    runtime: Runtime, locale: str, said: str
) -> None:
    u = User(runtime, locale)
    replies = await u.send(said)
    assert started(u, "\n".join(r.text for r in replies)), said


@pytest.mark.parametrize(
    "said",
    [
        "要怎么自己提前估一下积分",
        "自己测分去哪测",
        "有没有估分的小工具",
        "How could I estimate my points on my own?",
        "中级职称和本科学历能叠加算分吗",
        "公司交的税能不能折算成积分",
    ],
)
async def test_how_to_work_it_out_oneself_or_whether_items_count_together_is_the_faqs(
    runtime: Runtime, said: str
) -> None:
    u = User(runtime)
    replies = await u.send(said)
    assert not started(u, "\n".join(r.text for r in replies)), said
    assert not asked_back(replies), said


async def test_a_birth_date_then_the_score_asked_at_the_age_question_answers_it(
    runtime: Runtime,
) -> None:
    u = User(runtime)
    await u.say("算积分")
    shown = await u.say("我是1990年3月出生的，今年能拿多少分")
    assert u.t("q-education") in shown, shown


@pytest.mark.parametrize(
    ("before", "said", "open_question"),
    [
        (("算积分",), "年龄是按实足年龄还是虚岁计算", "q-age"),
        (("算积分", "35", "硕士", "没有", "12年", "2倍"), "临港要上班几年能加分", "q-bonus"),
        (("算积分", "35", "硕士", "没有"), "断了2个月，能续上吗", "q-months"),
        (("算积分", "35"), "函授的本科承认吗？", "q-education"),
    ],
)
async def test_a_question_about_the_item_gets_the_faqs_reply_and_the_question_again(
    runtime: Runtime, before: tuple[str, ...], said: str, open_question: str
) -> None:
    u = User(runtime)
    await u.say(*before)
    shown = await u.say(said)
    assert u.t("back-to-question") in shown and u.t(open_question) in shown, shown
    assert u.t("error-break-only", said=said.split("，")[0]) not in shown, shown


async def test_a_degree_told_then_asked_about_is_the_answer(runtime: Runtime) -> None:
    u = User(runtime)
    await u.say("算积分", "35")
    shown = await u.say("我是函授本科，承认吗？")
    assert u.t("back-to-question") not in shown and u.t("q-education") not in shown, shown


async def test_the_question_above_named_as_above_is_asked_again(runtime: Runtime) -> None:
    u = User(runtime)
    await u.say("算积分", "35", "硕士", "没有", "12年", "2倍", "没有", "有", "0")
    shown = await u.say("上面那题我选错了")
    assert u.t("q-false-material") in shown, shown


@pytest.mark.parametrize(
    "said",
    [
        "tell me how many points I would get",
        "how many points could I end up with?",
        "let me go through the points questions",
        "I'd like to take the score assessment",
    ],
)
async def test_the_score_asked_after_i_or_as_a_test_in_english_starts_the_questions(
    runtime: Runtime, said: str
) -> None:
    u = User(runtime, "en")
    assert started(u, await u.say(said)), said
