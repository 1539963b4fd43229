"""`jifen user export CHANNEL:ID` and `jifen user delete CHANNEL:ID`: one person's data.

CHANNEL:ID is how a channel knows the person: `telegram:<chat id>`, `wechat:<openid>`,
`web:<visitor key>`, `console:<name>`.

export prints every stored row about them as one JSON object: their `user` row and, per
table that has a user_id (conversation, transcript, outbox, processed messages, reminders,
handoffs, and any table added later), its rows; for WeChat also the 订阅通知 consent.

delete removes all of it, the user row included: nothing about the person is left, and if
they write again they start as a new user. This goes further than the in-chat
"删除我的数据", which keeps the channel id (to deliver its confirmation and keep an
unsubscribed user unsubscribed), a fresh conversation and the ids of processed messages;
an operator's delete answers a request made outside the chat, so nothing needs keeping.
Aggregate metrics hold nothing about a person.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.commands import database_session
from bot.config import Settings
from bot.storage.conversations import find_user
from bot.storage.database import Database
from bot.storage.migrate import prepare
from bot.user_data import erase_user, export_user, truncate_log


@dataclass(frozen=True)
class Who:
    channel: str
    external_id: str

    def __str__(self) -> str:
        return f"{self.channel}:{self.external_id}"


def parse_who(value: str) -> Who:
    channel, _, external_id = value.partition(":")
    if not channel or not external_id:
        raise argparse.ArgumentTypeError(
            f"expected CHANNEL:ID (e.g. telegram:12345), got {value!r}"
        )
    return Who(channel, external_id)


def register(parser: argparse.ArgumentParser) -> None:
    parser.description = __doc__
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    actions = parser.add_subparsers(dest="action", required=True)
    for name, run, help_text in [
        ("export", run_export, "print their data as one JSON object"),
        ("delete", run_delete, "delete their data, the user row included"),
    ]:
        action = actions.add_parser(name, help=help_text)
        action.add_argument("who", type=parse_who, metavar="CHANNEL:ID")
        action.set_defaults(run=run)


def run_export(args: argparse.Namespace) -> int:
    data = asyncio.run(_export(Settings(), args.who))
    if data is None:
        print(f"jifen user: no user {args.who}", file=sys.stderr)
        return 2
    print(json.dumps(data, ensure_ascii=False, indent=2, default=_json_value))
    return 0


def run_delete(args: argparse.Namespace) -> int:
    if not asyncio.run(_delete(Settings(), args.who)):
        print(f"jifen user: no user {args.who}", file=sys.stderr)
        return 2
    print(f"deleted {args.who}")
    return 0


async def _export(settings: Settings, who: Who) -> dict[str, Any] | None:
    async with database_session(settings) as session:
        user = await find_user(session, who.channel, who.external_id)
        return None if user is None else await export_user(session, user)


async def _delete(settings: Settings, who: Who) -> bool:
    db = Database(settings.database_url)
    try:
        await prepare(db)
        async with db.transaction() as session:
            user = await find_user(session, who.channel, who.external_id)
            if user is not None:
                await erase_user(session, user)
        if user is not None:
            await truncate_log(db)
        return user is not None
    finally:
        await db.dispose()


def _json_value(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")
