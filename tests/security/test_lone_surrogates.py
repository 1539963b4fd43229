"""An attacker sends text that is no Unicode: a lone UTF-16 surrogate, as JSON's "\\ud800".
Python decodes it into a string nothing can encode (the FAQ search, the database), which was a
500 on the web and an update Telegram would post again forever. What happens now: the
character becomes U+FFFD when the message enters, and the user gets a normal answer."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest

from tests.production.conftest import Service, running
from tests.telegram.conftest import message_update, text_message

LONE = '"\\ud800"'  # as it arrives in JSON


@pytest.fixture
async def service(database_url: str) -> AsyncIterator[Service]:
    async with running(database_url) as running_service:
        yield running_service


async def test_a_lone_surrogate_on_the_web_gets_a_normal_answer(service: Service) -> None:
    body = '{"user": "visitor-lone-surrogate-0001", "text": ' + LONE + "}"
    response = await service.client.post(
        "/api/chat", data=body.encode(), headers={"Content-Type": "application/json"}
    )
    assert response.status == 200
    replies = (await response.json())["replies"]
    assert replies and replies[0]["text"]


async def test_a_lone_surrogate_to_telegram_is_answered_once(service: Service) -> None:
    update = json.dumps(message_update(text_message(881001, "x"))).replace('"x"', LONE)
    assert await service.telegram(update.encode()) == 200
    assert len(service.fake.texts(881001)) >= 1, "the user got an answer"
