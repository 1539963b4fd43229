"""Updates per second, reply latency and CPU per update of the Telegram webhook, beside the bots
a typical developer would write.

Webhook servers, each in a process of its own, take the same load from the same fake Bot API:

- aiogram: a bare aiogram 3 echo bot behind aiogram's own SimpleRequestHandler (the yardstick);
- redis-fsm: what most developers would build: aiogram 3 with RedisStorage FSM asking four
  questions, updates deduplicated by update_id with Redis `SET NX` (Redis on BENCH_REDIS_URL,
  redis://127.0.0.1:6379/0 by default);
- pipeline: `jifen serve`'s app with the Telegram channel: secret check, dedupe, dialog step,
  SQLite (temporary directory), outbox, replies through the fake Bot API;
- pipeline-pg: the same on a fresh PostgreSQL database (when JIFEN_TEST_POSTGRES_URL is set);
- ptb: a bare python-telegram-bot echo bot (the `bench` extra), only with --only ptb.

All servers start first and stay up; then rounds take turns (interleaved, each round in another
order), so a change in the machine's load hits every server alike. With two or more cores the
servers share one core and the fake Bot API and the load run on another. Every user walks
through the points questions and waits for the whole answer before sending the next message;
`--concurrency` users talk at once; a share of updates (`--redeliver`) is posted twice at once,
as Telegram redelivers to a slow webhook. Latency is from the webhook POST to the last reply
of that update reaching the fake Bot API. The echo bots answer a redelivered update twice; the
others must not (double replies are counted).

`--split` adds one profiled round of each jifen server and prints where its CPU goes (cProfile
self CPU time by package, scaled to the CPU per update measured unprofiled).

    python bench/telegram.py [--users 250] [--concurrency 50] [--rounds 3] [--split]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import cProfile
import gc
import itertools
import os
import pstats
import random
import resource
import statistics
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
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
SERVERS = ("aiogram", "redis-fsm", "pipeline", "pipeline-pg", "ptb")
DEFAULT_SERVERS = ("aiogram", "redis-fsm", "pipeline", "pipeline-pg")
ECHOES = ("aiogram", "ptb")  # no dedupe: a redelivered update is answered twice
PIPELINES = ("pipeline", "pipeline-pg")
LABELS = {
    "aiogram": "bare aiogram echo",
    "ptb": "bare python-telegram-bot echo",
    "redis-fsm": "aiogram 3 + RedisStorage FSM, 4 questions",
    "pipeline": "jifen, SQLite",
    "pipeline-pg": "jifen, PostgreSQL",
}
TIME_LIMIT = 600.0  # seconds for one server's load in one round
BOT_CORE, LOAD_CORE = 0, 1


# -- the servers, each run as `python bench/telegram.py --serve NAME --api URL` --------------


async def pipeline_app(api: str, workdir: str) -> web.Application:
    from pydantic import SecretStr

    from bot.app import build_app
    from bot.config import Settings
    from bot.observability.logs import configure_logging
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
    configure_logging(settings.log_format)  # as `jifen serve` does: quiet libraries
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


async def redis_fsm_app(api: str, workdir: str) -> web.Application:
    """The bot most developers would write: aiogram's FSM in Redis, four questions, a score."""
    import re

    from aiogram import Bot, Dispatcher, F, Router
    from aiogram.client.session.aiohttp import AiohttpSession
    from aiogram.client.telegram import TelegramAPIServer
    from aiogram.filters import CommandStart
    from aiogram.fsm.context import FSMContext
    from aiogram.fsm.state import State, StatesGroup
    from aiogram.fsm.storage.redis import DefaultKeyBuilder, RedisStorage
    from aiogram.types import Message, TelegramObject, Update
    from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
    from redis.asyncio import Redis

    class Points(StatesGroup):
        age = State()
        education = State()
        insurance = State()
        record = State()

    redis = Redis.from_url(os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0"))
    prefix = f"jifen-bench-{uuid.uuid4().hex[:8]}"  # a run of its own; keys expire in an hour
    storage = RedisStorage(
        redis, key_builder=DefaultKeyBuilder(prefix=prefix), state_ttl=3600, data_ttl=3600
    )
    router = Router()

    @router.message(CommandStart())
    async def start(message: Message, state: FSMContext) -> None:
        await state.clear()
        await message.answer("欢迎！发送“算积分”估算您的居住证积分。")

    @router.message(Points.age, F.text)
    async def age(message: Message, state: FSMContext) -> None:
        found = re.search(r"\d+", message.text or "")
        if not found:
            await message.answer("请输入数字年龄，例如 30")
            return
        await state.update_data(age=int(found.group()))
        await state.set_state(Points.education)
        await message.answer("您的最高学历？（大专/本科/硕士/博士）")

    @router.message(Points.education, F.text)
    async def education(message: Message, state: FSMContext) -> None:
        await state.update_data(education=message.text)
        await state.set_state(Points.insurance)
        await message.answer("您在上海缴纳社保吗？")

    @router.message(Points.insurance, F.text)
    async def insurance(message: Message, state: FSMContext) -> None:
        await state.update_data(insurance=message.text)
        await state.set_state(Points.record)
        await message.answer("有无违法犯罪记录？")

    @router.message(Points.record, F.text)
    async def record(message: Message, state: FSMContext) -> None:
        data = await state.update_data(record=message.text)
        points = {"大专": 50, "本科": 60, "硕士": 100, "博士": 110}.get(data["education"], 0)
        points += 30 if 28 <= data["age"] <= 30 else 20
        await state.clear()
        await message.answer(f"您的积分约为 {points} 分，标准分值为 120 分。")

    @router.message(F.text)
    async def menu(message: Message, state: FSMContext) -> None:
        await state.set_state(Points.age)
        await message.answer("您的年龄？")

    async def dedupe(handler: Any, event: TelegramObject, data: dict[str, Any]) -> Any:
        assert isinstance(event, Update)
        if await redis.set(f"{prefix}:update:{event.update_id}", 1, nx=True, ex=3600):
            return await handler(event, data)
        return None

    bot = Bot(TOKEN, session=AiohttpSession(api=TelegramAPIServer.from_base(api)))
    dispatcher = Dispatcher(storage=storage)
    dispatcher.update.outer_middleware(dedupe)
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
    "redis-fsm": redis_fsm_app,
    "ptb": ptb_app,
}


