"""Requests typed in the user's own words start the right flow, at the menu and in the
middle of the questions, in simplified and traditional Chinese and in English; text that is
both a request and an FAQ question is asked back with a button for each."""

from __future__ import annotations

import itertools
import json

import pytest

from bot.runtime import Runtime
from dialogs.intents import detect
from dialogs.locales import text
from dialogs.types import Inbound, Reply
from faq.retrieve import default_retriever

ids = itertools.count()


class User:
    def __init__(self, runtime: Runtime, locale: str = "zh-CN") -> None:
        self.runtime, self.locale, self.name = runtime, locale, f"intent-{next(ids)}"

    async def send(self, said: str | None = None, choice: str | None = None) -> list[Reply]:
        inbound = Inbound(
            "web", self.name, f"m{next(ids)}", self.runtime.clock(), said, choice,
            locale_hint=self.locale,
        )  # fmt: skip
        return list((await self.runtime.service.handle(inbound)).replies)

    async def say(self, *messages: str) -> str:
        replies: list[Reply] = []
        for message in messages:
            replies = await self.send(message)
        return "\n".join(r.text for r in replies)

    def t(self, key: str, **values: str) -> str:
        return text(self.locale, key, **values)


def started(u: User, shown: str) -> bool:
    """The questions started: at the first one, or after the facts told with the request."""
    return u.t("q-age") in shown or u.t("score-intro") in shown


def reminding(u: User, shown: str) -> bool:
    return u.t("remind-ask-expiry") in shown


def handed_off(u: User, shown: str) -> bool:
    return u.t("support-queued", n="1") in shown or "客服将在" in shown or "back on" in shown


def restarted(u: User, shown: str) -> bool:
    return u.t("restarted") in shown and u.t("q-age") in shown


def editing_education(u: User, shown: str) -> bool:
    return u.t("q-education") in shown


REQUESTS = [
    ("zh-CN", "我想算积分", started), ("zh-CN", "积分计算", started),
    ("zh-CN", "帮我算一下积分", started), ("zh-CN", "算算我有多少分", started),
    ("zh-CN", "幫我算積分", started), ("zh-CN", "想测一下我的积分", started),
    ("zh-CN", "我大概多少分", started), ("en", "calculate my points", started),
    ("en", "How many points do I have?", started), ("en", "Can you work out my score", started),
    ("zh-CN", "提醒我签注", reminding), ("zh-CN", "居住证到期了提醒我一下", reminding),
    ("zh-CN", "幫我設個簽注提醒", reminding), ("en", "remind me when my permit expires", reminding),
    ("en", "Set a reminder please", reminding),
    ("zh-CN", "我要找真人", handed_off), ("zh-CN", "帮我联系客服", handed_off),
    ("zh-CN", "轉人工客服", handed_off), ("en", "I want to talk to a person", handed_off),
    ("en", "can I speak to someone", handed_off), ("zh-CN", "帮我看看能打多少分", started),
    ("zh-CN", "我够120分吗", started), ("en", "what is my score", started),
    ("zh-CN", "到期前通知我", reminding), ("en", "send me a reminder", reminding),
]  # fmt: skip


@pytest.mark.parametrize(("locale", "said", "flow"), REQUESTS, ids=[r[1] for r in REQUESTS])
async def test_a_typed_request_at_the_menu_starts_its_flow(
    runtime: Runtime, locale: str, said: str, flow: object
) -> None:
    user = User(runtime, locale)
    await user.say("/start" if locale == "zh-CN" else "English")
    assert flow(user, await user.say(said)), said  # type: ignore[operator]


MID_DIALOG = [
    ("zh-CN", "我想重新算一遍", restarted), ("zh-CN", "從頭再來", restarted),
    ("en", "let's start over", restarted), ("zh-CN", "学历填错了", editing_education),
    ("zh-CN", "我想改一下学历", editing_education), ("zh-CN", "修改學歷", editing_education),
    ("en", "change my education", editing_education),
    ("en", "I made a mistake in my degree", editing_education),
    ("zh-CN", "先帮我设个签注提醒", reminding), ("en", "remind me to renew my permit", reminding),
    ("zh-CN", "我要人工", handed_off), ("en", "talk to a human please", handed_off),
]  # fmt: skip


@pytest.mark.parametrize(("locale", "said", "flow"), MID_DIALOG, ids=[r[1] for r in MID_DIALOG])
async def test_a_typed_request_in_the_middle_of_the_questions_is_carried_out(
    runtime: Runtime, locale: str, said: str, flow: object
) -> None:
    user = User(runtime, locale)
    if locale == "zh-CN":
        await user.say("算积分", "30", "大专")
    else:
        await user.say("English", "score", "30", "college")
    assert flow(user, await user.say(said)), said  # type: ignore[operator]


BOTH = "怎么算积分"  # a request to calculate, or a question about how points are counted


def test_the_faq_has_something_to_say_about_the_double_meaning_text() -> None:
    assert default_retriever().ask(BOTH).kind != "unknown", "pick another text for BOTH"


async def test_a_request_that_is_also_a_question_is_asked_back(runtime: Runtime) -> None:
    user = User(runtime)
    replies = await user.send(BOTH)
    [which] = [r for r in replies if r.choices]
    assert BOTH in which.text
    ids_ = [c.id for c in which.choices]
    assert ids_[0] == "intent:score:" and ids_[1].startswith("faq:")
    assert which.choices[0].label == text("zh-CN", "intent-calculate")
    started_text = "\n".join(r.text for r in await user.send(choice=ids_[0]))
    assert text("zh-CN", "q-age") in started_text


async def test_asked_back_the_faq_button_answers_and_the_question_stays(runtime: Runtime) -> None:
    user = User(runtime)
    await user.say("算积分", "30")
    replies = await user.send(BOTH)
    faq = next(c.id for r in replies for c in r.choices if c.id.startswith("faq:"))
    shown = "\n".join(r.text for r in await user.send(choice=faq))
    assert text("zh-CN", "q-education") in shown, "back to the open question after the answer"


@pytest.mark.parametrize(
    "said",
    ["积分有效期怎么算", "客服电话是多少", "居住证积分怎么申请", "人工智能专业能加分吗",
     "how long is the points result valid", "游戏积分怎么算", "本科学历能加多少分",
     "社保不满120个月能申请吗", "达到120分以后怎么办", "我的积分够120了，下一步做什么"],
)  # fmt: skip
def test_questions_about_the_rules_are_no_requests(said: str) -> None:
    assert detect(said) is None


def test_the_intents_bench_sorts_each_text(capsys: pytest.CaptureFixture[str]) -> None:
    from bench.intents_eval import EXAMPLE, main

    main([str(EXAMPLE), "--json"])
    counts = json.loads(capsys.readouterr().out)
    cases = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    assert sum(counts["total"].values()) == len(cases)
    assert set(counts) - {"total"} == {c["expect"].split(":")[0] for c in cases}
