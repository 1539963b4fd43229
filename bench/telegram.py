"""Updates per second and reply latency of the Telegram webhook, beside two bare echo bots.

Three webhook servers take the same load from the same fake Bot API, one after the other:

- pipeline: `jifen serve`'s app with the Telegram channel: secret check, dedupe, dialog step,
  SQLite (temporary directory), outbox, replies through the fake Bot API;
- pipeline-pg: the same on a fresh PostgreSQL database (when JIFEN_TEST_POSTGRES_URL is set);
- aiogram: a bare aiogram 3 echo bot behind aiogram's own SimpleRequestHandler;
- ptb: a bare python-telegram-bot echo bot (the `bench` extra) behind a small aiohttp
  webhook, with concurrent updates on.

Each server runs in a process of its own; the fake Bot API and the simulated users run in
this one. Every user walks through the points questions and waits for the whole answer before
sending the next message. Latency is from the webhook POST to the last reply of that update
reaching the fake Bot API.

    python bench/telegram.py [--users 200] [--messages 10] [--only pipeline]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import cProfile
import itertools
import os
import resource
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Run as a script, this file's folder comes first on sys.path, and this file, named
# telegram.py, would shadow python-telegram-bot's package `telegram`.
if Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path.pop(0)

from aiohttp import ClientSession, ClientTimeout, TCPConnector, web

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.scale import fresh_database  # noqa: E402
from tests.telegram.fake_bot_api import FakeBotApi, Sent  # noqa: E402

TOKEN = "123456:BENCH-token"
SECRET = "bench-secret"
PATH = "/telegram/webhook"
SCRIPT = ("/start", "算积分", "30", "本科", "有", "没有", "3年", "1倍", "都没有", "否")
SERVERS = ("pipeline", "pipeline-pg", "aiogram", "ptb")
PIPELINES = ("pipeline", "pipeline-pg")
TIME_LIMIT = 600.0  # seconds for one server's whole load


# -- the servers, each run as `python bench/telegram.py --serve NAME --api URL` --------------


async def pipeline_app(api: str, workdir: str) -> web.Application:
    from pydantic import SecretStr

    from bot.app import build_app
    from bot.config import Settings
    from bot.runtime import build_runtime
    from bot.storage.database import Database
    from bot.storage.migrate import upgrade

    url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite+aiosqlite:///{workdir}/bench.db"
    db = Database(url)
    await upgrade(db)
    await db.dispose()
    settings = Settings(
        database_url=url,
        telegram_token=SecretStr(TOKEN),
        telegram_mode="webhook",
        telegram_webhook_secret=SecretStr(SECRET),
        telegram_api_base=api,
    )
    return build_app(build_runtime(settings))


async def aiogram_app(api: str, workdir: str) -> web.Application:
    from aiogram import Bot, Dispatcher, F, Router
    from aiogram.client.session.aiohttp import AiohttpSession
    from aiogram.client.telegram import TelegramAPIServer
    from aiogram.types import Message
    from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application

    router = Router()

    @router.message(F.text)
    async def echo(message: Message) -> None:
        await message.answer(message.text or "")

    bot = Bot(TOKEN, session=AiohttpSession(api=TelegramAPIServer.from_base(api)))
    dispatcher = Dispatcher()
    dispatcher.include_router(router)
    app = web.Application()
    SimpleRequestHandler(dispatcher, bot, secret_token=SECRET).register(app, path=PATH)
    setup_application(app, dispatcher, bot=bot)
    return app


async def ptb_app(api: str, workdir: str) -> web.Application:
    import hmac

    from telegram import Update  # type: ignore[attr-defined]  # mypy takes this file for it
    from telegram.ext import Application, ContextTypes, MessageHandler, filters

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        await update.message.reply_text(update.message.text or "")

    application = (
        Application.builder()
        .token(TOKEN)
        .base_url(f"{api}/bot")
        .updater(None)
        .concurrent_updates(True)
        .build()
    )
    application.add_handler(MessageHandler(filters.TEXT, echo))

    async def receive(request: web.Request) -> web.Response:
        given = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
        if not hmac.compare_digest(given, SECRET):
            return web.Response(status=403)
        await application.update_queue.put(Update.de_json(await request.json(), application.bot))
        return web.Response()

    async def lifespan(_app: web.Application) -> AsyncIterator[None]:
        async with application:
            await application.start()
            yield
            await application.stop()

    app = web.Application()
    app.router.add_post(PATH, receive)
    app.cleanup_ctx.append(lifespan)
    return app


APPS = {
    "pipeline": pipeline_app,
    "pipeline-pg": pipeline_app,
    "aiogram": aiogram_app,
    "ptb": ptb_app,
}


async def serve(name: str, api: str, profile_to: str | None) -> None:
    with tempfile.TemporaryDirectory() as workdir:
        app = await APPS[name](api, workdir)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0, backlog=1024)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        print(f"PORT {port}", flush=True)
        profile = cProfile.Profile()  # the event loop's thread only
        if profile_to:
            profile.enable()
        try:
            await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
        finally:
            if profile_to:
                profile.disable()
                profile.dump_stats(profile_to)
            usage = resource.getrusage(resource.RUSAGE_SELF)  # every thread of the process
            print(f"CPU {usage.ru_utime + usage.ru_stime}", flush=True)
            await runner.cleanup()


# -- the load ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    name: str
    updates: int
    seconds: float
    latencies: list[float]
    webhook: list[float]

    @property
    def rate(self) -> float:
        return self.updates / self.seconds

    def percentile(self, p: float, values: list[float] | None = None) -> float:
        ordered = sorted(self.latencies if values is None else values)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000


class Replies:
    """When each chat's n-th message reached the fake Bot API."""

    def __init__(self, fake: FakeBotApi) -> None:
        self.arrived: dict[int, list[float]] = defaultdict(list)
        self.waiting: dict[int, asyncio.Event] = {}
        fake.on_sent = self._sent

    def _sent(self, message: Sent) -> None:
        self.arrived[message.chat_id].append(time.perf_counter())
        event = self.waiting.get(message.chat_id)
        if event is not None:
            event.set()

    async def wait(self, chat_id: int, count: int) -> float:
        event = self.waiting.setdefault(chat_id, asyncio.Event())
        while len(self.arrived[chat_id]) < count:
            event.clear()
            await event.wait()
        return self.arrived[chat_id][count - 1]


