"""Issue 15 point 1: the bonus question lists only the items the earlier answers leave
possible, through ConversationService as each channel shows it. The buttons, WeChat's numbered
lines and the numbers a user types are the same list: "2" is the second item listed, whatever
was left out; an item left out and typed by name is refused, saying why."""

from __future__ import annotations

import itertools

import pytest

from bot.channels.wechat.render import render as wechat
from bot.runtime import Runtime
from dialogs.locales import text
from dialogs.types import Inbound, Reply

ids = itertools.count()
# 高中 rules out 紧缺专业 and 应届生; no social insurance rules out 环卫 and 临港 (years of
# insured work). Left: 投资纳税, 表彰奖励, 配偶上海户籍, 创业人才.
NO_SCHOOL_NO_INSURANCE = {"zh-CN": ["算积分", "30", "高中", "没有", "0"],
                          "en": ["score", "30", "none", "none", "0"]}  # fmt: skip
LEFT = ["investment", "award", "spouse_hukou", "entrepreneur_talent"]
LEFT_OUT = ["shortage_major", "public_service", "remote_area", "fresh_graduate"]


class Person:
    def __init__(self, runtime: Runtime, channel: str, locale: str = "zh-CN") -> None:
        self.runtime, self.channel, self.locale = runtime, channel, locale
        self.name = f"rob-{next(ids)}"
        self.replies: list[Reply] = []

    async def send(self, said: str | None = None, choice: str | None = None) -> str:
        inbound = Inbound(
            self.channel, self.name, f"m{next(ids)}", self.runtime.clock(), said, choice
        )
        self.replies = list((await self.runtime.service.handle(inbound)).replies)
        if self.channel == "wechat":
            return "\n".join(part for r in self.replies for part in wechat(r))
        return "\n".join(r.text for r in self.replies)

    async def at_bonus(self) -> str:
        if self.locale == "en":
            await self.send("english")
        for said in NO_SCHOOL_NO_INSURANCE[self.locale]:
            shown = await self.send(said)
        return shown

    def label(self, item: str) -> str:
        return text(self.locale, f"bonus-{item}")

    @property
    def choice_ids(self) -> list[str]:
        return [c.id for r in self.replies for c in r.choices]


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
async def test_wechat_numbers_only_the_items_left_possible(runtime: Runtime, locale: str) -> None:
    person = Person(runtime, "wechat", locale)
    shown = await person.at_bonus()
    for number, item in enumerate(LEFT, 1):
        assert f"{number}. {person.label(item)}" in shown
    for item in LEFT_OUT:
        assert person.label(item) not in shown
    assert f"{len(LEFT) + 1}. {text(locale, 'bonus-none')}" in shown


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
async def test_a_typed_number_is_the_item_listed_under_it(runtime: Runtime, locale: str) -> None:
    person = Person(runtime, "wechat", locale)
    await person.at_bonus()
    shown = await person.send("2")  # 2. 获得表彰奖励 (the 6th item of the full list)
    assert text(locale, "q-award") in shown


@pytest.mark.parametrize("channel", ["wechat", "web"])
async def test_several_typed_numbers_are_the_items_listed_under_them(
    runtime: Runtime, channel: str
) -> None:
    person = Person(runtime, channel)
    await person.at_bonus()
    shown = await person.send("2 3")  # 获得表彰奖励, 配偶是上海户籍
    assert text("zh-CN", "q-award") in shown
    shown = await person.send("市级专项")
    assert text("zh-CN", "q-spouse") in shown


async def test_the_web_buttons_are_the_items_left_and_a_typed_number_needs_no_confirm(
    runtime: Runtime,
) -> None:
    person = Person(runtime, "web")
    await person.at_bonus()
    assert person.choice_ids == ["bonus:2", "bonus:6", "bonus:7", "bonus:8", "bonus:none",
                                 "bonus:done"]  # fmt: skip
    shown = await person.send("3")  # the third button: 配偶是上海户籍, asked at once
    assert text("zh-CN", "q-spouse") in shown


async def test_an_item_left_out_typed_by_name_is_refused_saying_why(runtime: Runtime) -> None:
    person = Person(runtime, "wechat")
    await person.at_bonus()
    shown = await person.send("我是应届生")
    assert f"「{person.label('fresh_graduate')}」这一项和您前面的回答对不上" in shown
    assert "大专及以上学历" in shown and "修改学历" in shown
    assert f"1. {person.label('investment')}" in shown, "the same list, asked again"
    shown = await person.send("环卫")
    assert "社保" in shown and "修改社保年限" in shown
    shown = await person.send("修改学历")
    assert text("zh-CN", "q-education") in shown, "the edit it names works"


async def test_english_refusal_names_the_item_and_the_answer_to_change(runtime: Runtime) -> None:
    person = Person(runtime, "web", "en")
    await person.at_bonus()
    shown = await person.send("I graduated this year")
    assert f'"{person.label("fresh_graduate")}" does not fit your earlier answers' in shown
    assert "college education or above" in shown and 'reply "edit Education"' in shown


async def test_a_stale_button_of_an_item_left_out_is_refused_not_ticked(runtime: Runtime) -> None:
    person = Person(runtime, "web")
    await person.at_bonus()
    shown = await person.send(choice="bonus:5")  # 应届生, from a list shown before
    assert "对不上" in shown and "大专及以上学历" in shown
    assert not any(c.label.startswith("✓") for r in person.replies for c in r.choices)
