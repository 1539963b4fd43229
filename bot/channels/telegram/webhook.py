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
from datetime import UTC, datetime
from typing import Any

from aiogram.types import Update
from aiohttp import web

from bot.channels.telegram.channel import TELEGRAM
from bot.storage.database import DATABASE_UNAVAILABLE
from dialogs.types import Inbound

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
        text = plain_text(body)
        update = None if text else Update.model_validate(body, context={"bot": telegram.bot})
    except (ValueError, RecursionError):  # not JSON (or nested too deep), or not an Update
        return web.Response(status=400)
    try:
        if text is not None:
            await telegram.handle(*text)
        else:
            assert update is not None
            await telegram.dispatcher.feed_update(telegram.bot, update)
    except DATABASE_UNAVAILABLE:
        log.exception("database unavailable for update %s", body.get("update_id"))
        return web.Response(status=503)
    except Exception:
        log.exception("update %s failed", body.get("update_id"))
        return web.Response(status=500)
    return web.Response()


def plain_text(body: Any) -> tuple[int, Inbound] | None:
    """The chat and the message of an update that is plain text in a private chat (nearly
    every update), read from the few fields the step needs; None for anything else, which
    aiogram validates and routes (bot.channels.telegram.handlers; a command, a button...).

    Validating a whole `Update` model costs ~0.5 ms of CPU an update (issue 20); this reads
    what `handlers.on_text` would, and gives the same `Inbound`.
    """
    if not isinstance(body, dict) or body.keys() != {"update_id", "message"}:
        return None
    message, update_id = body["message"], body["update_id"]
    if not isinstance(message, dict) or not isinstance(update_id, int):
        return None
    chat, text, date = message.get("chat"), message.get("text"), message.get("date")
    sender = message.get("from")
    if not (
        isinstance(chat, dict)
        and chat.get("type") == "private"
        and isinstance(chat.get("id"), int)
        and isinstance(text, str)
        and not text.startswith("/")  # a command: aiogram's Command filter reads it
        and isinstance(date, int)
        and isinstance(message.get("message_id"), int)
        and (sender is None or isinstance(sender, dict))
    ):
        return None
    try:
        at = datetime.fromtimestamp(date, UTC)
    except (OverflowError, OSError, ValueError):
        return None
    language = (sender or {}).get("language_code")
    return chat["id"], Inbound(
        channel="telegram",
        user=str(chat["id"]),
        message_id=str(update_id),
        at=at,
        text=text,
        locale_hint=language if isinstance(language, str) else None,
    )


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
