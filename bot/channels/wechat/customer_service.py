"""The WeChat sender of the outbox: customer-service messages (客服消息), and, outside the
48-hour window, a subscription message (订阅通知) when the user accepted one."""

from __future__ import annotations

from functools import partial

from wechatpy.exceptions import WeChatClientException

from bot.channels.wechat import store
from bot.channels.wechat.api import Gateway, WeChatApi
from bot.channels.wechat.render import render
from bot.clock import Clock
from bot.delivery import RetryLater, Undeliverable, Unreachable
from bot.storage.database import Database
from dialogs.types import Reply

UNSUBSCRIBED = 43004
OUTSIDE_WINDOW = frozenset({45015, 45047})  # 48 hours since the user wrote; too many messages
BUSY = frozenset({-1, 45009, 45011})
TEMPLATE_FIELD_CHARS = 20  # a "thing" field of a subscription message


def _send_text(api: WeChatApi, user: str, text: str) -> object:
    return api.message.send_text(user, text)


class NotDeliverable(Undeliverable):
    """WeChat will not take a message to this user now, and no subscription message is left."""


class CustomerService:
    def __init__(
        self,
        gateway: Gateway,
        db: Database,
        clock: Clock,
        subscribe_template_id: str | None = None,
    ) -> None:
        self._gateway = gateway
        self._db = db
        self._clock = clock
        self._template_id = subscribe_template_id

    async def send(self, user: str, reply: Reply) -> None:
        try:
            for piece in render(reply):
                await self._gateway.call(partial(_send_text, user=user, text=piece))
        except WeChatClientException as error:
            if error.errcode == UNSUBSCRIBED:
                raise Unreachable(user) from error
            if error.errcode in BUSY:
                raise RetryLater(60) from error
            if error.errcode not in OUTSIDE_WINDOW:
                raise
            await self._subscription_message(user, reply, error)

    async def _subscription_message(
        self, user: str, reply: Reply, error: WeChatClientException
    ) -> None:
        template_id = self._template_id
        if template_id is None or not await store.use_consent(
            self._db, user, template_id, self._clock()
        ):
            raise NotDeliverable(f"errcode {error.errcode}") from error
        data = {"thing1": {"value": reply.text[:TEMPLATE_FIELD_CHARS]}}
        await self._gateway.call(
            lambda api: api.message.send_subscribe_message(user, template_id, data)
        )
