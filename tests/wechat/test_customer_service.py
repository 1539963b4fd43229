"""Replies outside the passive answer: customer-service messages through wechatpy against the
fake API, the access token shared in the database, and WeChat's delivery errors."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.channels.wechat import store
from bot.channels.wechat.api import Gateway, WeChatApi
from bot.channels.wechat.customer_service import CustomerService, NotDeliverable
from bot.clock import shanghai_now
from bot.delivery import RetryLater, Unreachable
from bot.storage.database import Database
from bot.storage.models import ApiToken
from dialogs.types import Reply

from .fake_wechat_api import FakeWeChatApi

OPENID = "o6_bmjrPTlm6_2sgVt7hMZOPfL2M"


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Database]:
    database = Database(database_url)
    yield database
    await database.dispose()


def make_sender(db: Database, fake: FakeWeChatApi, template: str | None = None) -> CustomerService:
    api = WeChatApi(fake.base_url, fake.appid, fake.secret)
    return CustomerService(Gateway(api, db, shanghai_now), db, shanghai_now, template)


async def test_a_reply_is_sent_as_a_customer_service_text(
    db: Database, fake_api: FakeWeChatApi
) -> None:
    await make_sender(db, fake_api).send(OPENID, Reply("还差 12 分"))
    assert fake_api.sent() == [
        {"touser": OPENID, "msgtype": "text", "text": {"content": "还差 12 分"}}
    ]


async def test_the_token_is_fetched_once_and_shared_through_the_database(
    db: Database, fake_api: FakeWeChatApi
) -> None:
    await make_sender(db, fake_api).send(OPENID, Reply("一"))
    await make_sender(db, fake_api).send(OPENID, Reply("二"))  # another process
    assert fake_api.tokens_issued() == 1
    async with db.transaction() as session:
        row = await session.get(ApiToken, f"wechat:{fake_api.appid}")
    assert row is not None and row.value == "token-1"
    assert row.expires_at > shanghai_now() + timedelta(hours=1)


async def test_concurrent_processes_refresh_the_token_once(
    db: Database, fake_api: FakeWeChatApi
) -> None:
    senders = [make_sender(db, fake_api) for _ in range(5)]
    await asyncio.gather(*(s.send(OPENID, Reply(str(i))) for i, s in enumerate(senders)))
    assert fake_api.tokens_issued() == 1
    assert len(fake_api.sent()) == 5


async def test_an_expired_token_is_refreshed_once_and_the_send_retried(
    db: Database, fake_api: FakeWeChatApi
) -> None:
    sender = make_sender(db, fake_api)
    await sender.send(OPENID, Reply("先"))
    fake_api.fail_next("message/custom/send", 40001)
    await sender.send(OPENID, Reply("后"))
    assert fake_api.tokens_issued() == 2
    attempts = [c for c in fake_api.calls if c.path == "message/custom/send"]
    assert [(c.access_token, c.errcode) for c in attempts] == [
        ("token-1", 0),
        ("token-1", 40001),
        ("token-2", 0),
    ]
    assert [body["text"]["content"] for body in fake_api.sent()] == ["先", "后"]


async def test_a_token_rejected_twice_is_not_refreshed_again(
    db: Database, fake_api: FakeWeChatApi
) -> None:
    fake_api.fail_next("message/custom/send", 42001, 42001)
    with pytest.raises(Exception, match="42001"):
        await make_sender(db, fake_api).send(OPENID, Reply("x"))
    assert fake_api.tokens_issued() == 2


async def test_an_unsubscribed_user_is_unreachable(db: Database, fake_api: FakeWeChatApi) -> None:
    fake_api.fail_next("message/custom/send", 43004)
    with pytest.raises(Unreachable):
        await make_sender(db, fake_api).send(OPENID, Reply("x"))


async def test_a_busy_api_asks_to_retry_later(db: Database, fake_api: FakeWeChatApi) -> None:
    fake_api.fail_next("message/custom/send", 45009)
    with pytest.raises(RetryLater):
        await make_sender(db, fake_api).send(OPENID, Reply("x"))


async def test_outside_the_48_hours_without_consent_it_is_not_deliverable(
    db: Database, fake_api: FakeWeChatApi
) -> None:
    fake_api.fail_next("message/custom/send", 45015)
    with pytest.raises(NotDeliverable):
        await make_sender(db, fake_api, template="tmpl-remind").send(OPENID, Reply("签注提醒"))
    assert fake_api.sent("message/subscribe/bizsend") == []


async def test_outside_the_48_hours_an_accepted_subscription_message_is_used_once(
    db: Database, fake_api: FakeWeChatApi
) -> None:
    await store.record_consent(db, OPENID, "tmpl-remind", shanghai_now())
    sender = make_sender(db, fake_api, template="tmpl-remind")
    fake_api.fail_next("message/custom/send", 45015, 45015)
    await sender.send(OPENID, Reply("您的居住证将于 30 天后到期，请及时签注"))
    assert fake_api.sent("message/subscribe/bizsend") == [
        {
            "touser": OPENID,
            "template_id": "tmpl-remind",
            "data": {"thing1": {"value": "您的居住证将于 30 天后到期，请及时签注"[:20]}},
        }
    ]
    with pytest.raises(NotDeliverable):
        await sender.send(OPENID, Reply("第二次"))
    async with db.transaction() as session:
        assert list(await session.scalars(select(ApiToken.name))) == [f"wechat:{fake_api.appid}"]


async def test_a_long_reply_goes_out_as_several_messages_under_the_limit(
    db: Database, fake_api: FakeWeChatApi
) -> None:
    text = "\n".join(f"第 {i} 行：上海市居住证积分的说明文字。" for i in range(200))
    await make_sender(db, fake_api).send(OPENID, Reply(text))
    pieces = [body["text"]["content"] for body in fake_api.sent()]
    assert len(pieces) > 1
    assert all(len(piece.encode()) <= 2048 for piece in pieces)
    assert "\n".join(pieces) == text
