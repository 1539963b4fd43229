"""Another site frames the chat page to trick visitors (clickjacking), or slips in a script:
the page says who may frame it (configurable, for our own sites), runs only its own script
and style, and never leaks its address in a Referer."""

from __future__ import annotations

import re

from tests.security.web_site import web_site


def directives(policy: str) -> dict[str, str]:
    return dict(part.strip().partition(" ")[::2] for part in policy.split(";"))


async def test_the_page_may_be_framed_only_by_its_own_site_by_default(sqlite_url: str) -> None:
    async with web_site(sqlite_url) as (client, _):
        response = await client.get("/")
    policy = directives(response.headers["Content-Security-Policy"])
    assert policy["frame-ancestors"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["default-src"] == "'none'"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"


async def test_our_other_sites_may_be_allowed_to_embed_it(sqlite_url: str) -> None:
    sites = "'self' https://www.example.com https://*.example.org"
    async with web_site(sqlite_url, web_frame_ancestors=sites) as (client, _):
        response = await client.get("/")
    assert directives(response.headers["Content-Security-Policy"])["frame-ancestors"] == sites


async def test_the_page_has_no_inline_script_or_style_for_the_policy_to_allow(
    sqlite_url: str,
) -> None:
    async with web_site(sqlite_url) as (client, _):
        page = await (await client.get("/")).text()
        script = await client.get("/chat.js")
    assert not re.search(r"<script>|<style|\son\w+=", page)
    assert script.headers["X-Content-Type-Options"] == "nosniff"


async def test_api_answers_are_not_sniffed(sqlite_url: str) -> None:
    async with web_site(sqlite_url) as (client, _):
        response = await client.post("/api/chat", json={"user": "short", "text": "hi"})
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_a_frame_ancestors_setting_cannot_smuggle_another_directive() -> None:
    import pytest
    from pydantic import ValidationError

    from bot.config import Settings

    with pytest.raises(ValidationError):
        Settings(web_frame_ancestors="'self'; script-src *")
