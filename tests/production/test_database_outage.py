"""A real PostgreSQL outage, its connections cut (or stalled) under the running app by a
proxy (the server itself is shared and keeps running): the webhooks answer 5xx so Telegram
and WeChat deliver again, the web chat page gets a message it shows, /healthz is unhealthy,
every answer comes quickly; and once the database is back the same app, not restarted, serves
as before."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Awaitable
from typing import Any, TypeVar

import pytest
from sqlalchemy.engine import make_url

from dialogs.locales import text
from tests.production.conftest import Service, running
from tests.production.tcp_proxy import TcpProxy
from tests.telegram.conftest import message_update, text_message

T = TypeVar("T")

BOUND = 5.0  # seconds: no answer may take longer than WeChat waits for one
FIRST, STEP = "/start", "算积分"  # the step sent during the outage follows the greeting


@pytest.fixture
async def proxy(postgres_url: str) -> AsyncIterator[TcpProxy]:
    upstream = make_url(postgres_url)
    proxy = TcpProxy(upstream.host or "127.0.0.1", upstream.port or 5432)
    await proxy.start()
    yield proxy
    await proxy.cut()


@pytest.fixture
def proxied_url(postgres_url: str, proxy: TcpProxy) -> str:
    return make_url(postgres_url).set(port=proxy.port).render_as_string(hide_password=False)


async def quickly(work: Awaitable[T]) -> T:
    """`work`'s result, after checking it came within BOUND."""
    started = time.perf_counter()
    result = await work
    seconds = time.perf_counter() - started
    assert seconds < BOUND, f"answered after {seconds:.1f} s"
    return result


async def web_chat(service: Service, user: str, said: str) -> tuple[int, dict[str, Any]]:
    response = await service.client.post("/api/chat", json={"user": user, "text": said})
    return response.status, await response.json()


async def healthz(service: Service) -> int:
    return (await service.client.get("/healthz")).status


async def page(service: Service) -> int:
    return (await service.client.get("/")).status


class Reference:
    """What each channel answers FIRST and STEP with the database up, from users of their own."""

    def __init__(self, service: Service) -> None:
        self.service = service

    async def telegram(self, chat_id: int) -> list[str]:
        for said in (FIRST, STEP):
            assert await self.service.telegram(message_update(text_message(chat_id, said))) == 200
        return self.service.fake.texts(chat_id)

    async def wechat(self, user: str) -> str | None:
        await self.service.wechat.say(user, FIRST)
        return await self.service.wechat.say(user, STEP)

    async def web(self, user: str) -> dict[str, Any]:
        assert (await web_chat(self.service, user, FIRST))[0] == 200
        status, body = await web_chat(self.service, user, STEP)
        assert status == 200
        return body


async def test_an_outage_answers_5xx_quickly_and_the_same_app_serves_again_after_it(
    proxy: TcpProxy, proxied_url: str
) -> None:
    chat, wechat_user, web_user = 770001, "o-outage-wechat-user", "outage-visitor-key-00001"
    async with running(proxied_url) as service:
        reference = Reference(service)
        telegram_replies = await reference.telegram(770002)
        wechat_reply = await reference.wechat("o-outage-wechat-reference")
        web_replies = await reference.web("outage-reference-key-0001")
        assert telegram_replies[0].startswith("您好")
        assert wechat_reply and web_replies["replies"]
        assert await service.telegram(message_update(text_message(chat, FIRST))) == 200
        await service.wechat.say(wechat_user, FIRST)
        assert (await web_chat(service, web_user, FIRST))[0] == 200
        assert proxy.open_connections > 0, "the cut breaks pooled connections"
        greeted = service.fake.texts(chat)

        await proxy.cut()
        update = message_update(text_message(chat, STEP))
        assert await quickly(service.telegram(update)) == 503
        assert service.fake.texts(chat) == greeted
        wechat_xml = service.wechat.text_xml(wechat_user, STEP)
        refused = await quickly(service.wechat.post(wechat_xml))
        assert refused.status == 503 and refused.body != "success"
        status, body = await quickly(web_chat(service, web_user, STEP))
        assert (status, body["message"]) == (503, text("zh-CN", "service-unavailable"))
        assert await quickly(healthz(service)) == 503
        assert await quickly(page(service)) == 200

        await proxy.restore()
        assert await quickly(service.telegram(update)) == 200  # Telegram's redelivery
        assert service.fake.texts(chat) == telegram_replies  # the step's replies, once
        again = await quickly(service.wechat.post(wechat_xml))  # WeChat's retry, same MsgId
        assert (again.status, again.content) == (200, wechat_reply)
        assert await quickly(web_chat(service, web_user, STEP)) == (200, web_replies)
        assert await quickly(healthz(service)) == 200


async def test_a_database_that_stops_answering_gets_503_after_the_timeout_not_a_hang(
    proxy: TcpProxy, proxied_url: str
) -> None:
    chat = 770101
    async with running(proxied_url, database_timeout=1.0) as service:
        replies = await Reference(service).telegram(770102)
        assert await service.telegram(message_update(text_message(chat, FIRST))) == 200

        proxy.stall()
        update = message_update(text_message(chat, STEP))
        assert await quickly(service.telegram(update)) == 503
        status, body = await quickly(web_chat(service, "stalled-visitor-key-0001", FIRST))
        assert (status, body["message"]) == (503, text("zh-CN", "service-unavailable"))

        await proxy.restore()
        assert await quickly(service.telegram(update)) == 200
        assert service.fake.texts(chat) == replies
