"""JSON can carry a lone UTF-16 surrogate ("\\ud800") that no UTF-8 text can hold: it used to
reach the FAQ retriever and the database and answer 500. Now it is a normal answer."""

from __future__ import annotations

import pytest

from tests.security.web_site import VISITOR, web_site


@pytest.mark.parametrize(
    "raw", [b'"\\ud800"', b'"\\udfff"', b'"\\u5c45\\ud800\\u4f4f\\u8bc1"', b'"30\\udc00"']
)
async def test_a_lone_surrogate_gets_a_normal_answer(database_url: str, raw: bytes) -> None:
    body = b'{"user": "' + VISITOR.encode() + b'", "text": ' + raw + b"}"
    async with web_site(database_url) as (client, _):
        response = await client.post(
            "/api/chat", data=body, headers={"Content-Type": "application/json"}
        )
        assert response.status == 200, await response.text()
        assert (await response.json())["replies"][0]["text"]
        history = await client.get("/api/chat/history", headers={"X-Jifen-User": VISITOR})
        assert history.status == 200


async def test_a_lone_surrogate_in_a_choice_is_not_a_server_error(sqlite_url: str) -> None:
    body = b'{"user": "' + VISITOR.encode() + b'", "choice": "menu:\\ud800"}'
    async with web_site(sqlite_url) as (client, _):
        response = await client.post(
            "/api/chat", data=body, headers={"Content-Type": "application/json"}
        )
    assert response.status == 200
