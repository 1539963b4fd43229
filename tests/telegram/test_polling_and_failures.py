"""Polling mode (development), and a database failure while handling a webhook update."""

from __future__ import annotations

from sqlalchemy import text as sql

from tests.telegram.conftest import (
    App,
    message_update,
    running_app,
    telegram_settings,
    text_message,
)
from tests.telegram.fake_bot_api import FakeBotApi


async def test_polling_mode_answers_updates_from_get_updates(
    sqlite_url: str, fake_api: FakeBotApi
) -> None:
    settings = telegram_settings(sqlite_url, fake_api.url, telegram_mode="polling")
    async with running_app(settings) as (client, _):
        await fake_api.queue_update(message_update(text_message(31, "/start")))
        await fake_api.queue_update(message_update(text_message(31, "算积分")))
        await fake_api.wait_for(lambda: len(fake_api.chats[31]) >= 3)
        webhook = await client.post("/telegram/webhook", json={})
    assert fake_api.texts(31)[0].startswith("您好")
    assert "第 1/4 部分" in fake_api.texts(31)[2]
    assert fake_api.calls_to("deleteWebhook")
    assert fake_api.calls_to("setWebhook") == []
    assert webhook.status in (404, 405)  # no webhook in polling mode


async def test_database_failure_answers_503_so_telegram_sends_the_update_again(app: App) -> None:
    update = message_update(text_message(41, "/start"))
    async with app.runtime.db.transaction() as session:
        await session.execute(sql("ALTER TABLE transcript RENAME TO transcript_away"))
    assert await app.post(update) == 503
    assert app.fake.calls_to("sendMessage") == []
    async with app.runtime.db.transaction() as session:
        await session.execute(sql("ALTER TABLE transcript_away RENAME TO transcript"))
    assert await app.post(update) == 200
    assert app.fake.texts(41)[0].startswith("您好")
