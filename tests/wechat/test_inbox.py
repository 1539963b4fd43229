"""A WeChat message is written down before it is answered: answered "success" and then its step
failed (the database held it past its timeout), it is stepped by the inbox sweep and its reply
goes out once. A passive reply whose response WeChat never read (it had hung up) is not sent:
WeChat's retry of the message gets it, once."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import aiohttp
import pytest
from sqlalchemy import select

from bot.channels.wechat import store
from bot.storage.models import InboxMessage, OutboxReply, User
from tests.database_held import held, table_locked

from .conftest import Bot, StartBot
from .fake_wechat_api import FakeWeChatApi


async def test_a_message_answered_success_whose_step_failed_is_stepped_by_the_sweep(
    start_bot: StartBot, fake_api: FakeWeChatApi, database_url: str
) -> None:
    if database_url.startswith("sqlite"):
        pytest.skip("SQLite has one writer: a stall holds the inbox write too (answered 503)")
    bot = await start_bot(database_timeout=1.0, wechat_passive_deadline=0.5)
    user = "o-stalled-step"
    await bot.push.say(user, "你好")  # the conversation row exists (answered passively or not)
    await bot.endpoint.settle()
    before = len(fake_api.sent())  # a loaded machine may pass the deadline: sent, not passive
    async with held(database_url, "conversations"):
        answer = await bot.push.post(bot.push.text_xml(user, "算积分"))
        assert (answer.status, answer.body) == (200, "success")
        await bot.endpoint.settle()  # the step gave up on the database meanwhile
    assert len(fake_api.sent()) == before, "nothing was stepped, so nothing was sent"

    assert await bot.endpoint.inbox.sweep(grace=timedelta(0)) == 1
    replies = fake_api.sent()[before:]
    assert replies and all(call["touser"] == user for call in replies)
    assert await bot.endpoint.inbox.sweep(grace=timedelta(0)) == 0, "stepped once"
    assert len(fake_api.sent()) == before + len(replies)


async def test_a_subscribe_whose_step_failed_makes_the_user_reachable_when_swept(
    start_bot: StartBot, database_url: str
) -> None:
    """A user who subscribed again is sent to again, even when the step of their subscribe
    failed after "success": the step itself, not a transaction before it, makes them reachable."""
    if database_url.startswith("sqlite"):
        pytest.skip("SQLite has one writer: a stall holds the inbox write too (answered 503)")
    bot = await start_bot(database_timeout=1.0, wechat_passive_deadline=0.5)
    user = "o-back-again"
    await bot.push.say(user, "你好")
    assert (await bot.push.post(bot.push.event_xml(user, "unsubscribe"))).body == "success"
    await bot.endpoint.settle()
    assert await unreachable(bot, user)
    async with table_locked(database_url, "users"):
        again = await bot.push.post(bot.push.event_xml(user, "subscribe"))
        assert (again.status, again.body) == (200, "success")
        await bot.endpoint.settle()  # the step gave up on the database meanwhile
    assert await unreachable(bot, user)

    assert await bot.endpoint.inbox.sweep(grace=timedelta(0)) == 1
    assert not await unreachable(bot, user)


async def test_an_unsubscribe_that_failed_after_success_is_applied_by_the_sweep(
    start_bot: StartBot, fake_api: FakeWeChatApi, database_url: str
) -> None:
    """WeChat does not post an event again once answered: an unsubscribe whose transaction
    failed after "success" is applied from the inbox, and the user is sent nothing more."""
    if database_url.startswith("sqlite"):
        pytest.skip("SQLite has one writer: a stall holds the inbox write too (answered 503)")
    bot = await start_bot(database_timeout=1.0, wechat_passive_deadline=0.5)
    user = "o-gone"
    await bot.push.say(user, "你好")
    async with table_locked(database_url, "users"):
        answer = await bot.push.post(bot.push.event_xml(user, "unsubscribe"))
        assert (answer.status, answer.body) == (200, "success")
        await bot.endpoint.settle()  # the unsubscribe gave up on the database meanwhile
    assert not await unreachable(bot, user)

    assert await bot.endpoint.inbox.sweep(grace=timedelta(0)) == 1
    assert await unreachable(bot, user)
    assert await bot.endpoint.inbox.sweep(grace=timedelta(0)) == 0, "applied once"
    await bot.runtime.outbox.deliver_due()
    assert fake_api.sent() == []


async def test_an_unsubscribe_applied_late_does_not_undo_a_later_message(
    start_bot: StartBot, database_url: str
) -> None:
    """The user wrote again before the sweep applied their failed unsubscribe: they are back,
    and stay reachable."""
    if database_url.startswith("sqlite"):
        pytest.skip("SQLite has one writer: a stall holds the inbox write too (answered 503)")
    bot = await start_bot(database_timeout=1.0, wechat_passive_deadline=0.5)
    user = "o-changed-mind"
    await bot.push.say(user, "你好")
    async with table_locked(database_url, "users"):
        assert (await bot.push.post(bot.push.event_xml(user, "unsubscribe"))).body == "success"
        await bot.endpoint.settle()
    assert await bot.push.say(user, "算积分")

    assert await bot.endpoint.inbox.sweep(grace=timedelta(0)) == 1
    assert not await unreachable(bot, user)


async def test_a_consent_that_failed_after_success_is_recorded_by_the_sweep(
    start_bot: StartBot, database_url: str
) -> None:
    if database_url.startswith("sqlite"):
        pytest.skip("SQLite has one writer: a stall holds the inbox write too (answered 503)")
    bot = await start_bot(database_timeout=1.0, wechat_passive_deadline=0.5)
    user = "o-consents"
    popup = (
        "<List><TemplateId>tmpl-remind</TemplateId>"
        "<SubscribeStatusString>accept</SubscribeStatusString><PopupScene>2</PopupScene></List>"
    )
    xml = bot.push.xml(user, "event", Event="subscribe_msg_popup_event").replace(
        "</xml>", f"<SubscribeMsgPopupEvent>{popup}</SubscribeMsgPopupEvent></xml>"
    )
    async with table_locked(database_url, "api_tokens"):
        assert (await bot.push.post(xml)).body == "success"
        await bot.endpoint.settle()
    db, now = bot.runtime.db, bot.runtime.clock()
    assert not await store.use_consent(db, user, "tmpl-remind", now), "not recorded yet"

    assert await bot.endpoint.inbox.sweep(grace=timedelta(0)) == 1
    assert await store.use_consent(db, user, "tmpl-remind", now)


async def unreachable(bot: Bot, user: str) -> bool:
    async with bot.runtime.db.transaction() as session:
        return bool(await session.scalar(select(User.unreachable).where(User.external_id == user)))


async def test_a_passive_reply_whose_response_was_not_read_goes_with_the_retry_once(
    start_bot: StartBot, fake_api: FakeWeChatApi, database_url: str
) -> None:
    bot = await start_bot(wechat_passive_deadline=30.0)
    xml = bot.push.text_xml("o-hung-up", "你好")
    async with held(database_url, "conversations"):
        with pytest.raises(asyncio.TimeoutError):  # WeChat stops waiting and hangs up
            await bot.client.post(
                "/wechat",
                params=bot.push.query(),
                data=xml.encode(),
                timeout=aiohttp.ClientTimeout(total=0.5),
            )

    await bot.endpoint.settle()  # the step went on; its response could not be written
    async with bot.runtime.db.transaction() as session:
        statuses = list(await session.scalars(select(OutboxReply.status)))
    assert statuses and set(statuses) == {"pending"}, "not sent: WeChat never read it"
    retry = await bot.push.post(xml)  # WeChat's retry of the same MsgId
    assert retry.status == 200 and retry.content, "the reply comes with the retry"
    again = await bot.push.post(xml)
    assert (again.status, again.body) == (200, "success"), "and only once"
    await bot.endpoint.settle()
    assert fake_api.sent() == []


async def test_the_signed_pair_is_kept_with_the_message_in_one_row(
    start_bot: StartBot, database_url: str
) -> None:
    bot = await start_bot()
    query = bot.push.query()
    await bot.push.post(bot.push.text_xml("o-one-row", "你好", msg_id=424242), query)
    async with bot.runtime.db.transaction() as session:
        rows = list(await session.scalars(select(InboxMessage)))
    assert [(r.key, r.message_id) for r in rows] == [
        (f"{query['timestamp']}:{query['nonce']}", "424242")
    ]
    assert rows[0].inbound is not None and rows[0].inbound["text"] == "你好"
