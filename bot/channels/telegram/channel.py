"""The bot, its dispatcher, and the replies it is delivering in the background."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Coroutine
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import PRODUCTION, TelegramAPIServer
from aiogram.exceptions import TelegramAPIError
from aiogram.methods import GetMe, GetUpdates, SendChatAction
from aiogram.methods.base import Response
from aiohttp import web

from bot.channels.telegram.bot_api import BotApi
from bot.channels.telegram.commands import set_commands
from bot.channels.telegram.handlers import build_router
from bot.channels.telegram.sender import TelegramSender
from bot.keyed_lock import KeyedLock
from bot.runtime import Runtime
from bot.service import Handled
from dialogs.types import Inbound

log = logging.getLogger(__name__)

WEBHOOK_PATH = "/telegram/webhook"
REQUEST_TIMEOUT = 15  # seconds; well inside the outbox's 60-second lease, retries included
DRAIN_TIMEOUT = 10.0
# Replies being sent at once, at most. A reply is safe from a kill -9 once its send returned
# (`bot.sent_marks_journal`); one whose request is under way when the process dies is sent
# again, so this bounds what a kill repeats (bench/crash.py, before the journal, with 2: 2-7
# replies a kill, mostly marks waiting for the database).
SENDS_AT_ONCE = 2
# Updates stepped whose replies are not sent yet, at most; past it a webhook request waits for
# room before its step (Telegram posts at most max_connections at once, so that waits too).
# Steps outran the sends under a sustained load: the queue of deliveries, and the memory, grew
# without bound (bench/memory.py, 3,671 deliveries queued and +12 MB from 10,000 to 20,000
# users, tracemalloc).
BACKLOG = 64
# A step quicker than this is answered before "typing…" would even show: no sendChatAction
# then, which saves a Bot API call (and rate-limit budget) on nearly every message. Only the
# step's own time counts, not its wait for its turn: under load, typing actions sent for queue
# time would add Bot API calls exactly when the process has least time for them.
TYPING_AFTER = 0.5

# aiogram parses every Bot API answer with the pydantic model `Response[<return type>]`, and
# pydantic keeps such generic models only in a weak cache: after a garbage collection the next
# API call spends 10-20 ms of CPU building the model again (a tenth of the pipeline's CPU time
# under load, in bench/telegram.py). Holding them here keeps them built, for the calls still
# made through aiogram (the hot path's calls post JSON themselves, bot_api.py): polling's
# getUpdates and the start-up calls.
RESPONSE_MODELS = tuple(
    Response[method.__returning__]  # type: ignore[name-defined]  # a runtime type, on purpose
    for method in (GetMe, GetUpdates)
)


class TelegramChannel:
    def __init__(self, runtime: Runtime) -> None:
        settings = runtime.settings
        if settings.telegram_token is None:
            raise ValueError("JIFEN_TELEGRAM_TOKEN is not set")
        if settings.telegram_mode == "webhook" and settings.telegram_webhook_secret is None:
            raise ValueError(
                "JIFEN_TELEGRAM_WEBHOOK_SECRET must be set in webhook mode "
                "(or set JIFEN_TELEGRAM_MODE=polling)"
            )
        base = settings.telegram_api_base
        server = TelegramAPIServer.from_base(base) if base else PRODUCTION
        self.runtime = runtime
        self.bot = Bot(
            settings.telegram_token.get_secret_value(),
            session=AiohttpSession(api=server, timeout=REQUEST_TIMEOUT),
        )
        # The conversation state lives in the database; aiogram's FSM would keep a record per
        # chat in memory (MemoryStorage) for every user who ever wrote, and never drop it.
        self.api = BotApi(self.bot)
        self.sender = TelegramSender(self.bot)
        self.dispatcher = Dispatcher(telegram=self, disable_fsm=True)
        self.dispatcher.include_router(build_router())
        secret = settings.telegram_webhook_secret
        self.webhook_secret = secret.get_secret_value().encode() if secret else None
        self._tasks: set[asyncio.Task[None]] = set()
        self._delivering = KeyedLock()
        self._sending = asyncio.Semaphore(SENDS_AT_ONCE)
        self._backlog = asyncio.Semaphore(BACKLOG)

    async def handle(self, chat_id: int, inbound: Inbound) -> Handled:
        """Step the conversation (committed on return), then send its replies in the background,
        once there is room in the backlog of replies to send."""
        await self._backlog.acquire()
        try:
            handled = await self.runtime.service.handle(
                inbound, on_slow=lambda: self.spawn(self._typing(chat_id)), slow_after=TYPING_AFTER
            )
        except BaseException:
            self._backlog.release()
            raise
        if handled.outbox_ids:
            delivery = self.spawn(self._deliver(chat_id, handled))
            delivery.add_done_callback(lambda _: self._backlog.release())
        else:
            self._backlog.release()
        return handled

    def spawn(self, work: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        task = asyncio.create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def drain(self, timeout: float = DRAIN_TIMEOUT) -> None:
        """Wait for the background sends; what is left after `timeout` the outbox sweep sends."""
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=timeout)

    async def lifespan(self, app: web.Application) -> AsyncIterator[None]:
        """aiohttp cleanup context: start receiving updates, and stop cleanly."""
        self.runtime.senders["telegram"] = self.sender
        polling: asyncio.Task[None] | None = None
        try:
            await self._announce()
            if self.runtime.settings.telegram_mode == "polling":
                polling = asyncio.create_task(self._poll())
            yield
        finally:
            if polling is not None:
                polling.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await polling
            await self.drain()
            left = list(self._tasks)
            for task in left:
                task.cancel()
            await asyncio.gather(*left, return_exceptions=True)
            self.runtime.senders.pop("telegram", None)
            await self.bot.session.close()

    async def _announce(self) -> None:
        """Command menu and webhook; Telegram unreachable must not stop the other channels."""
        settings = self.runtime.settings
        try:
            await set_commands(self.bot)
            if settings.telegram_mode == "webhook" and settings.public_url:
                await self.bot.set_webhook(
                    url=settings.public_url.rstrip("/") + WEBHOOK_PATH,
                    secret_token=self.webhook_secret.decode() if self.webhook_secret else None,
                    allowed_updates=self.dispatcher.resolve_used_update_types(),
                )
        except TelegramAPIError:
            log.exception("could not register the Telegram commands or webhook")

    async def _poll(self) -> None:
        """Development mode: an update whose handling fails is logged and not fetched again."""
        try:
            await self.bot.delete_webhook()
        except TelegramAPIError:
            log.exception("could not remove the Telegram webhook; getUpdates will conflict")
        await self.dispatcher.start_polling(self.bot, handle_signals=False, close_bot_session=False)

    async def _typing(self, chat_id: int) -> None:
        with contextlib.suppress(TelegramAPIError):
            await self.api.call(SendChatAction, {"chat_id": chat_id, "action": "typing"})

    async def _deliver(self, chat_id: int, handled: Handled) -> None:
        # One chat's replies leave in the order their steps committed.
        async with self._delivering.hold(chat_id), self._sending:
            try:
                if handled.duplicate:  # what its first delivery left unsent goes now, once
                    if handled.left_over:
                        await self.runtime.outbox.take_over(handled.left_over)
                else:
                    await self.runtime.outbox.send_committed(
                        "telegram", str(chat_id), handled.outbox_ids, handled.replies
                    )
            except Exception:
                log.exception(
                    "delivering replies %s failed; the outbox sweep will retry", handled.outbox_ids
                )


TELEGRAM = web.AppKey("telegram", TelegramChannel)
