"""The webhook: only Telegram (holder of the secret) gets in, only valid updates are taken."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.storage.models import ProcessedMessage, User
from tests.telegram.conftest import App, message_update, text_message

WRONG = "not-the-secret"


async def _rows(app: App) -> tuple[int, int]:
    async with app.runtime.db.transaction() as session:
        users = await session.scalar(select(func.count()).select_from(User))
        processed = await session.scalar(select(func.count()).select_from(ProcessedMessage))
    return int(users or 0), int(processed or 0)


@pytest.mark.parametrize("secret", [None, WRONG, ""], ids=["missing", "wrong", "empty"])
async def test_update_without_the_secret_is_refused_and_not_processed(
    app: App, secret: str | None
) -> None:
    status = await app.post(message_update(text_message(42, "/start")), secret=secret)
    assert status == 403
    assert await _rows(app) == (0, 0)
    assert app.fake.calls_to("sendMessage") == []
    assert app.fake.calls_to("sendChatAction") == []


async def test_body_that_is_no_update_is_a_bad_request(app: App) -> None:
    response = await app.client.post(
        "/telegram/webhook",
        data=b"{not json",
        headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret-Token_1"},
    )
    assert response.status == 400
    response = await app.client.post(
        "/telegram/webhook",
        json={"message": {"text": "no update_id"}},
        headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret-Token_1"},
    )
    assert response.status == 400
    assert await _rows(app) == (0, 0)


async def test_webhook_is_registered_with_its_secret(app: App) -> None:
    (call,) = app.fake.calls_to("setWebhook")
    assert call.params["url"] == "https://jifen.example/telegram/webhook"
    assert call.params["secret_token"] == "s3cret-Token_1"
    assert set(call.params["allowed_updates"]) == {"message", "callback_query"}


async def test_commands_are_registered_in_chinese_and_english(app: App) -> None:
    calls = app.fake.calls_to("setMyCommands")
    menus = {call.params.get("language_code"): call.params["commands"] for call in calls}
    assert set(menus) == {"zh", None}
    names = ["start", "menu", "score", "faq", "remind", "human", "language", "restart",
             "delete_my_data"]  # fmt: skip
    for commands in menus.values():
        assert [c["command"] for c in commands] == names
        assert all(c["description"] for c in commands)
    assert menus["zh"] != menus[None]
