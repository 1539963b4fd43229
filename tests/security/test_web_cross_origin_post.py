"""Another site's page posts to /api/chat as a form or as text/plain (no CORS preflight for
those): refused with 415 before the body is read, so no visitor is created or stepped."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from bot.storage.models import User
from tests.security.web_site import VISITOR, web_site

BODY = json.dumps({"user": VISITOR, "text": "/start"})


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]
)
async def test_a_cross_site_simple_post_is_refused(database_url: str, content_type: str) -> None:
    async with web_site(database_url) as (client, runtime):
        response = await client.post("/api/chat", data=BODY, headers={"Content-Type": content_type})
        error = (await response.json())["error"]
        async with runtime.db.transaction() as session:
            users = await session.scalar(select(func.count()).select_from(User))
    assert response.status == 415
    assert error == "Content-Type: application/json"
    assert users == 0


async def test_the_same_body_as_json_is_answered(sqlite_url: str) -> None:
    async with web_site(sqlite_url) as (client, _):
        response = await client.post(
            "/api/chat", data=BODY, headers={"Content-Type": "application/json; charset=utf-8"}
        )
    assert response.status == 200