class Profiler:
    """cProfile on the event loop's thread and on jifen's batch thread (SQLite's worker, or
    PostgreSQL's loop thread): cProfile sees only the thread that enabled it. Timed by each
    thread's CPU clock, not the wall clock: a thread waiting (the loop in epoll, a thread for
    the GIL or a lock, which on one core can take milliseconds) uses no CPU and counts none."""

    def __init__(self, app: web.Application) -> None:
        self.loop_profile = cProfile.Profile(time.thread_time)
        self.batch_profile = cProfile.Profile(time.thread_time)
        self.db = _database(app)

    async def _in_batch_thread(self, call: Any) -> None:
        if self.db is None:
            return
        if self.db.is_sqlite:
            await asyncio.wrap_future(self.db._batch_thread.submit(call))
            return
        if self.db._batch_loop is None:
            return

        async def there() -> None:
            call()

        await self.db._batch_loop.run(there())

    async def start(self) -> None:
        self.loop_profile.enable()
        await self._in_batch_thread(self.batch_profile.enable)

    async def stop(self, path: str) -> None:
        self.loop_profile.disable()
        await self._in_batch_thread(self.batch_profile.disable)
        stats = pstats.Stats(self.loop_profile)
        with contextlib.suppress(TypeError):  # nothing profiled there
            stats.add(self.batch_profile)
        stats.dump_stats(path)


def _database(app: web.Application) -> Any:
    from bot.runtime import RUNTIME

    return app[RUNTIME].db if RUNTIME in app else None


def tune(settings: list[str]) -> None:
    """`module.NAME=number`: a constant of jifen's set before the app is built (for sweeps,
    e.g. bot.batched.BATCH_SIZE=16)."""
    import importlib

    for setting in settings:
        name, value = setting.split("=")
        module, constant = name.rsplit(".", 1)
        target = importlib.import_module(module)
        assert hasattr(target, constant), f"{module} has no {constant}"
        setattr(target, constant, type(getattr(target, constant))(value))


