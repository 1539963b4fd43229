"""Sending committed replies through the Bot API, with Telegram's limits and failures in mind.

The outbox holds a reply for 60 s (its lease) while it is being sent, so all the waiting done
here stays well inside that: flood waits up to `max_wait` seconds in all, then `RetryLater`
hands the reply back to the outbox. A reply split into several messages is sent again whole
when a later part fails, so a user may, rarely, see its first part twice.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.methods import SendMessage, TelegramMethod

from bot.channels.telegram.bot_api import BotApi
from bot.channels.telegram.render import render
from bot.delivery import RetryLater, Unreachable
from dialogs.types import Reply

log = logging.getLogger(__name__)

NO_PREVIEW = {"is_disabled": True}  # FAQ answers cite sources by link


class TelegramSender:
    def __init__(
        self,
        bot: Bot,
        *,
        max_flood_waits: int = 3,
        max_wait: float = 30.0,
        attempts: int = 3,
        backoff: float = 0.5,
    ) -> None:
        self.bot = bot
        self.api = BotApi(bot)
        self.max_flood_waits = max_flood_waits
        self.max_wait = max_wait
        self.attempts = attempts
        self.backoff = backoff

    async def send(self, user: str, reply: Reply) -> None:
        for message in render(reply):
            payload: dict[str, Any] = {
                "chat_id": int(user),
                "text": message.html,
                "parse_mode": "HTML",
                "link_preview_options": NO_PREVIEW,
            }
            if message.keyboard is not None:
                payload["reply_markup"] = message.keyboard
            await self.call(SendMessage, payload)

    async def call(self, method: type[TelegramMethod[Any]], payload: dict[str, Any]) -> None:
        """One Bot API call: flood waits waited out (up to `max_wait`, then `RetryLater`),
        a blocked user or unknown chat raised as `Unreachable`, outages retried `attempts`
        times with backoff, then raised."""
        waited, flood_waits, failures = 0.0, 0, 0
        while True:
            try:
                await self.api.call(method, payload)
                return
            except TelegramRetryAfter as flood:
                flood_waits += 1
                if flood_waits > self.max_flood_waits or waited + flood.retry_after > self.max_wait:
                    raise RetryLater(flood.retry_after) from flood
                waited += flood.retry_after
                await asyncio.sleep(flood.retry_after)
            except TelegramForbiddenError as blocked:
                raise Unreachable(blocked.message) from blocked
            except TelegramBadRequest as bad:
                if "chat not found" in bad.message.lower():
                    raise Unreachable(bad.message) from bad
                raise
            except (TelegramNetworkError, TelegramServerError) as error:
                failures += 1
                if failures >= self.attempts:
                    log.warning("Telegram unavailable after %d attempts: %s", failures, error)
                    raise
                delay = self.backoff * 2 ** (failures - 1)
                log.info("Telegram request failed (%s), retrying in %.1f s", error, delay)
                await asyncio.sleep(delay)
