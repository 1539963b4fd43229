"""TelegramSender against the fake Bot API: flood waits, blocked users, outages."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramServerError

from bot.channels.telegram.sender import TelegramSender
from bot.delivery import RetryLater, Unreachable
from dialogs.types import Reply
from tests.telegram.conftest import TOKEN
from tests.telegram.fake_bot_api import Failure, FakeBotApi

CHAT = 777


@pytest.fixture
async def bot(fake_api: FakeBotApi) -> AsyncIterator[Bot]:
    session = AiohttpSession(api=TelegramAPIServer.from_base(fake_api.url))
    bot = Bot(TOKEN, session=session)
    yield bot
    await bot.session.close()


async def test_flood_wait_is_honoured_then_the_reply_goes_once(
    bot: Bot, fake_api: FakeBotApi
) -> None:
    fake_api.flood("sendMessage", count=1, retry_after=1)
    await TelegramSender(bot).send(str(CHAT), Reply("你好"))
    assert fake_api.texts(CHAT) == ["你好"]
    assert len(fake_api.calls_to("sendMessage")) == 2


async def test_flood_longer_than_the_budget_hands_the_reply_back(
    bot: Bot, fake_api: FakeBotApi
) -> None:
    fake_api.flood("sendMessage", count=1, retry_after=120)
    with pytest.raises(RetryLater) as wait:
        await TelegramSender(bot).send(str(CHAT), Reply("你好"))
    assert wait.value.seconds == 120
    assert fake_api.texts(CHAT) == []


async def test_blocked_user_is_unreachable(bot: Bot, fake_api: FakeBotApi) -> None:
    fake_api.block(CHAT)
    with pytest.raises(Unreachable):
        await TelegramSender(bot).send(str(CHAT), Reply("你好"))


async def test_server_errors_are_retried_with_backoff(bot: Bot, fake_api: FakeBotApi) -> None:
    fake_api.fail_next("sendMessage", 2, Failure(502, "Bad Gateway"))
    await TelegramSender(bot, backoff=0.01).send(str(CHAT), Reply("你好"))
    assert fake_api.texts(CHAT) == ["你好"]


async def test_a_lasting_outage_raises_for_the_outbox_to_retry(
    bot: Bot, fake_api: FakeBotApi
) -> None:
    fake_api.fail_next("sendMessage", 3, Failure(500, "Internal Server Error"))
    with pytest.raises(TelegramServerError):
        await TelegramSender(bot, backoff=0.01).send(str(CHAT), Reply("你好"))
    assert len(fake_api.calls_to("sendMessage")) == 3


async def test_reply_of_5000_characters_arrives_in_two_messages(
    bot: Bot, fake_api: FakeBotApi
) -> None:
    text = "\n".join(["政策说明" * 20] * 62)  # 62 lines of 80 characters: 5,021 in all
    await TelegramSender(bot).send(str(CHAT), Reply(text))
    texts = fake_api.texts(CHAT)
    assert len(texts) == 2
    assert "\n".join(texts) == text