def update(update_id: int, chat_id: int, text: str) -> dict[str, Any]:
    message: dict[str, Any] = {
        "message_id": update_id,
        "date": int(time.time()),
        "chat": {"id": chat_id, "type": "private", "first_name": "U"},
        "from": {"id": chat_id, "is_bot": False, "first_name": "U", "language_code": "zh-hans"},
        "text": text,
    }
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text)}]
    return {"update_id": update_id, "message": message}


async def run_load(
    name: str, url: str, replies: Replies, per_step: list[int], users: int, first_chat: int
) -> Result:
    ids = itertools.count(first_chat * 100)
    latencies: list[float] = []
    webhook: list[float] = []
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    connector = TCPConnector(limit=users + 10)
    timeout = ClientTimeout(total=60)
    async with ClientSession(connector=connector, timeout=timeout) as http:

        async def user(chat_id: int) -> None:
            expected = 0
            for text, count in zip(SCRIPT, per_step, strict=True):
                expected += count
                started = time.perf_counter()
                async with http.post(
                    url, json=update(next(ids), chat_id, text), headers=headers
                ) as r:
                    assert r.status == 200, f"{name}: webhook answered {r.status}"
                webhook.append(time.perf_counter() - started)
                last = await replies.wait(chat_id, expected)
                latencies.append(last - started)

        started = time.perf_counter()
        chats = range(first_chat, first_chat + users)
        await asyncio.wait_for(asyncio.gather(*(user(c) for c in chats)), TIME_LIMIT)
        seconds = time.perf_counter() - started
    return Result(name, users * len(SCRIPT), seconds, latencies, webhook)


async def calibrate(url: str, replies: Replies, chat_id: int) -> list[int]:
    """How many messages each step of the script answers with (the dialog is deterministic)."""
    counts = []
    async with ClientSession() as http:
        for step, text in enumerate(SCRIPT):
            before = len(replies.arrived[chat_id])
            headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
            async with http.post(url, json=update(10 + step, chat_id, text), headers=headers) as r:
                assert r.status == 200
            await replies.wait(chat_id, before + 1)
            await asyncio.sleep(0.5)  # the rest of this step's replies
            counts.append(len(replies.arrived[chat_id]) - before)
    return counts