async def serve(name: str, api: str, pin: bool, settings: list[str]) -> None:
    """Serve until standard input closes; each line is a command: `cpu` prints the CPU time
    used so far (all threads) and the SQLite writer's busy time, `profile` starts profiling,
    `dump PATH` stops it and writes the stats."""
    if pin:
        os.sched_setaffinity(0, {BOT_CORE})  # before any thread starts: they inherit it
    tune(settings)
    with tempfile.TemporaryDirectory() as workdir:
        app = await APPS[name](api, workdir)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0, backlog=1024)
        await site.start()
        gc.collect()  # as `jifen serve` does once started
        gc.freeze()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        print(f"PORT {port}", flush=True)
        profiler = Profiler(app)
        loop = asyncio.get_running_loop()
        try:
            while command := (await loop.run_in_executor(None, sys.stdin.readline)).split():
                if command[0] == "cpu":
                    usage = resource.getrusage(resource.RUSAGE_SELF)
                    db = _database(app)
                    busy = getattr(db, "writer_busy", float("nan"))
                    print(f"CPU {usage.ru_utime + usage.ru_stime} {busy}", flush=True)
                elif command[0] == "profile":
                    await profiler.start()
                    print("OK", flush=True)
                elif command[0] == "dump":
                    await profiler.stop(command[1])
                    print("OK", flush=True)
        finally:
            await runner.cleanup()


# -- the load ---------------------------------------------------------------------------------


@dataclass
class Round:
    updates: int = 0
    seconds: float = 0.0
    cpu: float = 0.0
    busy: float = 0.0
    doubles: int = 0
    latencies: list[float] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.updates / self.seconds


@dataclass
class Result:
    name: str
    rounds: list[Round] = field(default_factory=list)

    @property
    def total(self) -> Round:
        total = Round()
        for one in self.rounds:
            total.updates += one.updates
            total.seconds += one.seconds
            total.cpu += one.cpu
            total.busy += one.busy
            total.doubles += one.doubles
            total.latencies += one.latencies
        return total

    def percentile(self, p: float) -> float:
        ordered = sorted(self.total.latencies)
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


@dataclass(frozen=True)
class Load:
    users: int
    concurrency: int
    redeliver: float


@dataclass
class Server:
    name: str
    url: str
    process: asyncio.subprocess.Process
    per_step: list[int] = field(default_factory=list)

    async def command(self, line: str) -> list[str]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(line.encode() + b"\n")
        await self.process.stdin.drain()
        answer = (await self.process.stdout.readline()).decode().split()
        if not answer:
            raise RuntimeError(f"{self.name} server stopped")
        return answer

    async def usage(self) -> tuple[float, float]:
        """CPU seconds used so far (all threads) and the SQLite writer's busy seconds."""
        _, cpu, busy = await self.command("cpu")
        return float(cpu), float(busy)


async def run_round(
    server: Server, replies: Replies, load: Load, first_chat: int, rng: random.Random
) -> Round:
    """`load.users` users through the script, `load.concurrency` of them at once."""
    ids = itertools.count(first_chat * 100)
    result = Round(updates=load.users * len(SCRIPT))
    expected: dict[int, int] = {}
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    echo = server.name in ECHOES
    chats = list(range(first_chat, first_chat + load.users))
    async with ClientSession(
        connector=TCPConnector(limit=2 * load.concurrency + 10), timeout=ClientTimeout(total=60)
    ) as http:

        async def post(body: dict[str, Any]) -> None:
            async with http.post(server.url, json=body, headers=headers) as response:
                assert response.status == 200, f"{server.name}: webhook answered {response.status}"

        async def talk(chat_id: int) -> None:
            expected[chat_id] = 0
            for text, count in zip(SCRIPT, server.per_step, strict=True):
                body = update(next(ids), chat_id, text)
                twice = rng.random() < load.redeliver
                expected[chat_id] += count * (2 if twice and echo else 1)
                started = time.perf_counter()
                await asyncio.gather(*[post(body) for _ in range(2 if twice else 1)])
                last = await replies.wait(chat_id, expected[chat_id])
                result.latencies.append(last - started)

        async def user() -> None:
            while chats:
                await talk(chats.pop())

        cpu, busy = await server.usage()
        started = time.perf_counter()
        users = [user() for _ in range(load.concurrency)]
        await asyncio.wait_for(asyncio.gather(*users), TIME_LIMIT)
        result.seconds = time.perf_counter() - started
        result.cpu, result.busy = (
            after - before for after, before in zip(await server.usage(), (cpu, busy), strict=True)
        )
    await asyncio.sleep(0.5)  # a double reply would arrive by now
    result.doubles = sum(len(replies.arrived[c]) - n for c, n in expected.items())
    return result


