"""GET/POST /wechat: verified, decrypted in safe mode, answered within WeChat's 5 seconds.

WeChat waits 5 s for a passive reply and then retries the same MsgId up to three times.
A step normally takes milliseconds; if it has not finished by the deadline the request is
answered "success" and the step goes on (shielded from the timeout): its replies are
committed to the outbox and go out through the customer-service API. The message is written
to the inbox before anything else, so a step that fails after "success" is not lost
(`bot.channels.wechat.inbox`).
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Awaitable, Coroutine, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from aiohttp import web
from wechatpy.messages import BaseMessage

from bot.channels.wechat import passive, store, wire
from bot.channels.wechat.inbound import Arrival, Consent, Unsubscribed, translate
from bot.channels.wechat.inbox import Inbox
from bot.channels.wechat.render import together
from bot.channels.wechat.safe_mode import SafeMode
from bot.channels.wechat.signing import Forbidden, verify
from bot.runtime import Runtime
from bot.service import Handled
from bot.storage.database import DATABASE_UNAVAILABLE
from dialogs.types import Inbound

log = logging.getLogger(__name__)
T = TypeVar("T")
WECHAT_WAITS = 5.0  # seconds WeChat waits for the response before it gives up on it


class TooLarge(Exception):
    pass


@dataclass(frozen=True)
class Answer:
    """The passive reply (None: "success"), the replies it carries (sent once it was
    written), and the replies to send once it has gone."""

    text: str | None = None
    then_deliver: Sequence[int] = ()
    carries: Sequence[int] = ()


@dataclass
class Endpoint:
    runtime: Runtime
    token: str
    safe_mode: SafeMode | None
    deadline: float  # seconds to answer within, of WeChat's 5 (Settings.wechat_passive_deadline)
    _background: set[asyncio.Future[Any]] = field(default_factory=set)
    inbox: Inbox = field(init=False)

    def __post_init__(self) -> None:
        self.inbox = Inbox(self.runtime)

    async def verify_url(self, request: web.Request) -> web.Response:
        try:
            verify(self.token, dict(request.query), self.runtime.clock())
        except Forbidden:
            return web.Response(status=403, text="forbidden")
        return web.Response(text=request.query.get("echostr", ""))

    async def receive(self, request: web.Request) -> web.StreamResponse:
        """Shielded: WeChat hanging up (aiohttp may cancel the handler then) stops neither the
        step nor the giving back of a passive reply that could not be written."""
        work = asyncio.ensure_future(self._receive(request))
        self._in_background(work)
        return await asyncio.shield(work)

    async def _receive(self, request: web.Request) -> web.StreamResponse:
        arrived = asyncio.get_running_loop().time()
        deadline = arrived + self.deadline
        now = self.runtime.clock()
        query = dict(request.query)
        try:
            verify(self.token, query, now)
            posted = body = await _read(request)
            if self.safe_mode is not None:
                body = self.safe_mode.decrypt(wire.encrypted_part(body), query, now)
            message = wire.parse(body)
            arrival = translate(message)
        except Forbidden:
            return web.Response(status=403, text="forbidden")
        except TooLarge:
            return web.Response(status=413, text="too large")
        except wire.BadXml:
            return web.Response(status=400, text="bad request")
        try:
            key = await self.inbox.record(query["timestamp"], query["nonce"], posted, arrival)
            answer = await self._answer(arrival, key, deadline, arrived + WECHAT_WAITS)
        except Forbidden:
            return web.Response(status=403, text="forbidden")
        except DATABASE_UNAVAILABLE:  # not "success": WeChat is to deliver the message again
            log.exception("database unavailable for wechat %s", message.type)
            return web.Response(status=503, text="database unavailable")
        response = web.Response(
            text=self._xml(message, answer.text) if answer.text else "success",
            content_type="application/xml" if answer.text else "text/plain",
        )
        try:
            await response.prepare(request)
            await response.write_eof()
        except Exception:  # WeChat hung up: the retry or the outbox is to hand them over
            log.info("wechat hung up before the answer to %s was written", message.id)
            if answer.carries:
                self._in_background(
                    passive.release(self.runtime.db, answer.carries, self.runtime.clock())
                )
            return response
        if answer.carries:
            self.runtime.outbox.marks.add(answer.carries)
        if answer.then_deliver:
            self._in_background(self.runtime.outbox.deliver(answer.then_deliver))
        return response

    async def settle(self) -> None:
        """Wait for steps and deliveries still running after their request was answered."""
        while self._background:
            await asyncio.gather(*self._background, return_exceptions=True)

    async def _answer(self, arrival: Arrival, key: str, deadline: float, gone: float) -> Answer:
        """`gone`: when WeChat stops waiting for the response (loop time); `key`: the arrival's
        inbox row, which an event's transaction marks done."""
        match arrival:
            case Inbound():
                return await self._converse(arrival, deadline, gone)
            case Unsubscribed() | Consent():
                now = self.runtime.clock()
                await self._by(deadline, store.apply(self.runtime.db, arrival, now, key))
        return Answer()

    async def _by(self, deadline: float, work: Coroutine[Any, Any, None]) -> None:
        """Wait for `work` until the deadline; then let it finish after the answer."""
        task = asyncio.ensure_future(work)
        try:
            await _until(deadline, task)
        except TimeoutError:
            self._in_background(task)

    async def _converse(self, inbound: Inbound, deadline: float, gone: float) -> Answer:
        # A user who writes, (re)subscribing too, is reachable again: the step writes that.
        step = asyncio.ensure_future(self.runtime.service.handle(inbound))
        try:
            handled = await _until(min(deadline, gone), step)
        except TimeoutError:
            self._in_background(self._deliver_when_done(step))
            return Answer()
        return await self._passive(handled, min(deadline, gone))

    async def _passive(self, handled: Handled, deadline: float) -> Answer:
        """The leading replies that fit one message go as the passive reply, the others through
        the customer-service API. A step's own replies are leased to this process from their
        commit; a retried MsgId's are taken first (`passive.take`). If they cannot be taken,
        whoever holds them hands them over (the request answering the first copy, or the
        sending after a slow step), or else the sweep once their lease runs out: the retry
        answers "success" and sends nothing itself."""
        ids = handled.outbox_ids
        count, text = together(handled.replies)
        if not count:
            return Answer(None, ids)
        if not handled.duplicate:
            return Answer(text, ids[count:], ids[:count])
        runtime = self.runtime
        take = asyncio.ensure_future(
            passive.take(runtime.db, ids[:count], runtime.clock(), runtime.outbox.started)
        )
        try:
            taken = await _until(deadline, take)
        except TimeoutError:  # the database was too busy: the sweep sends them later
            self._in_background(self._release_if_taken(take, ids[:count]))
            return Answer()
        return Answer(text, ids[count:], ids[:count]) if taken else Answer()

    async def _deliver_when_done(self, step: asyncio.Future[Handled]) -> None:
        handled = await step
        await self.runtime.outbox.deliver(handled.outbox_ids)

    async def _release_if_taken(self, take: asyncio.Future[bool], ids: Sequence[int]) -> None:
        if await take:
            await passive.release(self.runtime.db, ids, self.runtime.clock())

    def _in_background(self, work: Awaitable[Any]) -> None:
        task = asyncio.ensure_future(work)
        self._background.add(task)
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Future[Any]) -> None:
        self._background.discard(task)
        if not task.cancelled() and task.exception() is not None:
            # Whatever stays pending, the outbox sweep delivers later.
            log.error("wechat delivery after the answer failed", exc_info=task.exception())

    def _xml(self, message: BaseMessage, text: str) -> str:
        now = int(self.runtime.clock().timestamp())
        xml = wire.text_reply(message, text, now)
        if self.safe_mode is None:
            return xml
        return self.safe_mode.encrypt(xml, secrets.token_hex(8), now)


async def _until(deadline: float, work: asyncio.Future[T]) -> T:
    """`work`'s result if it is done by `deadline` (loop time); it runs on either way."""
    remaining = max(0.0, deadline - asyncio.get_running_loop().time())
    return await asyncio.wait_for(asyncio.shield(work), remaining)


async def _read(request: web.Request) -> bytes:
    if (request.content_length or 0) > wire.MAX_BODY:
        raise TooLarge
    body = bytearray()
    async for chunk in request.content.iter_any():
        body += chunk
        if len(body) > wire.MAX_BODY:
            raise TooLarge
    return bytes(body)
