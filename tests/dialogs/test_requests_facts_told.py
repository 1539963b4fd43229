"""A request to calculate that tells facts of oneself (年龄 + 学历 + 社保 in one breath), through
ConversationService, with phrasings written for these tests: what the parsers read without
doubt is taken and read back with its fix button, and the questions go on after it; what is
ambiguous (本科: with the degree or not) is confirmed at its question
(test_requests_told_unsure.py)."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from tests.dialogs.test_intents import User

SUMMARY_ZH = "我理解的是："


@pytest.mark.parametrize(
    ("said", "shown", "next_question"),
    [
        ("我今年33，本科有学位，社保交了6年，帮我算算",
         ["33 岁", "本科+学士学位", "6 年 0 个月"], "q-title"),
        ("42岁博士能有多少分", ["42 岁", "博士"], "q-title"),
        ("年纪38，大专，中级职称，能打多少分", ["38 岁", "大专"], "q-title-matches"),
        # a fact in a clause of its own beside the request, nothing asked: no question about
        # the rule of that one item
        ("算积分，我是硕士，32岁", ["32 岁", "硕士"], "q-title"),
        ("我有中级职称，帮我算分", ["中级职称"], "q-age"),
        # two facts of one's own in one clause, the score asked: the calculation
        ("我30岁硕士，能到120分吗", ["30 岁", "硕士"], "q-title"),
    ],
)  # fmt: skip
async def test_facts_told_with_the_request_are_taken(
    runtime: Runtime, said: str, shown: list[str], next_question: str
) -> None:
    u = User(runtime)
    text = await u.say(said)
    assert u.t("score-intro") in text, text
    assert SUMMARY_ZH in text and all(s in text for s in shown), text
    assert u.t(next_question).split("（")[0] in text, text
    assert next_question == "q-age" or u.t("q-age") not in text, text


@pytest.mark.parametrize(
    ("said", "shown"),
    [
        ("算积分，我是硕士", "硕士"),
        ("算分，我有中级职称", "中级职称"),
        ("我是博士，算积分", "博士"),
    ],
)
async def test_one_fact_beside_the_request_is_kept_not_asked_back(
    runtime: Runtime, said: str, shown: str
) -> None:
    u = User(runtime)
    text = await u.say(said)
    assert u.t("score-intro") in text and SUMMARY_ZH in text and shown in text, text
    assert u.t("q-age").split("（")[0] in text and "还是想了解相关说明" not in text, text


async def test_an_ambiguous_fact_is_confirmed_the_others_kept(runtime: Runtime) -> None:
    u = User(runtime)
    text = await u.say("29岁本科能有多少分")  # 本科: with or without the degree is worth apart
    assert "29 岁" in text and u.t("confirm-bachelor") in text, text


async def test_a_fact_taken_can_be_fixed(runtime: Runtime) -> None:
    u = User(runtime)
    await u.say("36岁硕士多少分")
    assert u.t("q-age").split("（")[0] in await u.say("修改年龄")
    assert u.t("q-title").split("？")[0] in await u.say("37")


async def test_in_english_too(runtime: Runtime) -> None:
    u = User(runtime, "en")
    text = await u.say("English", "I'm 45 with a doctorate, how many points would I get?")
    assert "45 years old" in text and u.t("q-age") not in text, text
    assert u.t("q-title") in text, text
    u = User(runtime, "en")
    text = await u.say("English", "I'm 30 with a master's, do I reach 120?")
    assert "30 years old" in text and u.t("q-title") in text, text
    u = User(runtime, "en")
    text = await u.say("English", "Calculate my points, I have a master's")
    assert u.t("score-intro") in text and u.t("q-age") in text, text


@pytest.mark.parametrize("said", ["硕士能拿多少分", "算积分"])
async def test_no_facts_no_read_back(runtime: Runtime, said: str) -> None:
    u = User(runtime)
    text = await u.say(said)
    assert SUMMARY_ZH not in text, text