async def calibrate(server: Server, replies: Replies, chat_id: int) -> None:
    """How many messages each step of the script answers with (the dialog is deterministic)."""
    async with ClientSession() as http:
        for step, text in enumerate(SCRIPT):
            before = len(replies.arrived[chat_id])
            headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
            body = update(10 + step, chat_id, text)
            async with http.post(server.url, json=body, headers=headers) as r:
                assert r.status == 200
            await replies.wait(chat_id, before + 1)
            await asyncio.sleep(0.5)  # the rest of this step's replies
            server.per_step.append(len(replies.arrived[chat_id]) - before)


@contextlib.asynccontextmanager
async def server_process(
    name: str, api: str, pin: bool, settings: list[str]
) -> AsyncIterator[Server]:
    async with contextlib.AsyncExitStack() as stack:
        environment = {**os.environ, "PYTHONPATH": str(ROOT)}
        if name == "pipeline-pg":
            environment["BENCH_DATABASE_URL"] = await stack.enter_async_context(fresh_database())
        options = (["--pin"] if pin else []) + [
            f"--tune={setting}" for setting in (settings if name in PIPELINES else [])
        ]
        process = await asyncio.create_subprocess_exec(
            sys.executable, __file__, "--serve", name, "--api", api, *options,
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, env=environment,
        )  # fmt: skip
        assert process.stdout is not None and process.stdin is not None
        try:
            # Start-up (imports, the FAQ index) takes seconds, over a minute on a loaded machine.
            line = (await asyncio.wait_for(process.stdout.readline(), 180)).decode()
            if not line.startswith("PORT "):
                raise RuntimeError(f"{name} server did not start: {line!r}")
            yield Server(name, f"http://127.0.0.1:{int(line.split()[1])}{PATH}", process)
        finally:
            process.stdin.close()
            try:
                await asyncio.wait_for(process.wait(), 15)
            except TimeoutError:
                process.kill()
                await process.wait()


async def bench(
    names: list[str], load: Load, rounds: int, split: bool, pin: bool, settings: list[str]
) -> None:
    if pin:
        os.sched_setaffinity(0, {LOAD_CORE})
    fake = FakeBotApi(TOKEN)
    api = await fake.start()
    replies = Replies(fake)
    rng = random.Random(20)
    chats = itertools.count(1_000_000, 1_000_000)
    async with contextlib.AsyncExitStack() as stack:
        servers = []
        for name in names:
            if name == "pipeline-pg" and not os.environ.get("JIFEN_TEST_POSTGRES_URL"):
                print("pipeline-pg skipped: JIFEN_TEST_POSTGRES_URL is not set")
                continue
            server = await stack.enter_async_context(server_process(name, api, pin, settings))
            await calibrate(server, replies, next(chats))
            servers.append(server)
        stack.push_async_callback(fake.close)
        results = {server.name: Result(server.name) for server in servers}
        for number in range(rounds):
            turn = servers[number % len(servers) :] + servers[: number % len(servers)]
            for server in turn:
                one = await run_round(server, replies, load, next(chats), rng)
                results[server.name].rounds.append(one)
                print(
                    f"round {number + 1} {server.name:11} {one.rate:6.0f} updates/s "
                    f"p99 {sorted(one.latencies)[int(0.99 * len(one.latencies))] * 1000:6.0f} ms "
                    f"CPU {one.cpu * 1000 / one.updates:5.2f} ms/update",
                    flush=True,
                )
        report(list(results.values()), load)
        if split:
            for server in servers:
                if server.name in PIPELINES:
                    await profile_round(server, replies, load, next(chats), rng, results)