@dataclass(frozen=True)
class Server:
    url: str
    process: asyncio.subprocess.Process

    async def cpu_seconds(self) -> float:
        """Stops the server's clock: the CPU time it used so far, all its threads."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(b"stop\n")
        await self.process.stdin.drain()
        while not (line := (await self.process.stdout.readline()).decode()).startswith("CPU "):
            if not line:
                return float("nan")
        return float(line.split()[1])


@contextlib.asynccontextmanager
async def server_process(name: str, api: str, profile: bool) -> AsyncIterator[Server]:
    options = ["--profile-to", f"{name}.prof"] if profile else []
    async with contextlib.AsyncExitStack() as stack:
        environment = {**os.environ, "PYTHONPATH": str(ROOT)}
        if name == "pipeline-pg":
            environment["BENCH_DATABASE_URL"] = await stack.enter_async_context(fresh_database())
        process = await asyncio.create_subprocess_exec(
            sys.executable, __file__, "--serve", name, "--api", api, *options,
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, env=environment,
        )  # fmt: skip
        async with _running(name, process) as server:
            yield server


@contextlib.asynccontextmanager
async def _running(name: str, process: asyncio.subprocess.Process) -> AsyncIterator[Server]:
    assert process.stdout is not None and process.stdin is not None
    try:
        # Start-up (imports, the FAQ index) takes seconds, over a minute on a loaded machine.
        line = (await asyncio.wait_for(process.stdout.readline(), 180)).decode()
        if not line.startswith("PORT "):
            raise RuntimeError(f"{name} server did not start: {line!r}")
        yield Server(f"http://127.0.0.1:{int(line.split()[1])}{PATH}", process)
    finally:
        process.stdin.close()
        try:
            await asyncio.wait_for(process.wait(), 15)
        except TimeoutError:
            process.kill()
            await process.wait()


async def bench(users: int, names: list[str], profile: bool) -> list[Result]:
    fake = FakeBotApi(TOKEN)
    api = await fake.start()
    replies = Replies(fake)
    results = []
    try:
        for index, name in enumerate(names):
            if name == "pipeline-pg" and not os.environ.get("JIFEN_TEST_POSTGRES_URL"):
                print("pipeline-pg skipped: JIFEN_TEST_POSTGRES_URL is not set")
                continue
            async with server_process(name, api, profile) as server:
                first_chat = (index + 1) * 1_000_000
                per_step = await calibrate(server.url, replies, first_chat - 1)
                result = await run_load(name, server.url, replies, per_step, users, first_chat)
                cpu = await server.cpu_seconds()
                results.append(result)
                print(
                    f"{name:9} {result.rate:8.0f} updates/s  "
                    f"p50 {result.percentile(50):6.1f} ms  p99 {result.percentile(99):6.1f} ms  "
                    f"(webhook answered: p50 {result.percentile(50, result.webhook):5.1f} ms, "
                    f"p99 {result.percentile(99, result.webhook):6.1f} ms; "
                    f"{sum(per_step)} messages out per {len(SCRIPT)} in; "
                    f"server CPU {cpu * 1000 / (result.updates + len(SCRIPT)):.1f} ms per update)",
                    flush=True,
                )
    finally:
        await fake.close()
    return results


def report(results: list[Result]) -> None:
    by_name = {r.name: r for r in results}
    pipeline = by_name.get("pipeline")
    for name in PIPELINES:
        for echo in ("aiogram", "ptb"):
            if name in by_name and echo in by_name:
                ours, other = by_name[name], by_name[echo]
                print(
                    f"{name} / {echo} echo: throughput {ours.rate / other.rate:.2f}x "
                    f"(target >= 0.5), p99 {ours.percentile(99) / other.percentile(99):.2f}x "
                    f"(target <= 3)"
                )
    if "aiogram" in by_name and "ptb" in by_name:
        print(
            f"aiogram / ptb echo throughput: {by_name['aiogram'].rate / by_name['ptb'].rate:.2f}x"
        )
    if pipeline:
        spread = statistics.mean(pipeline.latencies) * 1000
        print(f"pipeline mean latency {spread:.1f} ms over {len(pipeline.latencies)} updates")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--messages", type=int, default=len(SCRIPT), choices=[len(SCRIPT)])
    parser.add_argument("--only", choices=SERVERS, action="append")
    parser.add_argument("--profile", action="store_true", help="cProfile each server to NAME.prof")
    parser.add_argument("--serve", choices=SERVERS, help=argparse.SUPPRESS)
    parser.add_argument("--profile-to", help=argparse.SUPPRESS)
    parser.add_argument("--api", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        asyncio.run(serve(args.serve, args.api, args.profile_to))
        return
    print(f"{args.users} users x {len(SCRIPT)} messages, all users at once, 127.0.0.1 only")
    report(asyncio.run(bench(args.users, args.only or list(SERVERS), args.profile)))


if __name__ == "__main__":
    main()
