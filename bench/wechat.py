"""Passive-reply latency and throughput of /wechat under concurrent users, beside two echoes:
a bare wechatpy echo (what a developer would write from wechatpy's docs: `check_signature`,
`parse_message`, `create_reply`), and one that verifies, parses the XML safely as /wechat does
(`bot.channels.wechat.wire`) and echoes.

Both run as real aiohttp servers on 127.0.0.1 in a process of their own (SQLite in a
temporary directory, or a fresh PostgreSQL database with --database postgres and
JIFEN_TEST_POSTGRES_URL; the fake WeChat API for the replies that go out through the
customer-service API). Each simulated user walks through the points questions with
numbered answers and asks one FAQ question. Latency is measured by the client and, for
/wechat, also inside the server. Figures only: the exit status does not depend on them.

Lost and duplicate replies are counted from the server's side once the load is over, the
inbox sweep has run and the outbox sweep has sent what was left pending (it runs throughout, as
in `jifen serve`): a message lost is one the client sent that was never stepped; a reply
lost is an outbox row never handed over (passively, or through the customer-service API),
a duplicate one handed over more than once.

    python bench/wechat.py [--users 40] [--rounds 2] [--database sqlite|postgres]

Issue 20's table is one run per row: --users 20, 100 and 300 on each --database.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from aiohttp import ClientSession, ClientTimeout, TCPConnector, web
from aiohttp.typedefs import Handler
from pydantic import SecretStr
from sqlalchemy import func, select
from wechatpy import create_reply, parse_message
from wechatpy.exceptions import InvalidSignatureException
from wechatpy.utils import check_signature

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.channels.wechat import WECHAT, setup, wire
from bot.channels.wechat.inbox import SWEEP_LIMIT
from bot.channels.wechat.signing import Forbidden, signature, verify
from bot.clock import shanghai_now
from bot.config import Settings
from bot.delivery import Outbox, sweep_forever
from bot.runtime import RUNTIME, Runtime, build_runtime
from bot.storage.models import InboxMessage, OutboxReply, ProcessedMessage, User
from faq.retrieve import default_retriever
from tests.serve_process import pending_replies
from tests.wechat.fake_wechat_api import FakeWeChatApi

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import fresh_database, fresh_sqlite

TOKEN = "bench-token"
APPID = "wx-bench"
CONVERSATION = ("1", "30", "4", "1", "5年", "1", "1", "2", "积分申请要多久出结果", "菜单")
DEADLINE = 5.0
WECHAT_ATTEMPTS = 3  # WeChat posts a message up to three times
SETTLE = 150.0  # seconds to wait, at most, for the outbox sweep to send what is left


async def echo(request: web.Request) -> web.Response:
    try:
        verify(TOKEN, dict(request.query), shanghai_now())
        message = wire.parse(await request.read())
    except Forbidden:
        return web.Response(status=403)
    except wire.BadXml:
        return web.Response(status=400)
    said = getattr(message, "content", None) or "welcome"
    text = wire.text_reply(message, said, int(time.time()))
    return web.Response(text=text, content_type="application/xml")


async def wechatpy_echo(request: web.Request) -> web.Response:
    query = request.query
    try:
        check_signature(TOKEN, query["signature"], query["timestamp"], query["nonce"])
    except (InvalidSignatureException, KeyError):
        return web.Response(status=403)
    message = parse_message(await request.read())
    reply = create_reply(getattr(message, "content", None) or "welcome", message)
    return web.Response(text=reply.render(), content_type="application/xml")


HANDLER_SECONDS: list[float] = []


@web.middleware
async def timed(request: web.Request, handler: Handler) -> web.StreamResponse:
    started = time.perf_counter()
    try:
        return await handler(request)
    finally:
        HANDLER_SECONDS.append(time.perf_counter() - started)


async def serve(app: web.Application) -> tuple[web.AppRunner, str]:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    return runner, f"http://127.0.0.1:{runner.addresses[0][1]}/wechat"


def xml(user: str, serial: int, text: str | None) -> bytes:
    stamp = int(time.time())
    head = (
        f"<xml><ToUserName><![CDATA[gh_bench]]></ToUserName>"
        f"<FromUserName><![CDATA[{user}]]></FromUserName><CreateTime>{stamp}</CreateTime>"
    )
    if text is None:
        body = "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event>"
    else:
        body = (
            f"<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{text}]]></Content>"
            f"<MsgId>{serial}</MsgId>"
        )
    return (head + body + "</xml>").encode()


def query() -> dict[str, str]:
    stamp, nonce = str(int(time.time())), secrets.token_hex(5)
    return {"signature": signature(TOKEN, stamp, nonce), "timestamp": stamp, "nonce": nonce}


@dataclass
class Load:
    latencies: list[float] = field(default_factory=list)  # first post to the answer taken
    elapsed: float = 0.0
    passive: int = 0  # messages answered with a passive reply
    texts: int = 0  # text messages (the others are subscribe events)
    retries: int = 0  # posts again after WeChat's 5 s or an error status
    refused: int = 0  # answered with an error status (503: the database could not keep it)
    given_up: int = 0  # no answer to any of the three attempts


async def run_load(url: str, users: int, rounds: int, prefix: str = "bench") -> Load:
    """Users as WeChat posts for them: a response not read within 5 s is given up on and the
    same MsgId posted again (new timestamp and nonce), up to three attempts in all."""
    load = Load()
    wait = ClientTimeout(total=DEADLINE)

    async def post(session: ClientSession, name: str, msg_id: int, text: str | None) -> str:
        for attempt in range(1, WECHAT_ATTEMPTS + 1):
            if attempt > 1:
                load.retries += 1
            try:
                data = xml(name, msg_id, text)
                async with session.post(url, params=query(), data=data, timeout=wait) as r:
                    body = await r.text()
                    if r.status == 200:
                        return body
                    assert r.status >= 500, (r.status, body)
                    load.refused += 1
            except TimeoutError:
                pass
        load.given_up += 1
        return "timed out"

    async def user(session: ClientSession, index: int) -> None:
        for round_ in range(rounds):
            name = f"o-{prefix}-{index:04d}-{round_}"
            for serial, text in enumerate((None, *CONVERSATION)):
                msg_id = hash((prefix, index, round_, serial)) & 0x7FFFFFFFFFFF
                started = time.perf_counter()
                body = await post(session, name, msg_id, text)
                load.latencies.append(time.perf_counter() - started)
                load.passive += body not in ("success", "timed out")
                load.texts += text is not None

    # No cap on connections (aiohttp's default is 100): every user's request is in flight.
    async with ClientSession(connector=TCPConnector(limit=0)) as session:
        started = time.perf_counter()
        await asyncio.gather(*(user(session, i) for i in range(users)))
        load.elapsed = time.perf_counter() - started
    return load


def summary(name: str, load: Load) -> dict[str, float]:
    ordered = sorted(load.latencies)
    p50 = statistics.median(ordered)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    rate = len(ordered) / load.elapsed
    print(
        f"{name:<22} {len(ordered):>6} msgs  p50 {p50 * 1000:7.1f} ms  p99 {p99 * 1000:7.1f} ms"
        f"  max {ordered[-1] * 1000:7.1f} ms  {rate:7.1f} msg/s"
        f"  passive {load.passive}/{len(ordered)}  posted again {load.retries}"
        f" (error status {load.refused}, no answer to three posts {load.given_up})"
    )
    return {"p50": p50, "p99": p99, "rate": rate}


async def servers(ready: Callable[[str, str], None], stop: asyncio.Event, database: str) -> None:
    """The server side, in its own process: the fake WeChat API, /wechat and the echo."""
    fake = FakeWeChatApi(appid=APPID)
    await fake.start()
    async with fresh_sqlite() if database == "sqlite" else fresh_database() as database_url:
        settings = Settings(
            database_url=database_url,
            wechat_token=SecretStr(TOKEN),
            wechat_appid=APPID,
            wechat_secret=SecretStr(fake.secret),
            wechat_api_base=fake.base_url,
        )
        runtime = build_runtime(settings)
        # Built lazily it blocks the event loop for seconds on the first FAQ question.
        await asyncio.to_thread(default_retriever)
        app = web.Application(middlewares=[timed])
        app[RUNTIME] = runtime
        setup(app, runtime)
        handed_over = count_handovers(runtime.outbox)
        bot_runner, bot_url = await serve(app)
        echo_app = web.Application()
        echo_app.router.add_post("/wechat", echo)
        echo_app.router.add_post("/wechatpy", wechatpy_echo)
        echo_runner, echo_url = await serve(echo_app)
        sweeping = asyncio.ensure_future(sweep_forever(runtime.outbox))  # as `jifen serve` does
        ready(bot_url, echo_url)
        await stop.wait()
        await app[WECHAT].settle()
        while await app[WECHAT].inbox.sweep(grace=timedelta(0)) == SWEEP_LIMIT:
            pass
        # A reply whose first attempt failed (the connection pool timed out under load) goes out
        # with the outbox sweep once its lease runs out, as in production; then it is counted.
        deadline = time.monotonic() + SETTLE
        while time.monotonic() < deadline and await pending_replies(database_url):
            await asyncio.sleep(1)
        sweeping.cancel()
        await runtime.outbox.marks.flush()
        print(json.dumps(await delivery_figures(runtime, handed_over)), flush=True)
        inside = sorted(HANDLER_SECONDS[1:])  # without the warm-up's first message
        p50, p99 = statistics.median(inside), inside[int(len(inside) * 0.99)]
        print(
            f"  /wechat handler alone (server side): p50 {p50 * 1000:.1f} ms"
            f"  p99 {p99 * 1000:.1f} ms  max {inside[-1] * 1000:.1f} ms;"
            f" customer-service messages sent: {len(fake.sent())}",
            file=sys.stderr,
        )
        await bot_runner.cleanup()
        await echo_runner.cleanup()
        await runtime.db.dispose()
    await fake.close()


def count_handovers(outbox: Outbox) -> Counter[int]:
    """Outbox row id -> times handed over: a reply is marked once its passive response was
    written, or once the customer-service API took it (`marks.add`). Marks given back by a
    failed batch (`restore`) do not go through `add`: no handover."""
    handed: Counter[int] = Counter()
    add = outbox.marks.add

    def marked(ids: Sequence[int]) -> None:
        handed.update(ids)
        add(ids)

    outbox.marks.add = marked  # type: ignore[method-assign]
    return handed


async def delivery_figures(runtime: Runtime, handed: Counter[int]) -> dict[str, int]:
    async with runtime.db.transaction() as session:
        stepped = await session.scalar(
            select(func.count()).where(
                ProcessedMessage.channel == "wechat", ~ProcessedMessage.message_id.contains(":")
            )
        )
        stepped_ids = select(ProcessedMessage.message_id).where(
            ProcessedMessage.channel == "wechat"
        )
        unstepped = await session.scalar(
            select(func.count(func.distinct(InboxMessage.message_id))).where(
                InboxMessage.inbound.is_not(None), InboxMessage.message_id.not_in(stepped_ids)
            )
        )
        rows = list(
            await session.scalars(select(OutboxReply.id).join(User).where(User.channel == "wechat"))
        )
    return {
        "stepped": stepped or 0,
        "written_down_never_stepped": unstepped or 0,
        "replies": len(rows),
        "never_handed_over": sum(1 for row in rows if handed[row] == 0),
        "handed_over_twice": sum(handed[row] - 1 for row in rows if handed[row] > 1),
    }


def serve_forever(database: str) -> None:
    async def run() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()

        def parent_done() -> None:  # it closed our stdin: readable from now on, so read once
            loop.remove_reader(sys.stdin)
            stop.set()

        loop.add_reader(sys.stdin, parent_done)

        def ready(bot_url: str, echo_url: str) -> None:
            print(bot_url, echo_url, flush=True)

        await servers(ready, stop, database)

    asyncio.run(run())


async def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--users", type=int, default=40, help="concurrent users [40]")
    parser.add_argument("--rounds", type=int, default=2, help="conversations per user [2]")
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not 1 <= args.users <= 500 or not 1 <= args.rounds <= 20:
        parser.error("keep the load bounded: 1-500 users, 1-20 rounds")
    server = await asyncio.create_subprocess_exec(
        sys.executable,
        __file__,
        "--serve",
        "--database",
        args.database,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
    )
    assert server.stdout is not None and server.stdin is not None
    bot_url, echo_url = (await server.stdout.readline()).decode().split()
    try:
        print(
            f"{args.users} concurrent users x {args.rounds} conversations of "
            f"{len(CONVERSATION) + 1} messages; {args.database}; server in its own process"
            " on 127.0.0.1"
        )
        bare_url = echo_url + "py"
        for url in (bare_url, echo_url, bot_url):  # warm up: imports, FAQ index, token, ...
            warm = await run_load(url, 1, 1, prefix="warm")
        bare = summary("bare wechatpy echo", await run_load(bare_url, args.users, args.rounds))
        base = summary("echo (verify + parse)", await run_load(echo_url, args.users, args.rounds))
        load = await run_load(bot_url, args.users, args.rounds)
        bot = summary("/wechat (full step)", load)
    finally:
        server.stdin.close()
        figures = json.loads((await server.stdout.readline()).decode() or "{}")
        await server.wait()
    if figures:
        lost = warm.texts + load.texts - figures["stepped"]
        print(
            f"lost messages {lost} of {warm.texts + load.texts} sent (never stepped;"
            f" {figures['written_down_never_stepped']} of them in the inbox);"
            f" replies {figures['replies']}: never handed over {figures['never_handed_over']},"
            f" handed over twice {figures['handed_over_twice']}"
        )
    for name, echoed in (("bare wechatpy echo", bare), ("echo (verify + parse)", base)):
        p50, p99 = bot["p50"] / echoed["p50"], bot["p99"] / echoed["p99"]
        rate = bot["rate"] / echoed["rate"]
        print(f"ratio /wechat : {name:<22} p50 x{p50:.1f}  p99 x{p99:.1f}  throughput x{rate:.2f}")
    verdict = "well below" if bot["p99"] < DEADLINE / 5 else "NOT well below"
    print(f"p99 {verdict} WeChat's {DEADLINE:.0f} s deadline")
    print("load average: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    return 0


if __name__ == "__main__":
    if "--serve" in sys.argv:
        serve_forever(sys.argv[sys.argv.index("--database") + 1])
    else:
        sys.exit(asyncio.run(main()))
