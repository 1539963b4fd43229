"""An attacker (or a broken client) sends numbers beyond 64 bits where ids belong.

Telegram: an update whose ids do not fit 64 bits is no Telegram update. On PostgreSQL it
failed in the database and was answered 503, which tells Telegram to post it again, forever.
What happens now: 400, on both databases, and the next real update is answered.
(The console's junk ids: test_junk_ids.py; every route under fuzz: tests/production/test_fuzz.py.)
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.production.conftest import Service, running
from tests.telegram.conftest import message_update, text_message


@pytest.fixture
async def service(database_url: str) -> AsyncIterator[Service]:
    async with running(database_url) as running_service:
        yield running_service


@pytest.mark.parametrize("where", ["update_id", "chat id", "message_id"])
async def test_a_telegram_update_with_an_id_beyond_64_bits_is_a_bad_request(
    service: Service, where: str
) -> None:
    update = message_update(text_message(882001, "30"))
    huge = int("9" * 200)
    if where == "update_id":
        update["update_id"] = huge
    elif where == "chat id":
        update["message"]["chat"]["id"] = huge
    else:
        update["message"]["message_id"] = huge
    assert await service.telegram(update) == 400
    assert await service.telegram(message_update(text_message(882001, "/start"))) == 200
    assert service.fake.texts(882001), "the next real update is answered"
