"""Telegram updates -> `Inbound`, one small handler per kind of update.

Edited messages are ignored (no handler, so they are not even requested from Telegram): by the
time a user edits an answer the dialog has usually moved on, and stepping it again with the new
text would answer a question that is no longer asked. The user can type the answer again or
use "edit <field>".

Only private chats are served: the conversation is about one person's points.
"""

from __future__ import annotations

import html
from contextlib import suppress
from datetime import datetime
from typing import TYPE_CHECKING

from aiogram import Router
from aiogram.enums import ChatType
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, CommandObject
from aiogram.methods import AnswerCallbackQuery, EditMessageText
from aiogram.types import CallbackQuery, Message, Update

from bot.delivery import RetryLater, Unreachable
from dialogs.types import Inbound

if TYPE_CHECKING:
    from bot.channels.telegram.channel import TelegramChannel
    from bot.channels.telegram.sender import TelegramSender

COMMANDS = (
    "start",
    "menu",
    "score",
    "faq",
    "remind",
    "human",
    "language",
    "restart",
    "delete_my_data",
)


def build_router() -> Router:
    """Handlers in the order they are tried: commands, text, then any other kind of message."""
    router = Router(name="telegram")
    router.message.filter(private_message)
    router.callback_query.filter(private_choice)
    router.message.register(on_command, Command(*COMMANDS))
    router.message.register(on_text, has_text)
    router.message.register(on_unsupported)
    router.callback_query.register(on_choice, has_data)
    return router


# The filters are coroutines: aiogram runs a plain function (and a magic filter, F.text ...)
# in a thread pool, a thread hop for each filter of each update.


async def private_message(message: Message) -> bool:
    return message.chat.type == ChatType.PRIVATE


async def private_choice(query: CallbackQuery) -> bool:
    return query.message is not None and query.message.chat.type == ChatType.PRIVATE


async def has_text(message: Message) -> bool:
    return message.text is not None


async def has_data(query: CallbackQuery) -> bool:
    return query.data is not None


async def on_command(
    message: Message, command: CommandObject, event_update: Update, telegram: TelegramChannel
) -> None:
    await telegram.handle(
        message.chat.id, _inbound(message, event_update, command=command.command, text=command.args)
    )


async def on_text(message: Message, event_update: Update, telegram: TelegramChannel) -> None:
    await telegram.handle(message.chat.id, _inbound(message, event_update, text=message.text))


async def on_unsupported(message: Message, event_update: Update, telegram: TelegramChannel) -> None:
    """Stickers, photos, voice, locations, files...: the dialog asks the user to type instead."""
    await telegram.handle(message.chat.id, _inbound(message, event_update, command="unsupported"))


async def on_choice(query: CallbackQuery, event_update: Update, telegram: TelegramChannel) -> None:
    chat_id = query.message.chat.id if query.message else query.from_user.id
    inbound = Inbound(
        channel="telegram",
        user=str(chat_id),
        message_id=str(event_update.update_id),
        at=telegram.runtime.clock(),
        choice=query.data,
        locale_hint=query.from_user.language_code,
    )
    try:
        handled = await telegram.handle(chat_id, inbound)
    finally:
        # Telegram shows a spinner on the button until the query is answered, whatever happened.
        # One try, as for "typing…": a retry would hold this webhook request.
        with suppress(TelegramAPIError):
            await telegram.api.call(AnswerCallbackQuery, {"callback_query_id": query.id})
    if not handled.duplicate and isinstance(query.message, Message) and query.data:
        telegram.spawn(mark_chosen(telegram.sender, query.message, query.data))


async def mark_chosen(sender: TelegramSender, message: Message, choice_id: str) -> None:
    """Write the chosen answer under its question and drop the keyboard, so the chat does not
    fill with buttons that no longer mean anything. In the background, with the sender's
    handling of flood waits and outages; a failure (too old to edit, edited already, the user
    blocked the bot) leaves the message as it was."""
    buttons = message.reply_markup.inline_keyboard if message.reply_markup else []
    label = next((b.text for row in buttons for b in row if b.callback_data == choice_id), None)
    if label is None or message.text is None:
        return
    payload = {
        "chat_id": message.chat.id,
        "message_id": message.message_id,
        "text": f"{html.escape(message.text, quote=False)}\n\n✓ {html.escape(label, quote=False)}",
        "parse_mode": "HTML",
    }
    with suppress(TelegramAPIError, RetryLater, Unreachable):
        await sender.call(EditMessageText, payload)


def _inbound(
    message: Message,
    update: Update,
    *,
    text: str | None = None,
    command: str | None = None,
) -> Inbound:
    at: datetime = message.date
    return Inbound(
        channel="telegram",
        user=str(message.chat.id),
        message_id=str(update.update_id),
        at=at,
        text=text,
        command=command,
        locale_hint=message.from_user.language_code if message.from_user else None,
    )
