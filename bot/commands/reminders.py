"""`jifen reminders plan|run`: print a reminder plan, or run the reminder worker on its own."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import signal
import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import date, datetime

from pydantic import SecretStr

from bot.clock import shanghai_now
from bot.config import Settings
from bot.delivery import Sender
from bot.observability.logs import configure_logging
from bot.observability.metrics import watch_database
from bot.reminders.plan import SHANGHAI, known_years, plan
from bot.reminders.worker import RateLimit, ReminderWorker, WorkerOptions
from bot.retention import Periods, retention_forever
from bot.storage.database import Database
from bot.storage.migrate import require_current


def register(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True)

    plan_parser = actions.add_parser(
        "plan",
        help="when the reminders of a permit go out",
        description="Prints every reminder of the plan, past ones too, unless --now is given.",
    )
    plan_parser.add_argument("--expiry", type=date.fromisoformat, required=True, help="YYYY-MM-DD")
    plan_parser.add_argument("--endorsed", type=date.fromisoformat, help="YYYY-MM-DD")
    plan_parser.add_argument(
        "--now",
        type=_aware,
        help="ISO 8601 time (Asia/Shanghai if no offset): leave out reminders not after it",
    )
    plan_parser.add_argument("--json", action="store_true", help='a JSON list of {"kind", "at"}')
    plan_parser.set_defaults(run=run_plan)

    run_parser = actions.add_parser("run", help="run the reminder worker until interrupted")
    run_parser.add_argument("--batch-size", type=int, default=WorkerOptions.batch_size)
    run_parser.add_argument("--rate", type=float, default=RateLimit.per_second, help="messages/s")
    run_parser.add_argument(
        "--chat-interval", type=float, default=RateLimit.chat_interval, help="seconds per chat"
    )
    run_parser.add_argument("--no-rate-limit", action="store_true")
    run_parser.add_argument(
        "--ignore-quiet-hours",
        action="store_true",
        help="send due reminders between 20:00 and 09:00 too (catching up by hand)",
    )
    run_parser.set_defaults(run=run_worker)


def _aware(value: str) -> datetime:
    at = datetime.fromisoformat(value)
    return at if at.tzinfo else at.replace(tzinfo=SHANGHAI)


def run_plan(args: argparse.Namespace) -> int:
    result = plan(args.expiry, args.endorsed, now=args.now)
    if result.uncovered_years:
        first, last = known_years()
        years = ", ".join(str(year) for year in result.uncovered_years)
        print(
            f"warning: the holiday calendar covers {first}-{last} only; working days in {years} "
            "were counted as Monday to Friday",
            file=sys.stderr,
        )
    if args.json:
        print(json.dumps([planned.to_json() for planned in result.reminders]))
    else:
        for planned in result.reminders:
            print(f"{planned.at.isoformat()}  {planned.kind}")
    return 0


def run_worker(args: argparse.Namespace) -> int:
    configure_logging(Settings().log_format)
    rate = None if args.no_rate_limit else RateLimit(args.rate, args.chat_interval)
    options = WorkerOptions(
        batch_size=args.batch_size, rate=rate, quiet_hours=not args.ignore_quiet_hours
    )
    asyncio.run(_work(Settings(), options))
    return 0


async def _work(settings: Settings, options: WorkerOptions) -> None:
    db = Database(settings.database_url)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    retention: asyncio.Task[None] | None = None
    try:
        await require_current(db)
        watch_database(db)
        retention = asyncio.create_task(retention_forever(db, Periods.of(settings)))
        async with channel_senders(settings, db) as senders:
            logging.getLogger(__name__).info("reminder worker: senders for %s", sorted(senders))
            await ReminderWorker(db, senders, options=options).run(stop)
    finally:
        if retention is not None:
            # Wait for the pass in flight to unwind before the database closes under it: a
            # SIGTERM during a pass otherwise left asyncio.run waiting for it forever.
            retention.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await retention
        await db.dispose()


@asynccontextmanager
async def channel_senders(settings: Settings, db: Database) -> AsyncIterator[dict[str, Sender]]:
    """The senders of the channels configured in `settings`, built as the channels build
    theirs. A channel without one here (web, or one not configured) gets its reminders as
    outbox replies, which the `jifen serve` processes deliver. A channel's library is imported
    only when it is configured: aiogram alone is seconds of CPU (bot/app.py)."""
    senders: dict[str, Sender] = {}
    async with contextlib.AsyncExitStack() as closing:
        if settings.telegram_token is not None:
            token, base = settings.telegram_token.get_secret_value(), settings.telegram_api_base
            senders["telegram"] = await closing.enter_async_context(_telegram_sender(token, base))
        if settings.wechat_appid and settings.wechat_secret is not None:
            wechat = (settings.wechat_api_base, settings.wechat_appid, settings.wechat_secret)
            senders["wechat"] = closing.enter_context(_wechat_sender(db, *wechat))
        yield senders


@asynccontextmanager
async def _telegram_sender(token: str, base: str | None) -> AsyncIterator[Sender]:
    from aiogram import Bot
    from aiogram.client.session.aiohttp import AiohttpSession
    from aiogram.client.telegram import PRODUCTION, TelegramAPIServer

    from bot.channels.telegram.channel import REQUEST_TIMEOUT
    from bot.channels.telegram.sender import TelegramSender

    server = TelegramAPIServer.from_base(base) if base else PRODUCTION
    session = AiohttpSession(api=server, timeout=REQUEST_TIMEOUT)
    bot = Bot(token, session=session)
    try:
        yield TelegramSender(bot)
    finally:
        await bot.session.close()


@contextlib.contextmanager
def _wechat_sender(db: Database, base: str, appid: str, secret: SecretStr) -> Iterator[Sender]:
    from bot.channels.wechat.api import Gateway, WeChatApi
    from bot.channels.wechat.customer_service import CustomerService

    wechat = WeChatApi(base, appid, secret.get_secret_value())
    try:
        yield CustomerService(Gateway(wechat, db, shanghai_now), db, shanghai_now)
    finally:
        wechat.close()
