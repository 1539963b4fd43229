"""POST /telegram/webhook: answered only once the update is committed.

aiogram's SimpleRequestHandler answers Telegram first and handles the update in the background;
a crash in between would lose the message. Here a 200 means the step and its replies are in the
database (their sending runs on in the background, and the outbox sweep finishes it after a
crash); any error answers non-2xx, so Telegram delivers the update again and the dedupe by
update_id keeps a step from running twice.
"""

from __future__ import annotations

import hmac
import logging

from aiogram.types import Update
from aiohttp import web

from bot.channels.telegram.channel import TELEGRAM
from bot.storage.database import DATABASE_UNAVAILABLE

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
INT64 = range(-(2**63), 2**63)


async def receive_update(request: web.Request) -> web.Response:
    telegram = request.app[TELEGRAM]
    given = request.headers.get(SECRET_HEADER, "").encode("utf-8", "surrogateescape")
    if telegram.webhook_secret is None or not hmac.compare_digest(given, telegram.webhook_secret):
        return web.Response(status=403)
    try:
        body = await request.json()
        if not _numbers_fit(body):
            raise ValueError("a number beyond 64 bits")
        update = Update.model_validate(body, context={"bot": telegram.bot})
    except (ValueError, RecursionError):  # not JSON (or nested too deep), or not an Update
        return web.Response(status=400)
    try:
        await telegram.dispatcher.feed_update(telegram.bot, update)
    except DATABASE_UNAVAILABLE:
        log.exception("database unavailable for update %s", update.update_id)
        return web.Response(status=503)
    except Exception:
        log.exception("update %s failed", update.update_id)
        return web.Response(status=500)
    return web.Response()


def _numbers_fit(value: object) -> bool:
    """Telegram's numbers fit in 64 bits (chat ids in 52). A larger one is no Telegram update,
    and would not fit the database either: a 503 there would have it posted again forever."""
    if isinstance(value, int):
        return value in INT64
    if isinstance(value, dict):
        return all(_numbers_fit(item) for item in value.values())
    if isinstance(value, list):
        return all(_numbers_fit(item) for item in value)
    return True
