"""Whole conversations through /wechat: what a WeChat user sees, passively and through the
customer-service API of the fake."""

from __future__ import annotations

import asyncio
import re
import time

import pytest
from sqlalchemy import select

from bot.storage.models import OutboxReply, User
from dialogs.locales import text as locale_text
from dialogs.types import Reply

from .conftest import Bot, StartBot
from .fake_wechat_api import FakeWeChatApi
from .wechat_push import Answer

USER = "o6_bmjrPTlm6_2sgVt7hMZOPfL2M"


class Phone:
    """One WeChat user: every message they receive, passive replies and pushed ones, in order."""

    def __init__(self, bot: Bot, fake: FakeWeChatApi, user: str = USER) -> None:
        self.bot, self.fake, self.user = bot, fake, user
        self._seen = 0

    async def send(self, xml: str) -> list[str]:
        answer = await self.bot.push.post(xml)
        assert answer.status == 200, answer
        return await self.received(answer)

    async def say(self, text: str) -> list[str]:
        return await self.send(self.bot.push.text_xml(self.user, text))

    async def event(self, event: str, **fields: str) -> list[str]:
        return await self.send(self.bot.push.event_xml(self.user, event, **fields))

    async def received(self, answer: Answer) -> list[str]:
        await self.bot.endpoint.settle()
        pushed = [
            body["text"]["content"] for body in self.fake.sent() if body["touser"] == self.user
        ]
        new, self._seen = pushed[self._seen :], len(pushed)
        return ([answer.content] if answer.content else []) + new


@pytest.mark.parametrize("safe", [False, True], ids=["plain", "safe-mode"])
async def test_a_whole_points_conversation_with_numbered_answers(
    start_bot: StartBot, fake_api: FakeWeChatApi, safe: bool
) -> None:
    phone = Phone(await start_bot(safe=safe), fake_api)
    welcome = await phone.event("subscribe")
    assert re.search(r"^1\. 算积分$", welcome[-1], re.M)
    for answer in ("1", "30"):
        await phone.say(answer)
    education = await phone.say("4")  # answers the education question shown after "30"
    assert "本科+学士学位" not in education[0]  # the next question, not the same one again
    for answer in ("1", "5年", "1", "1"):
        await phone.say(answer)
    result = await phone.say("2")
    assert re.search(r"合计：\d+ 分", result[0])
    assert "本科+学士学位" in result[0]  # the 4th education choice was picked by typing 4
    assert len(result) > 2  # next steps and the result menu follow through the API
    assert all(len(message.encode()) <= 2048 for message in result)


async def test_short_replies_of_one_step_go_together_as_the_passive_reply(
    start_bot: StartBot, fake_api: FakeWeChatApi
) -> None:
    phone = Phone(await start_bot(), fake_api)
    await phone.event("subscribe")
    pushed_before = len(fake_api.sent())
    seen = await phone.say("1")  # "let's start" and the first question: two replies
    assert len(seen) == 1
    assert len(fake_api.sent()) == pushed_before
    await phone.bot.runtime.outbox.marks.flush()  # marked once the response went, in a batch
    async with phone.bot.runtime.db.transaction() as session:
        statuses = list(await session.scalars(select(OutboxReply.status)))
    assert len(statuses) >= 3 and set(statuses) == {"sent"}


async def test_an_accepted_subscription_message_carries_a_push_outside_48_hours(
    start_bot: StartBot, fake_api: FakeWeChatApi
) -> None:
    bot = await start_bot(wechat_subscribe_template_id="tmpl-endorse")
    popup = (
        "<List><TemplateId>tmpl-endorse</TemplateId>"
        "<SubscribeStatusString>accept</SubscribeStatusString><PopupScene>2</PopupScene></List>"
    )
    answer = await bot.push.post(
        bot.push.xml(USER, "event", Event="subscribe_msg_popup_event").replace(
            "</xml>", f"<SubscribeMsgPopupEvent>{popup}</SubscribeMsgPopupEvent></xml>"
        )
    )
    assert answer.body == "success"
    fake_api.fail_next("message/custom/send", 45015)
    await bot.runtime.senders["wechat"].send(USER, Reply("居住证快到期了"))
    assert [b["template_id"] for b in fake_api.sent("message/subscribe/bizsend")] == [
        "tmpl-endorse"
    ]


async def test_a_retry_of_the_same_msgid_gets_no_second_answer(
    start_bot: StartBot, fake_api: FakeWeChatApi
) -> None:
    bot = await start_bot()
    phone = Phone(bot, fake_api)
    await phone.event("subscribe")
    xml = bot.push.text_xml(USER, "1", msg_id=1234567890123456)
    first = await phone.send(xml)
    for _ in range(3):  # WeChat retries three times
        again = await bot.push.post(xml)
        assert (again.status, again.body) == (200, "success")
        assert await phone.received(again) == []
    assert first


