"""`jifen wechat-menu`: create the Official Account's custom menu (算积分 / 常见问题 / 转人工)."""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

from bot.channels.wechat.api import Gateway, WeChatApi
from bot.channels.wechat.inbound import MENU
from bot.clock import shanghai_now
from bot.config import Settings
from bot.storage.database import Database


def register(parser: argparse.ArgumentParser) -> None:
    parser.set_defaults(run=run)


def menu() -> dict[str, Any]:
    return {"button": [{"type": "click", "name": name, "key": key} for name, key in MENU]}


def run(_args: argparse.Namespace) -> int:
    settings = Settings()
    if not settings.wechat_appid or settings.wechat_secret is None:
        print("wechat-menu: set JIFEN_WECHAT_APPID and JIFEN_WECHAT_SECRET")
        return 2
    api = WeChatApi(
        settings.wechat_api_base, settings.wechat_appid, settings.wechat_secret.get_secret_value()
    )
    try:
        asyncio.run(_create(api, Database(settings.database_url)))
    finally:
        api.close()
    print("wechat-menu: created 算积分 / 常见问题 / 转人工")
    return 0


async def _create(api: WeChatApi, db: Database) -> None:
    """Through the token shared in the database: fetching a new one would end the serving
    processes' token five minutes later."""
    try:
        await Gateway(api, db, shanghai_now).call(lambda client: client.menu.create(menu()))
    finally:
        await db.dispose()
