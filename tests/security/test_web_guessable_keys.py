"""A visitor's key is their only credential. An attacker who tries short keys (8 characters
were accepted) to read someone's conversation is refused; keys as long as the page makes
(33 characters) and at least 22 URL-safe characters (132 bits) work."""

from __future__ import annotations

import pytest

from tests.security.web_site import VISITOR, web_site

SHORT = ["abcdefgh", "visitor-0001", "a" * 21]
NOT_URL_SAFE = ["a" * 21 + "/", "a" * 21 + "=", "键" * 22]


@pytest.mark.parametrize("key", SHORT + NOT_URL_SAFE)
async def test_a_short_or_odd_key_is_refused_everywhere(sqlite_url: str, key: str) -> None:
    async with web_site(sqlite_url) as (client, _):
        posted = await client.post("/api/chat", json={"user": key, "text": "/start"})
        error = (await posted.json())["error"]
        read = [
            (await client.get(path, headers={"X-Jifen-User": key})).status
            for path in ("/api/chat/history", "/api/chat/updates")
            if key.isascii()  # a header cannot carry other characters
        ]
    assert posted.status == 400
    assert error.startswith("user: a string of 22-64")
    assert set(read) <= {400}


@pytest.mark.parametrize("key", ["a" * 22, VISITOR, "w" + "0123456789abcdef" * 2])
async def test_long_url_safe_keys_are_accepted(sqlite_url: str, key: str) -> None:
    async with web_site(sqlite_url) as (client, _):
        posted = await client.post("/api/chat", json={"user": key, "text": "/start"})
    assert posted.status == 200