async def test_two_users_menu_clicks_in_the_same_second_are_two_messages(
    start_bot: StartBot, fake_api: FakeWeChatApi
) -> None:
    """Events have no MsgId; WeChat's docs dedupe them by sender and CreateTime, so the same
    click by two users in one second is two messages, and each user is answered."""
    bot = await start_bot()
    phones = [Phone(bot, fake_api, user=f"o-clicker-{n}") for n in (1, 2)]
    for phone in phones:
        await phone.event("subscribe")
    created = int(time.time())
    answers = [
        await phone.send(bot.push.event_xml(phone.user, "CLICK", created, EventKey="menu:faq"))
        for phone in phones
    ]
    assert answers[0] and answers[0] == answers[1]


async def test_concurrent_retries_of_one_msgid_deliver_each_reply_once(
    start_bot: StartBot, fake_api: FakeWeChatApi
) -> None:
    bot = await start_bot()
    phone = Phone(bot, fake_api)
    await phone.event("subscribe")
    xml = bot.push.text_xml(USER, "1", msg_id=42)
    answers = await asyncio.gather(*(bot.push.post(xml) for _ in range(4)))
    assert [a.status for a in answers] == [200] * 4
    passive = [a.content for a in answers if a.content]
    assert len(passive) == 1
    pushed = await phone.received(answers[0])
    assert len(set(pushed)) == len(pushed)
    alone = Phone(await start_bot(), fake_api, user="o-someone-else")
    await alone.event("subscribe")
    assert len(await alone.say("1")) == len(pushed)


async def test_a_slow_step_answers_success_and_pushes_the_reply_later(
    start_bot: StartBot, fake_api: FakeWeChatApi
) -> None:
    bot = await start_bot(wechat_passive_deadline=0.0)
    answer = await bot.push.post(bot.push.event_xml(USER, "subscribe"))
    assert (answer.status, answer.body) == (200, "success")
    await bot.endpoint.settle()
    pushed = [body["text"]["content"] for body in fake_api.sent()]
    assert pushed and re.search(r"^1\. 算积分$", pushed[-1], re.M)
    retry = await bot.push.post(bot.push.event_xml(USER, "subscribe", created=0))
    assert retry.body == "success"


async def test_user_text_with_xml_specials_gets_a_well_formed_reply(
    start_bot: StartBot, fake_api: FakeWeChatApi
) -> None:
    phone = Phone(await start_bot(), fake_api)
    await phone.event("subscribe")
    await phone.say("1")  # the age question answers what it did not understand verbatim
    hostile = "]]><Content>x</Content>&amp; <b> & ]]]]> 😀"
    echoed = await phone.say(hostile)
    assert f"「{hostile}」" in echoed[0]  # parsed back from the reply XML by defusedxml


async def test_an_image_gets_a_please_type_reply(
    start_bot: StartBot, fake_api: FakeWeChatApi
) -> None:
    phone = Phone(await start_bot(), fake_api)
    await phone.event("subscribe")
    seen = await phone.send(
        phone.bot.push.xml(USER, "image", PicUrl="http://x/y.jpg", MediaId="m", MsgId=77)
    )
    assert locale_text("zh-CN", "please-type-text") in seen[0]


async def test_a_recognised_voice_message_counts_as_text(
    start_bot: StartBot, fake_api: FakeWeChatApi
) -> None:
    bot = await start_bot()
    voice, typed = Phone(bot, fake_api, "o-voice"), Phone(bot, fake_api, "o-typed")
    for phone in (voice, typed):
        await phone.event("subscribe")
    spoken = await voice.send(
        bot.push.xml("o-voice", "voice", MediaId="m", Format="amr", Recognition="算积分", MsgId=5)
    )
    assert spoken == await typed.say("算积分")


async def test_a_menu_click_does_what_typing_its_name_does(
    start_bot: StartBot, fake_api: FakeWeChatApi
) -> None:
    bot = await start_bot()
    clicked, typed = Phone(bot, fake_api, "o-click"), Phone(bot, fake_api, "o-type")
    for phone in (clicked, typed):
        await phone.event("subscribe")
    assert await clicked.event("CLICK", EventKey="menu:score") == await typed.say("算积分")
    assert await clicked.event("CLICK", EventKey="menu:faq") == await typed.say("常见问题")


async def test_unsubscribe_stops_messages_and_subscribe_again_resumes(
    start_bot: StartBot, fake_api: FakeWeChatApi
) -> None:
    bot = await start_bot()
    phone = Phone(bot, fake_api)
    await phone.event("subscribe")
    assert await phone.event("unsubscribe") == []

    async def unreachable() -> bool:
        async with bot.runtime.db.transaction() as session:
            return bool(
                await session.scalar(select(User.unreachable).where(User.external_id == USER))
            )

    assert await unreachable()
    assert await phone.send(bot.push.event_xml(USER, "subscribe", created=int(time.time()) + 1))
    assert not await unreachable()
