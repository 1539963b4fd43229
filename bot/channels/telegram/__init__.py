"""The Telegram channel (aiogram 3): updates in by webhook or polling, replies out by the Bot API.

Settings (environment, or .env):

- ``JIFEN_TELEGRAM_TOKEN``: the bot's token from @BotFather; the channel runs only when set.
- ``JIFEN_TELEGRAM_MODE``: ``webhook`` (default; Telegram POSTs updates to
  ``/telegram/webhook``) or ``polling`` (the process fetches them with getUpdates; for
  development, no public address needed).
- ``JIFEN_TELEGRAM_WEBHOOK_SECRET``: required in webhook mode; sent by Telegram in the
  ``X-Telegram-Bot-Api-Secret-Token`` header, requests without it are refused (403).
  1-256 characters of ``A-Z a-z 0-9 _ -``.
- ``JIFEN_PUBLIC_URL``: the service's public https address; when set in webhook mode, the
  webhook is registered with Telegram at start (``<public url>/telegram/webhook``).
- ``JIFEN_TELEGRAM_API_BASE``: another Bot API server, e.g. a local ``telegram-bot-api``
  (``http://127.0.0.1:8081``); by default ``https://api.telegram.org``.
"""

from __future__ import annotations

from aiohttp import web

from bot.channels.telegram.channel import TELEGRAM, WEBHOOK_PATH, TelegramChannel
from bot.channels.telegram.webhook import receive_update
from bot.runtime import Runtime

__all__ = ["TELEGRAM", "TelegramChannel", "setup"]


def setup(app: web.Application, runtime: Runtime) -> None:
    if runtime.settings.telegram_token is None:
        return
    telegram = TelegramChannel(runtime)
    app[TELEGRAM] = telegram
    app.cleanup_ctx.append(telegram.lifespan)
    if runtime.settings.telegram_mode == "webhook":
        app.router.add_post(WEBHOOK_PATH, receive_update)
