"""`jifen wechat-menu` creates the custom menu through the (fake) API."""

from __future__ import annotations

import asyncio

import pytest

from bot.cli import main

from .fake_wechat_api import FakeWeChatApi


def jifen(*argv: str) -> int:
    return main(list(argv))


async def test_wechat_menu_creates_the_three_click_buttons(
    sqlite_url: str, fake_api: FakeWeChatApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in {
        "JIFEN_DATABASE_URL": sqlite_url,
        "JIFEN_WECHAT_APPID": fake_api.appid,
        "JIFEN_WECHAT_SECRET": fake_api.secret,
        "JIFEN_WECHAT_API_BASE": fake_api.base_url,
    }.items():
        monkeypatch.setenv(name, value)
    status = await asyncio.to_thread(jifen, "wechat-menu")
    assert status == 0
    assert fake_api.sent("menu/create") == [
        {
            "button": [
                {"type": "click", "name": "算积分", "key": "menu:score"},
                {"type": "click", "name": "常见问题", "key": "menu:faq"},
                {"type": "click", "name": "转人工", "key": "menu:human"},
            ]
        }
    ]


async def test_wechat_menu_without_credentials_says_what_is_missing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("JIFEN_WECHAT_APPID", raising=False)
    monkeypatch.setenv("JIFEN_WECHAT_SECRET", "")
    assert await asyncio.to_thread(jifen, "wechat-menu") == 2
    assert "JIFEN_WECHAT_APPID" in capsys.readouterr().out