def report(results: list[Result], load: Load) -> None:
    echo = next((r for r in results if r.name == "aiogram"), None)
    print(
        f"\n{load.users} users x {len(SCRIPT)} messages per round, {load.concurrency} at once, "
        f"{load.redeliver:.0%} of updates posted twice; load average "
        + " ".join(f"{x:.2f}" for x in os.getloadavg())
    )
    print("| system | updates/s | p50 | p99 | vs echo | p99 vs echo | CPU per update "
          "| SQLite lock busy | double replies |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|")
    for result in results:
        total = result.total
        ratio = per_round = p99 = "-"
        if echo is not None:
            ratio = f"{total.rate / echo.total.rate:.2f}"
            per_round = ", ".join(
                f"{ours.rate / theirs.rate:.2f}"
                for ours, theirs in zip(result.rounds, echo.rounds, strict=True)
            )
            p99 = f"{result.percentile(99) / echo.percentile(99):.2f}"
        busy = f"{total.busy / total.seconds:.0%}" if total.busy == total.busy else "-"
        print(
            f"| {LABELS[result.name]} | {total.rate:.0f} | {result.percentile(50):.0f} ms "
            f"| {result.percentile(99):.0f} ms | {ratio} (rounds {per_round}) | {p99} "
            f"| {total.cpu * 1000 / total.updates:.2f} ms | {busy} | {total.doubles} |"
        )


# Where CPU goes, by the file (or built-in) a function belongs to; first match wins.
CATEGORIES = (
    ("sqlite3 (C)", ("sqlite3",)),
    ("aiosqlite", ("aiosqlite",)),
    ("SQLAlchemy", ("sqlalchemy",)),
    ("asyncpg", ("asyncpg",)),
    ("aiogram + pydantic", ("aiogram", "pydantic")),
    ("aiohttp + HTTP", ("aiohttp", "multidict", "yarl", "http/", "email/")),
    (
        "dialog (dialogs/, transitions, scoring, faq)",
        ("dialogs/", "transitions", "scoring/", "faq/"),
    ),
    ("jifen bot/", ("/bot/",)),
    ("json", ("json",)),
    ("logging", ("logging",)),
    ("asyncio + selectors", ("asyncio", "selectors", "select.", "socket", "_overlapped")),
)


def category(filename: str, function: str) -> str:
    where = f"{filename} {function}"
    for label, marks in CATEGORIES:
        if any(mark in where for mark in marks):
            return label
    return "other"


async def profile_round(
    server: Server, replies: Replies, load: Load, first_chat: int, rng: random.Random,
    results: dict[str, Result],
) -> None:  # fmt: skip
    path = os.path.abspath(f"{server.name}.prof")
    await server.command("profile")
    await run_round(server, replies, load, first_chat, rng)
    await server.command(f"dump {path}")
    stats = pstats.Stats(path)
    by_category: dict[str, float] = defaultdict(float)
    for (filename, _line, function), (_cc, _nc, own, _cum, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        by_category[category(filename, function)] += own
    profiled = sum(by_category.values())
    total = results[server.name].total
    per_update = total.cpu * 1000 / total.updates
    print(
        f"\n{LABELS[server.name]}: CPU {per_update:.2f} ms per update, split by cProfile "
        f"self CPU time of the loop and batch threads ({path}):"
    )
    for label, seconds in sorted(by_category.items(), key=lambda item: -item[1]):
        print(f"  {label:46} {seconds / profiled * per_update:5.2f} ms  {seconds / profiled:4.0%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=250, help="per server and round")
    parser.add_argument("--concurrency", type=int, default=50, help="users talking at once")
    parser.add_argument("--redeliver", type=float, default=0.1, help="share posted twice")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", choices=SERVERS, action="append")
    parser.add_argument("--split", action="store_true", help="profile jifen: where CPU goes")
    parser.add_argument("--no-pin", action="store_true", help="let every process use any core")
    parser.add_argument(
        "--tune", action="append", default=[], metavar="MODULE.NAME=NUMBER",
        help="set a constant of jifen's, e.g. bot.batched.BATCH_SIZE=16",
    )  # fmt: skip
    parser.add_argument("--serve", choices=SERVERS, help=argparse.SUPPRESS)
    parser.add_argument("--pin", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--api", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        asyncio.run(serve(args.serve, args.api, args.pin, args.tune))
        return
    pin = not args.no_pin and len(os.sched_getaffinity(0)) >= 2
    load = Load(args.users, args.concurrency, args.redeliver)
    names = args.only or list(DEFAULT_SERVERS)
    print(f"{statistics.mean(os.getloadavg()):.1f} mean load average at start; pinned: {pin}")
    if args.tune:
        print(f"tuned: {', '.join(args.tune)}")
    asyncio.run(bench(names, load, args.rounds, args.split, pin, args.tune))


if __name__ == "__main__":
    main()
