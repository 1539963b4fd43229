"""The command menu Telegram shows next to the input field, in Chinese and in English.

Telegram picks the list by the user's app language: "zh" gets Chinese, everyone else the
default list, in English.
"""

from __future__ import annotations

from aiogram import Bot
from aiogram.types import BotCommand

from bot.channels.telegram.handlers import COMMANDS
from dialogs.locales import text

LANGUAGES = (("zh", "zh-CN"), (None, "en"))  # (Telegram language_code, our locale)


def command_menu(locale: str) -> list[BotCommand]:
    return [
        BotCommand(command=name, description=text(locale, f"telegram-command-{name}"))
        for name in COMMANDS
    ]


async def set_commands(bot: Bot) -> None:
    for language_code, locale in LANGUAGES:
        await bot.set_my_commands(command_menu(locale), language_code=language_code)
